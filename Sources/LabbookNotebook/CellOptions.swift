import LabbookPlots
import LabbookDiagnostics

/// The `//| key: value` lines at the top of a swift block (the Quarto convention).
public struct CellOptions: Equatable, Sendable {
    /// `label`: stable id for figure file names, the cache and diffs. Nil: the cell's default.
    public var label: String?
    /// `eval: false`: show the code, don't run it.
    public var eval = true
    /// `echo: false`: run, don't show the code.
    public var echo = true
    /// `output: false`: run, show no output.
    public var output = true
    /// `error: true`: an error in this block is expected and shown.
    public var error = false
    /// `cache: false`: always re-run.
    public var cache = true
    /// `timeout`: seconds; nil for none.
    public var timeout: Double?
    /// `fig-cap`: figure caption.
    public var figCaption: String?
    /// `fig-width`, `fig-height`: pixels.
    public var figWidth: Int?
    public var figHeight: Int?
    /// `solution: true` (a master's): the whole code is the solution; the student version has a
    /// placeholder instead.
    public var solution = false
    /// `check: ID` (a master's): the block grades question `ID`; each `expect` it runs is a test.
    public var check: String?
    /// `hidden: true` on a check: left out of the student version, put back when grading.
    public var hidden = false
    /// `teacher: true`: a block only the master has, run when grading.
    public var teacher = false

    public init() {}

    public static let knownKeys = ["label", "eval", "echo", "output", "error", "cache", "timeout",
                                   "fig-cap", "fig-width", "fig-height", "solution", "check", "hidden", "teacher"]

    /// The file line of each option as written, by key (for diagnostics about a master's options).
    public var lines: [String: Int] = [:]
    /// The largest `fig-width`/`fig-height`: the largest figure the plots draw.
    public static let maxPixels = Figure.maxSide
    /// The longest `timeout`, in seconds: a week.
    public static let maxTimeout = 604_800.0
    /// The longest label: labels become figure file names, which a file system bounds.
    public static let maxLabelLength = 100
}

extension CellOptions {
    /// The file position of one option line's parts, to point diagnostics at the key or value.
    struct Line {
        var text: Substring  // the line without "//|"
        var line: Int
        var column: Int  // file column of `text`'s first character
    }

    /// Reads the options from `lines`; every problem is a warning and leaves the default.
    static func parse(_ lines: [Line]) -> (CellOptions, [Diagnostic]) {
        var options = CellOptions()
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for entry in lines {
            let leading = entry.text.prefix { $0 == " " || $0 == "\t" }.count
            let body = entry.text.dropFirst(leading)
            let keyColumn = entry.column + leading
            if body.allSatisfy(\.isWhitespace) { continue }
            guard let colon = body.firstIndex(of: ":") else {
                diagnostics.append(.warning(Messages.optionWithoutColon(body.trimmingWhitespace()),
                                            line: entry.line, column: keyColumn))
                continue
            }
            let key = body[..<colon].trimmingWhitespace()
            let afterColon = body[body.index(after: colon)...]
            let valueColumn = keyColumn + body.distance(from: body.startIndex, to: colon) + 1
                + afterColon.prefix { $0 == " " || $0 == "\t" }.count
            let value = unquote(afterColon.trimmingWhitespace())
            func warn(_ message: String, atValue: Bool = true) {
                diagnostics.append(.warning(message, line: entry.line, column: atValue ? valueColumn : keyColumn))
            }
            if !seen.insert(key).inserted, knownKeys.contains(key) { warn(Messages.repeatedOption(key), atValue: false) }
            if knownKeys.contains(key) { options.lines[key] = entry.line }
            switch key {
            case "label":
                if isValidLabel(value) { options.label = value } else { warn(Messages.badLabel(value)) }
            case "eval", "echo", "output", "error", "cache", "solution", "hidden", "teacher":
                guard let b = bool(value) else { warn(Messages.badBool(key, value)); continue }
                switch key {
                case "eval": options.eval = b
                case "echo": options.echo = b
                case "output": options.output = b
                case "error": options.error = b
                case "solution": options.solution = b
                case "hidden": options.hidden = b
                case "teacher": options.teacher = b
                default: options.cache = b
                }
            case "check":
                if value.isEmpty { warn(Messages.emptyCheck) } else { options.check = value }
            case "timeout":
                if let t = Double(value), t > 0, t <= maxTimeout { options.timeout = t } else { warn(Messages.badTimeout(value)) }
            case "fig-cap":
                options.figCaption = value
            case "fig-width", "fig-height":
                guard let n = Int(value), (1...maxPixels).contains(n) else { warn(Messages.badPixels(key, value)); continue }
                if key == "fig-width" { options.figWidth = n } else { options.figHeight = n }
            default:
                warn(Messages.unknownOption(key), atValue: false)
            }
        }
        return (options, diagnostics)
    }

    /// Labels become file names: letters, digits, `-`, `_` and `.`, not starting with `.`, at
    /// most ``maxLabelLength`` of them.
    static func isValidLabel(_ s: String) -> Bool {
        !s.isEmpty && s.count <= maxLabelLength && s.first != "." && s.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0)
        }
    }

    private static func bool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }

    private static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { return String(s.dropFirst().dropLast()) }
        return s
    }
}
