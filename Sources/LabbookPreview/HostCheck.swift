/// Which `Host` headers the preview answers (DNS rebinding: a page of another site whose name
/// was made to point at 127.0.0.1 sends its own name, and is refused). Allowed: the address it
/// was told to listen on, `localhost`, and any IP address literal (no site can be reached by
/// one through a name of its own), each with the preview's port.
struct HostCheck: Sendable {
    /// The `--host` as given.
    let host: String

    /// Whether a request whose `Host` header is `header` comes to this preview on `port`.
    func allows(_ header: String?, port: Int) -> Bool {
        guard let header, let (name, givenPort) = HostCheck.split(header.lowercased()), givenPort == port else { return false }
        return name == host.lowercased() || name == "localhost" || HostCheck.isAddressLiteral(name)
    }

    /// `name:port` or `[v6]:port` split; nil without a port or with a bad one.
    private static func split(_ header: String) -> (String, Int)? {
        guard let colon = header.lastIndex(of: ":"), let port = Int(header[header.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        var name = String(header[..<colon])
        if name.hasPrefix("[") && name.hasSuffix("]") {
            name = String(name.dropFirst().dropLast())
            return name.contains(":") && name.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) ? (name, port) : nil
        }
        return name.isEmpty || name.contains(":") ? nil : (name, port)
    }

    /// A dotted IPv4 address or an IPv6 address (already unbracketed).
    private static func isAddressLiteral(_ name: String) -> Bool {
        if name.contains(":") { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
        }
    }
}
