/// Reads one IDX file (`.gz` or not) as a `uint8` tensor: `[N]` for labels, `[N, rows, cols]`
/// for images. Throws `EngineError.data` naming the file for a missing or unreadable file, a
/// wrong magic number, a truncated file, a damaged gzip stream or unexpected trailing bytes.
public func loadIDX(_ path: String) throws -> Tensor {
    try IDXReader.tensor(fromFileBytes: FileBytes.read(path), file: path)
}

/// The IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian header, then the values.
///
///     bytes 0–1   zero
///     byte  2     element type: 0x08 unsigned byte (the only one read here), 0x09 signed byte,
///                 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64
///     byte  3     number of dimensions d
///     4 … 4+4d    each dimension, a big-endian UInt32
///     then        the values, row-major, nothing after them
///
/// Policy: the file must hold exactly the bytes its header declares. Fewer is "truncated", more
/// is "damaged" (Keras's own loader would fail to reshape them too). Gzip data is recognised by
/// its magic bytes, not by the file name.
enum IDXReader {
    /// What an IDX header declares.
    struct Header: Equatable {
        var shape: [Int]
        /// Where the values start: 4 + 4 × rank.
        var dataOffset: Int
        /// The number of values (one byte each).
        var count: Int
        /// The size of a well-formed file.
        var fileSize: Int { dataOffset + count }
    }

    /// The tensor in `bytes`, a whole file as read from disk (gzip-compressed or not).
    static func tensor(fromFileBytes bytes: [UInt8], file: String) throws -> Tensor {
        try tensor(from: inflatedIfGzip(bytes, file: file), file: file)
    }

    /// How far past the size its header declares a gzip stream may inflate before it is cut off.
    /// A little slack lets a few stray bytes be reported as such (with their count) by the IDX
    /// check, while a stream that inflates to gigabytes stops within 64 KiB of the declared size.
    static let inflationMargin = 1 << 16

    /// `bytes` themselves, or their inflated contents if they are gzip data. The output is
    /// bounded by the IDX header inside it, so a forged stream cannot exhaust memory.
    static func inflatedIfGzip(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        guard Gzip.isGzip(bytes) else { return bytes }
        var declared: Int?
        do {
            return try Gzip.decompress(bytes, maximumSize: FileBytes.readLimit) { prefix in
                guard let header = try header(of: prefix, file: file, complete: false) else { return nil }
                declared = header.fileSize
                return header.fileSize + inflationMargin
            }
        } catch let failure as Gzip.Failure {
            throw EngineError.data(EngineMessages.gzip(failure, file, declaredBytes: declared))
        }
    }

    /// The tensor in `bytes`, an uncompressed IDX file.
    static func tensor(from bytes: [UInt8], file: String) throws -> Tensor {
        let header = try header(of: bytes, file: file, complete: true)!
        return try bytes.withUnsafeBufferPointer { source in
            try Tensor(shape: header.shape, dtype: .uint8) { target in
                convert(source.baseAddress! + header.dataOffset, to: target.baseAddress!, count: header.count)
            }
        }
    }

    /// The header at the start of `bytes`, checked against their length when `complete`.
    /// With `complete` false, `bytes` may be a prefix of the file: nil means "not enough yet".
    static func header<Bytes: RandomAccessCollection>(of bytes: Bytes, file: String, complete: Bool) throws -> Header?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let b = bytes.startIndex
        if complete && bytes.count < 4 {
            throw EngineError.data(bytes.isEmpty ? EngineMessages.emptyIDXFile(file)
                                                 : EngineMessages.notIDX(file, firstBytes: Array(bytes)))
        }
        // The magic number, as far as it is there.
        if bytes.count >= 1 && bytes[b] != 0 || bytes.count >= 2 && bytes[b + 1] != 0 {
            throw EngineError.data(EngineMessages.notIDX(file, firstBytes: Array(bytes.prefix(4))))
        }
        if bytes.count >= 3 && bytes[b + 2] != 0x08 {
            let names: [UInt8: String] = [0x09: "signed bytes", 0x0B: "16-bit integers", 0x0C: "32-bit integers",
                                          0x0D: "32-bit floats", 0x0E: "64-bit floats"]
            guard let name = names[bytes[b + 2]] else {
                throw EngineError.data(EngineMessages.notIDX(file, firstBytes: Array(bytes.prefix(4))))
            }
            throw EngineError.data(EngineMessages.unsupportedIDXType(file, typeCode: bytes[b + 2], typeName: name))
        }
        if bytes.count >= 4 && !(1...4).contains(bytes[b + 3]) {
            throw EngineError.data(EngineMessages.unsupportedIDXRank(file, dimensions: Int(bytes[b + 3])))
        }
        let dataOffset = bytes.count >= 4 ? 4 + 4 * Int(bytes[b + 3]) : 8
        guard bytes.count >= dataOffset else {
            if complete { throw EngineError.data(EngineMessages.idxHeaderTruncated(file, bytes: bytes.count, needed: dataOffset)) }
            return nil
        }

        var shape: [Int] = []
        for axis in 0..<(dataOffset - 4) / 4 {
            let at = b + 4 + 4 * axis
            shape.append(Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]))
        }
        // Each size is below 2^32, so the product of up to four cannot overflow before the limit
        // check stops it: the check runs after every factor.
        var count = 1
        for size in shape {
            count *= size
            guard count <= Tensor.elementLimit else { throw EngineError.data(EngineMessages.idxTooLarge(file, shape: shape)) }
        }
        let header = Header(shape: shape, dataOffset: dataOffset, count: count)

        if complete {
            let found = bytes.count - dataOffset
            if found < count {
                throw EngineError.data(EngineMessages.idxTruncated(file, shape: shape, found: found, needed: count))
            }
            if found > count {
                throw EngineError.data(EngineMessages.idxTrailingData(file, shape: shape, extra: found - count))
            }
        }
        return header
    }

    /// Widens `count` bytes to Float32, eight at a time: the loop that loading 47 million pixels
    /// spends its time in, kept simple enough to be quick even in debug builds.
    @inline(__always)
    static func convert(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let whole = count & ~7
        while i < whole {
            target[i] = Float(source[i])
            target[i + 1] = Float(source[i + 1])
            target[i + 2] = Float(source[i + 2])
            target[i + 3] = Float(source[i + 3])
            target[i + 4] = Float(source[i + 4])
            target[i + 5] = Float(source[i + 5])
            target[i + 6] = Float(source[i + 6])
            target[i + 7] = Float(source[i + 7])
            i &+= 8
        }
        while i < count {
            target[i] = Float(source[i])
            i &+= 1
        }
    }
}
