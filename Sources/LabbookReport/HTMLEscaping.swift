/// HTML escaping: every string from the notebook or the program goes through `escape` before it
/// reaches a page (text and attribute values alike).
public enum HTML {
    public static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(VisibleText.isHidden(c) ? VisibleText.picture(of: c) : c)
            }
        }
        return out
    }

    /// A link target from the notebook, or nil when it could run script: only relative links,
    /// fragments and http(s)/mailto URLs are kept.
    static func safeURL(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        // A colon after a '/', '?' or '#' is part of a relative path, not a scheme.
        if let delimiter = trimmed.firstIndex(where: { "/?#".contains($0) }), delimiter < colon { return trimmed }
        let scheme = trimmed[..<colon].lowercased()
        return ["http", "https", "mailto"].contains(scheme) ? trimmed : nil
    }
}
