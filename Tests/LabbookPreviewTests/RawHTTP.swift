import Foundation

/// HTTP and a WebSocket spoken byte for byte to 127.0.0.1, so that a test chooses the exact
/// request line and `Host` header (a browser or URLSession would clean `..` up first).
struct RawHTTP {
    let port: Int

    /// One request; its status code and body.
    func get(_ target: String, host: String? = nil) throws -> (status: Int, headers: String, body: Data) {
        let connection = try Connection(port: port)
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        try connection.send("GET \(target) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
        let reply = connection.readAll()
        guard let end = reply.range(of: Data("\r\n\r\n".utf8)) else { throw Failure.malformed(String(decoding: reply, as: UTF8.self)) }
        let head = String(decoding: reply[..<end.lowerBound], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, head, Data(reply[end.upperBound...]))
    }

    /// A WebSocket to the preview: the text of each message the server sends, in order.
    final class Socket {
        private let connection: Connection
        private var buffer = Data()

        /// Opens the WebSocket at `path` on 127.0.0.1 port `port`.
        init(port: Int, path: String = "/_labbook/socket") throws {
            connection = try Connection(port: port)
            try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            while buffer.range(of: Data("\r\n\r\n".utf8)) == nil {
                guard let more = connection.read() else { throw Failure.malformed(String(decoding: buffer, as: UTF8.self)) }
                buffer += more
            }
            let end = buffer.range(of: Data("\r\n\r\n".utf8))!
            let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
            guard head.hasPrefix("HTTP/1.1 101") else { throw Failure.malformed(head) }
            buffer = Data(buffer[end.upperBound...])
        }

        /// The next text message; nil when the server closed the socket or `seconds` passed.
        func next(seconds: Double = 60) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let message = take() { return message }
                guard let more = connection.read(timeout: deadline.timeIntervalSinceNow) else { return nil }
                buffer += more
            }
            return nil
        }

        /// Sends one text message (a client masks its frames).
        func send(_ text: String) throws {
            let payload = Array(text.utf8)
            var frame: [UInt8] = [0x81]
            if payload.count < 126 {
                frame.append(0x80 | UInt8(payload.count))
            } else if payload.count <= 0xffff {
                frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xff)]
            } else {
                frame.append(0x80 | 127)
                frame += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
            }
            let mask: [UInt8] = (0..<4).map { _ in UInt8.random(in: 0...255) }
            frame += mask
            frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
            try connection.send(frame)
        }

        /// The fragments of a text message still being received.
        private var fragments: [UInt8] = []

        /// A whole text message from the buffer (servers do not mask their frames), or nil when it
        /// is not all here; a close frame ends the stream (nil).
        private func take() -> String? {
            while true {
                let bytes = [UInt8](buffer)
                guard bytes.count >= 2 else { return nil }
                var length = Int(bytes[1] & 0x7f)
                var start = 2
                if length == 126 {
                    guard bytes.count >= 4 else { return nil }
                    length = Int(bytes[2]) << 8 | Int(bytes[3])
                    start = 4
                } else if length == 127 {
                    guard bytes.count >= 10 else { return nil }
                    length = bytes[2..<10].reduce(0) { $0 << 8 | Int($1) }
                    start = 10
                }
                guard bytes.count >= start + length else { return nil }
                buffer = Data(bytes[(start + length)...])
                let final = bytes[0] & 0x80 != 0
                switch bytes[0] & 0x0f {
                case 8:
                    return nil
                case 0, 1:
                    fragments += bytes[start..<(start + length)]
                    if final {
                        defer { fragments = [] }
                        return String(decoding: fragments, as: UTF8.self)
                    }
                default:
                    continue  // ping, pong, binary: not for these tests
                }
            }
        }
    }

    enum Failure: Error { case cannotConnect(Int32), malformed(String) }

    /// A TCP connection to 127.0.0.1.
    final class Connection {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if connected != 0 {
                close(descriptor)
                throw Failure.cannotConnect(errno)
            }
        }

        deinit { close(descriptor) }

        func send(_ text: String) throws { try send(Array(text.utf8)) }

        func send(_ bytes: [UInt8]) throws {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
                if n <= 0 { throw Failure.cannotConnect(errno) }
                sent += n
            }
        }

        /// What arrives next; nil at the end of the stream or after `timeout` seconds.
        func read(timeout: Double = 30) -> Data? {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, timeout * 1000))) == 1 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(descriptor, &chunk, chunk.count, 0)
            return n > 0 ? Data(chunk[..<n]) : nil
        }

        func readAll() -> Data {
            var data = Data()
            while let more = read() { data += more }
            return data
        }
    }
}
