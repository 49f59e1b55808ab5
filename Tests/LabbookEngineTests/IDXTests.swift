import Foundation
import Testing
@testable import LabbookEngine

/// IDX parsing and gzip inflation, on small files made here; the real files are
/// `FashionMNISTTests`' business.
@Suite struct IDXTests {
    @Test func readsLabelsAndImagesUncompressed() throws {
        let labels = try IDXReader.tensor(fromFileBytes: idx([4], [9, 0, 0, 3]), file: "labels")
        #expect(labels.shape == [4])
        #expect(labels.dtype == .uint8)
        #expect(labels.scalars == [9, 0, 0, 3])

        let pixels: [UInt8] = (0..<12).map { UInt8($0 * 20) }
        let images = try IDXReader.tensor(fromFileBytes: idx([2, 2, 3], pixels), file: "images")
        #expect(images.shape == [2, 2, 3])
        #expect(images.dtype == .uint8)
        #expect(images.scalars == pixels.map(Float.init))
    }

    @Test func readsGzipByItsMagicBytes() throws {
        // `gzip.compress(idx, mtime=0)` in Python, for the IDX file of the labels 9, 0, 0, 3.
        let compressed: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x63, 0x60, 0xE0, 0x60, 0x64, 0x60,
            0x60, 0x60, 0xE1, 0x64, 0x60, 0x60, 0x06, 0x00, 0x28, 0x2A, 0xF8, 0x6E, 0x0C, 0x00, 0x00, 0x00,
        ]
        let labels = try IDXReader.tensor(fromFileBytes: compressed, file: "labels.gz")
        #expect(labels.shape == [4])
        #expect(labels.scalars == [9, 0, 0, 3])
        // Made by the test's own stored-block writer: the same result.
        #expect(try IDXReader.tensor(fromFileBytes: gzipStored(idx([4], [9, 0, 0, 3])), file: "x") == labels)
    }

    @Test func readsConcatenatedGzipMembers() throws {
        // Two members, as `cat a.gz b.gz` makes: the first 6 bytes of the file, then the rest.
        let file = idx([4], [9, 0, 0, 3])
        let labels = try IDXReader.tensor(fromFileBytes: gzipStored(Array(file[..<6])) + gzipStored(Array(file[6...])),
                                          file: "two.gz")
        #expect(labels.scalars == [9, 0, 0, 3])
    }

    @Test func largeFileFillsEveryValue() throws {
        // 3 × 70,000 values: several stored blocks, and the 8-wide loop plus its tail.
        let values = (0..<210_003).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let tensor = try IDXReader.tensor(fromFileBytes: gzipStored(idx([3, 70_001], values)), file: "big.gz")
        #expect(tensor.shape == [3, 70_001])
        #expect(tensor.scalars == values.map(Float.init))
    }

    @Test func loadIDXReadsAFileAndNamesMissingOnes() throws {
        let folder = try temporaryFolder()
        let path = folder + "/labels-idx1-ubyte"
        try Data(idx([2], [7, 1])).write(to: URL(fileURLWithPath: path))
        #expect(try loadIDX(path).scalars == [7, 1])

        let missing = folder + "/nothing-here"
        expectDataError(containing: [missing, "No such file"]) { _ = try loadIDX(missing) }
        expectDataError(containing: [folder, "not a regular file"]) { _ = try loadIDX(folder) }
    }

    /// Each damaged file gives an error that names it and says what is wrong.
    @Test(arguments: [
        ("wrong magic", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 1, 0], "is not an IDX file: it starts with 50 4B 03 04"),
        ("empty", [], "is empty: an IDX file holds at least a header"),
        ("three bytes", [0, 0, 8], "is not an IDX file: it starts with 00 00 08"),
        ("short header", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0], "is truncated: it has 10 bytes, fewer than the 16 of its IDX header"),
        ("float data", [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], "holds 32-bit floats (IDX type code 0x0D)"),
        ("unknown type", [0, 0, 0x42, 1, 0, 0, 0, 0], "is not an IDX file"),
        ("no dimensions", [0, 0, 8, 0], "declares 0 dimensions"),
        ("truncated data", [0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3], "is truncated: its IDX header declares [5], which needs 5 bytes of data, but only 3 follow"),
        ("trailing data", [0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3], "1 unexpected bytes follow the [2] values"),
        // 2^32 − 1 cubed: refused from the header, before anything is allocated.
        ("huge dims", [0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12), "more than the limit of"),
    ] as [(String, [UInt8], String)])
    func rejectsDamagedFiles(_ name: String, _ bytes: [UInt8], _ message: String) {
        expectDataError(containing: ["damaged-\(name)", message]) {
            _ = try IDXReader.tensor(fromFileBytes: bytes, file: "damaged-\(name)")
        }
        // The same, compressed (except the empty file, which has no gzip magic to find).
        if !bytes.isEmpty {
            expectDataError(containing: ["damaged-\(name).gz", message]) {
                _ = try IDXReader.tensor(fromFileBytes: gzipStored(bytes), file: "damaged-\(name).gz")
            }
        }
    }

    @Test func rejectsDamagedGzipStreams() {
        let good = gzipStored(idx([4], [9, 0, 0, 3]))
        expectDataError(containing: ["cut.gz", "is truncated: its gzip stream ends before its end marker"]) {
            _ = try IDXReader.tensor(fromFileBytes: Array(good.dropLast(6)), file: "cut.gz")
        }
        var flipped = good
        flipped[20] ^= 0xFF  // a data byte: the CRC-32 in the trailer no longer matches
        expectDataError(containing: ["flipped.gz", "is damaged: its gzip stream cannot be inflated (incorrect data check)"]) {
            _ = try IDXReader.tensor(fromFileBytes: flipped, file: "flipped.gz")
        }
        var badBlock = good
        badBlock[10] = 0x07  // block type 3, which does not exist
        expectDataError(containing: ["block.gz", "cannot be inflated (invalid block type)"]) {
            _ = try IDXReader.tensor(fromFileBytes: badBlock, file: "block.gz")
        }
        expectDataError(containing: ["tail.gz", "is damaged: 3 unexpected bytes follow the end of its gzip stream"]) {
            _ = try IDXReader.tensor(fromFileBytes: good + [1, 2, 3], file: "tail.gz")
        }
    }

    @Test func stopsInflatingPastWhatTheHeaderDeclares() {
        // A header declaring 4 labels, then 100,000 bytes: refused once the output passes 12 bytes
        // and the 64 KiB margin.
        let bomb = gzipStored(idx([4], [UInt8](repeating: 0, count: 100_000)))
        expectDataError(containing: ["bomb.gz", "inflates to far more than the 12 bytes its IDX header describes"]) {
            _ = try IDXReader.tensor(fromFileBytes: bomb, file: "bomb.gz")
        }
    }

    @Test func gzipRespectsItsOwnLimit() throws {
        let data = gzipStored([UInt8](repeating: 1, count: 5000))
        #expect(try Gzip.decompress(data, maximumSize: 5000).count == 5000)
        #expect(throws: Gzip.Failure.tooLarge(limit: 4999)) { try Gzip.decompress(data, maximumSize: 4999) }
        #expect(throws: Gzip.Failure.truncated) { try Gzip.decompress([0x1F, 0x8B], maximumSize: 10) }
    }
}

