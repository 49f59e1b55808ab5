/// The report layer's messages that are not errors of writing it (those are ``ReportError``).
enum ReportMessages {
    /// A figure whose drawing failed: the block's error, in place of the figure.
    static func figureNotDrawn(_ number: Int, label: String, _ error: String) -> String {
        "figure \(number) of block '\(label)' could not be drawn: \(error)"
    }
}
