import Foundation

/// Every number the report prints goes through here, so that the HTML, report.md and messages
/// agree: metrics with 4 decimals (as Keras prints them), points and seconds trimmed.
public enum ReportFormat {
    /// `0.3512` (Keras's 4 decimals); `nan`/`inf` as Keras prints them.
    public static func metric(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        return String(format: "%.4f", value)
    }

    /// `loss: 0.3512 - accuracy: 0.8762`, Keras's one-line result.
    public static func metrics(_ metrics: [MetricValue]) -> String {
        metrics.map { "\($0.name): \(metric($0.value))" }.joined(separator: " - ")
    }

    /// Points as the author wrote them: `2`, `0.75`, `1.5`.
    public static func points(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return String(format: "%g", value) }
        let rounded = (value * 1e6).rounded() / 1e6
        if let whole = Int(exactly: rounded) { return String(whole) }
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Seconds for people: `0.31 s`, `3.1 s`, `2 min 05 s`.
    public static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < 1e15 else { return "–" }
        if value < 10 { return String(format: "%.2f s", value) }
        if value < 60 { return String(format: "%.1f s", value) }
        let total = Int(value.rounded())
        return String(format: "%d min %02d s", total / 60, total % 60)
    }

    /// `101,770`: Keras's grouping, as the engine's printed summary has it.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// Keras's `readable_memory_size` of Float32 weights: `397.54 KB`, `0.00 B`.
    public static func memorySize(parameters: Int) -> String {
        var size = Double(parameters) * 4
        var unit = 0
        let units = ["B", "KB", "MB", "GB", "TB"]
        while size >= 1024, unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return String(format: "%.2f %@", size, units[unit])
    }

    /// `2026-11-29T01:20:31Z`: the render time, in UTC so it does not depend on the machine.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A JSON number: integers without a fraction, other doubles in Swift's shortest form that
    /// reads back to the same value (`0.1`, `3.0`, `1e-05`); non-finite values are `null`.
    static func json(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return "\(value)"
    }
}