// MARK: - Helpers shared with the other data tests

/// An IDX file of unsigned bytes.
func idx(_ shape: [Int], _ values: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, 8, UInt8(shape.count)]
    for size in shape { bytes += withUnsafeBytes(of: UInt32(size).bigEndian, Array.init) }
    return bytes + values
}

/// `bytes` as a gzip file of stored (uncompressed) deflate blocks (RFC 1951 §3.2.4, RFC 1952),
/// so that tests can make any gzip file without a compressor.
func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    var start = 0
    repeat {
        let end = min(start + 65_535, bytes.count)
        let length = UInt16(end - start)
        out.append(end == bytes.count ? 1 : 0)  // BFINAL, BTYPE = 00
        out += withUnsafeBytes(of: length.littleEndian, Array.init)
        out += withUnsafeBytes(of: (~length).littleEndian, Array.init)
        out += bytes[start..<end]
        start = end
    } while start < bytes.count
    out += withUnsafeBytes(of: crc32(bytes).littleEndian, Array.init)
    out += withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian, Array.init)
    return out
}

/// CRC-32 as gzip uses it (reflected, polynomial 0xEDB88320).
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

/// A new empty folder under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "labbook-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Expects `body` to throw `EngineError.data` whose message contains each of `fragments`.
func expectDataError(containing fragments: [String], sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected an error containing \(fragments)", sourceLocation: sourceLocation)
    } catch let EngineError.data(message) {
        for fragment in fragments where !message.contains(fragment) {
            Issue.record("\"\(message)\" does not contain \"\(fragment)\"", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected EngineError.data, got \(error)", sourceLocation: sourceLocation)
    }
}
