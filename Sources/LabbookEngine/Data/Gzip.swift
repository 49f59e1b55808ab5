import CZlib

/// Gunzips bytes through zlib. The only file that talks to zlib: it hands back Swift arrays and
/// ends the zlib stream before returning, on every path.
enum Gzip {
    /// What went wrong, without the file name (the caller knows it and words the message).
    enum Failure: Error, Equatable {
        /// zlib rejected the stream: a flipped bit, a bad checksum, not deflate data.
        case damaged(String)
        /// The input ends before the gzip stream's end marker.
        case truncated
        /// The data inflates to more than `limit` bytes.
        case tooLarge(limit: Int)
        /// Bytes after the end of the gzip stream that are not another gzip member.
        case trailingData(bytes: Int)
    }

    /// Whether `bytes` start with gzip's magic number (1F 8B).
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The inflated contents of the gzip data `input`.
    ///
    /// Concatenated gzip members are inflated one after the other, as `gunzip` does; any other
    /// byte after the end of the last member is `trailingData` (gunzip only warns about it, but a
    /// data file with unexplained bytes is more likely damaged than padded).
    ///
    /// - Parameters:
    ///   - maximumSize: the output may not exceed this many bytes; the buffer never grows past it.
    ///   - limitFromPrefix: asked, each time more output arrives and until it answers non-nil,
    ///     for the size the data's own header allows (an IDX header says exactly how many bytes
    ///     follow it); may throw to stop early, for example on a wrong magic number.
    static func decompress(
        _ input: [UInt8],
        maximumSize: Int,
        limitFromPrefix: (UnsafeBufferPointer<UInt8>) throws -> Int? = { _ in nil }
    ) throws -> [UInt8] {
        var limit = maximumSize
        var limitKnown = false
        // The gzip trailer's last 4 bytes hold the inflated size modulo 2^32: a good first guess,
        // capped by deflate's best ratio (about 1032:1) so a forged trailer cannot make us allocate.
        var hint = input.count >= 4
            ? Int(input[input.count - 4]) | Int(input[input.count - 3]) << 8
                | Int(input[input.count - 2]) << 16 | Int(input[input.count - 1]) << 24
            : 0
        hint = min(max(hint, 4096), 1032 * input.count + 4096, limit + 1)
        var output = [UInt8](repeating: 0, count: hint)
        var produced = 0

        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.damaged(EngineMessages.zlibCannotStart)
        }
        defer { inflateEnd(&stream) }

        try input.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { throw Failure.truncated }
            var consumed = 0
            while true {
                if produced == output.count {
                    // Room for one byte past the limit, so that reaching it can be told apart
                    // from exceeding it.
                    guard produced <= limit else { throw Failure.tooLarge(limit: limit) }
                    let grown = min(max(output.count * 2, 4096), limit + 1)
                    output.append(contentsOf: repeatElement(0, count: grown - output.count))
                }
                let inputChunk = min(source.count - consumed, Int(UInt32.max))
                stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
                stream.avail_in = UInt32(inputChunk)
                let status: Int32 = output.withUnsafeMutableBufferPointer { target in
                    let room = min(target.count - produced, Int(UInt32.max))
                    stream.next_out = target.baseAddress! + produced
                    stream.avail_out = UInt32(room)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += room - Int(stream.avail_out)
                    return status
                }
                consumed += inputChunk - Int(stream.avail_in)

                if produced > limit { throw Failure.tooLarge(limit: limit) }
                if !limitKnown {
                    let allowed = try output.withUnsafeBufferPointer {
                        try limitFromPrefix(UnsafeBufferPointer(rebasing: $0[0..<produced]))
                    }
                    if let allowed {
                        limitKnown = true
                        limit = min(limit, allowed)
                        if produced > limit { throw Failure.tooLarge(limit: limit) }
                    }
                }

                switch status {
                case Z_STREAM_END:
                    let remaining = source.count - consumed
                    if remaining == 0 { return }
                    if remaining >= 2 && source[consumed] == 0x1F && source[consumed + 1] == 0x8B {
                        guard inflateReset(&stream) == Z_OK else { throw Failure.damaged(EngineMessages.zlibCannotReset) }
                        continue
                    }
                    throw Failure.trailingData(bytes: remaining)
                case Z_OK, Z_BUF_ERROR:
                    // zlib stopped with output room left: it has used all the input and needs more.
                    if consumed == source.count && produced < output.count { throw Failure.truncated }
                case Z_NEED_DICT:
                    throw Failure.damaged(EngineMessages.gzipPresetDictionary)
                case Z_MEM_ERROR:
                    throw Failure.damaged(EngineMessages.zlibOutOfMemory)
                default:
                    throw Failure.damaged(stream.msg.map { String(cString: $0) } ?? EngineMessages.zlibError(status))
                }
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}
