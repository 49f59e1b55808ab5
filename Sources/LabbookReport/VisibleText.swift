/// Text from a program or a notebook made safe to show: control characters other than newline
/// and tab (a NUL, an escape sequence, a bell) become their visible Unicode pictures (`␀`, `␛`),
/// so that they never reach `index.html`, `report.md` or a terminal raw.
public enum VisibleText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars { out.append(isHidden(c) ? picture(of: c) : c) }
        return String(out)
    }

    /// C0 controls but newline and tab, DEL, and the C1 controls.
    static func isHidden(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\n" && c != "\t") || (0x7F...0x9F).contains(c.value)
    }

    /// U+2400 + the code for C0 controls, `␡` for DEL, `�` for the C1 controls.
    static func picture(of c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x20 { return Unicode.Scalar(0x2400 + c.value)! }
        return c.value == 0x7F ? "\u{2421}" : "\u{FFFD}"
    }
}
