import LabbookDiagnostics

/// The notebook's text split into lines, with conversions between cmark's byte columns and the
/// character columns that diagnostics use.
struct SourceText {
    let text: String
    let lines: [Substring]

    init(_ text: String) {
        self.text = text
        lines = SourceLines.split(text)
    }

    /// The 1-based line, or "" past the end.
    func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The character column of a 1-based UTF-8 byte column on a line (cmark counts bytes).
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1 else { return max(byteColumn, 0) }
        let bytes = Array(line(number).utf8)
        let prefix = bytes.prefix(byteColumn - 1)
        // Count the bytes that start a character (not UTF-8 continuation bytes 10xxxxxx); a
        // column in the middle of a character rounds down to that character.
        let scalars = prefix.filter { $0 & 0xC0 != 0x80 }.count
        let text = String(decoding: prefix, as: UTF8.self)
        // Combining marks make several scalars one character.
        return min(scalars, text.count) + 1
    }

    /// The text of lines `first...last`, joined with "\n" (no final newline).
    func slice(lines first: Int, _ last: Int) -> String {
        guard first <= last else { return "" }
        let lo = max(first, 1), hi = min(last, lines.count)
        guard lo <= hi else { return "" }
        return lines[(lo - 1)...(hi - 1)].joined(separator: "\n")
    }

    /// The last line in `first...last` that is not blank (or `first - 1` if all are).
    func lastNonBlankLine(from first: Int, through last: Int) -> Int {
        var l = min(last, lines.count)
        while l >= first, line(l).allSatisfy(\.isWhitespace) { l -= 1 }
        return l
    }
}
