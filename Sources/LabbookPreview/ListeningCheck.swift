import Foundation

/// Whether the preview can listen where it was told, asked of the system before the server
/// starts, so that a port in use or a host that is no address here is a clear error that
/// names it rather than a server's stack of errors.
enum ListeningCheck {
    enum Result: Equatable {
        case free
        case inUse
        case unknownHost
        case refused(String)
    }

    /// Binds a socket to `host` port `port` and lets it go again.
    static func check(host: String, port: Int) -> Result {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return .unknownHost }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return .refused(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        if bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 { return .free }
        let code = errno
        if code == EADDRINUSE { return .inUse }
        if code == EADDRNOTAVAIL { return .unknownHost }
        return .refused(String(cString: strerror(code)))
    }
}
