/// How deeply a mustache template nests its sections, measured before swift-mustache parses it:
/// its parser recurses once per section, so a template of 5,000 nested sections would exhaust
/// the stack. Set-delimiter tags (`{{=<% %>=}}`) are followed, so they cannot hide sections.
enum TemplateNesting {
    /// The deepest nesting accepted; the default template nests 6 deep.
    static let maximumDepth = 100

    /// The line of the first section opened beyond ``maximumDepth``, or nil when there is none.
    static func firstTooDeep(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0, line = 1, i = 0
        func matches(_ token: [UInt8], at index: Int) -> Bool {
            index + token.count <= bytes.count && bytes[index..<index + token.count].elementsEqual(token)
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1 }
            guard matches(open, at: i) else { i += 1; continue }
            i += open.count
            guard i < bytes.count else { break }
            let sigil = bytes[i]
            // The tag's content, up to its closing delimiter (`=` before it for set-delimiter tags).
            let start = i
            while i < bytes.count, !matches(close, at: i) {
                if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                i += 1
            }
            let content = bytes[start..<i]
            i += close.count
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > maximumDepth { return line }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                let inner = content.dropFirst().reversed().drop { $0 == UInt8(ascii: "=") }.reversed()
                let parts = inner.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            default:
                break
            }
        }
        return nil
    }
}
