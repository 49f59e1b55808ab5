import Foundation
import LabbookEngine

/// How far a metric may move between two reports and still count as unchanged.
public enum Tolerance: Equatable, Sendable, CustomStringConvertible {
    /// |new − old| ≤ the value.
    case absolute(Double)
    /// |new − old| ≤ the value × |old|.
    case relative(Double)

    public func allows(old: Double, new: Double) -> Bool {
        if old.isNaN || new.isNaN { return old.isNaN && new.isNaN }
        if old == new { return true }
        let change = abs(new - old)
        switch self {
        case .absolute(let limit): return change <= limit + 1e-12
        case .relative(let limit): return change <= limit * abs(old) + 1e-12
        }
    }

    /// How much of the tolerance a change uses (1: all of it); what orders changes within
    /// tolerance by how close they came.
    func share(_ change: ReportDiff.Change) -> Double {
        let allowed: Double = switch self {
        case .absolute(let limit): limit
        case .relative(let limit): limit * abs(change.old)
        }
        return allowed > 0 ? abs(change.delta) / allowed : (change.delta == 0 ? 0 : .infinity)
    }

    /// `±0.005`, `±2 %`.
    public var description: String {
        switch self {
        case .absolute(let v): "±" + Self.trimmed(v)
        case .relative(let v): "±" + Self.trimmed(v * 100) + " %"
        }
    }

    /// `absolute:0.005`, `rel:0.02`: the form `--tolerance` takes.
    public var argument: String {
        switch self {
        case .absolute(let v): Self.trimmed(v)
        case .relative(let v): "rel:" + Self.trimmed(v)
        }
    }

    static func trimmed(_ v: Double) -> String {
        var text = String(format: "%.6f", v)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Metric.Direction {
    /// The best of `values`: the largest or the smallest (NaN ignored; nil when none is a number).
    func best(of values: [Double]) -> Double? {
        let numbers = values.filter { !$0.isNaN }
        return self == .higherIsBetter ? numbers.max() : numbers.min()
    }
}

extension Array {
    /// Sorted in ``MetricName``'s order (`loss`, `accuracy`, the rest, then the same for
    /// `val_`) of each element's name, each name read once.
    func sortedByMetricOrder(_ name: (Element) -> String) -> [Element] {
        map { (key: MetricName(keras: name($0)), element: $0) }.sorted { $0.key < $1.key }.map(\.element)
    }
}

/// The tolerances of one diff: a default per kind of metric and overrides by exact metric name,
/// built from the `--tolerance` arguments.
public struct Tolerances: Equatable, Sendable {
    /// For higher-is-better metrics (accuracies, by ``MetricName/direction``); `--tolerance 0.005` sets it.
    public var accuracyDefault: Tolerance = .absolute(0.005)
    /// For lower-is-better metrics (losses).
    public var lossDefault: Tolerance = .relative(0.02)
    /// `--tolerance NAME=VALUE`, by metric name.
    public var overrides: [String: Tolerance] = [:]

    public init() {}

    public func tolerance(for metric: String) -> Tolerance {
        overrides[metric] ?? (MetricName(keras: metric).direction == .lowerIsBetter ? lossDefault : accuracyDefault)
    }

    /// The tolerances the `--tolerance` arguments give, in order (a later one wins):
    /// `0.005` (the default absolute tolerance, for accuracies), `rel:0.02` (the default for
    /// losses, relative), `NAME=0.003` or `NAME=abs:0.003` (absolute for one metric),
    /// `NAME=rel:0.02` (relative for one metric).
    public static func parse(_ arguments: [String]) throws(ToleranceError) -> Tolerances {
        var tolerances = Tolerances()
        for argument in arguments {
            let text = argument.trimmingCharacters(in: .whitespaces)
            if let equals = text.firstIndex(of: "=") {
                let name = text[..<equals].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw ToleranceError(argument: argument, problem: "the metric name before '=' must be letters, digits or '_'")
                }
                tolerances.overrides[name] = try value(String(text[text.index(after: equals)...]), argument: argument)
            } else {
                switch try value(text, argument: argument) {
                case .absolute(let v): tolerances.accuracyDefault = .absolute(v)
                case .relative(let v): tolerances.lossDefault = .relative(v)
                }
            }
        }
        return tolerances
    }

    private static func value(_ text: String, argument: String) throws(ToleranceError) -> Tolerance {
        var number = text.trimmingCharacters(in: .whitespaces)
        var relative = false
        if let colon = number.firstIndex(of: ":") {
            switch number[..<colon] {
            case "rel": relative = true
            case "abs": relative = false
            default: throw ToleranceError(argument: argument, problem: "the kind before ':' must be 'abs' or 'rel'")
            }
            number = String(number[number.index(after: colon)...])
        }
        guard let value = Double(number), value.isFinite else {
            throw ToleranceError(argument: argument, problem: "'\(number)' is not a number")
        }
        guard value >= 0 else { throw ToleranceError(argument: argument, problem: "a tolerance cannot be negative") }
        return relative ? .relative(value) : .absolute(value)
    }
}

/// A `--tolerance` argument that does not parse.
public struct ToleranceError: Error, Equatable, CustomStringConvertible {
    public var argument: String
    public var problem: String

    public var description: String {
        "--tolerance '\(argument)': \(problem) (expected 0.005, rel:0.02, NAME=0.003 or NAME=rel:0.02)"
    }
}
