
/// Text from a report (labels, metric names, expressions, inline values, paths) made safe to
/// print on a terminal: control characters, which could move the cursor, recolour or clear the
/// screen (`ESC [2J`), and the invisible characters that reorder text, are shown as Swift escapes
/// (`\u{1B}`). A newline inside a label is shown as `\u{A}` too, so the output's own newlines
/// stay the only line breaks.
enum TerminalText {
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls and DEL (category Cc), the line and paragraph separators, and the
    /// bidirectional marks, embeddings, overrides and isolates.
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
