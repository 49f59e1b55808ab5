import Yams
import LabbookDiagnostics

/// The YAML between the `---` lines at the top of a notebook.
///
/// ```yaml
/// ---
/// title: "Redes neuronales: Fashion MNIST"
/// lang: es        # es or en (default en)
/// student: ana    # a submission's student, for labbook grade
/// seed: 42        # default 42
/// threads: auto   # auto (default) or a positive integer
/// ---
/// ```
public struct FrontMatter: Equatable, Sendable {
    public enum Language: String, Equatable, Sendable, CaseIterable {
        case es, en
    }

    public enum Threads: Equatable, Sendable {
        case auto
        case count(Int)
    }

    public static let defaultSeed = 42

    public var title: String?
    public var author: String?
    /// A submission's student (`labbook grade` names its row and folder after it).
    public var student: String?
    public var lang: Language = .en
    public var seed: Int = FrontMatter.defaultSeed
    public var threads: Threads = .auto
    /// The most threads a notebook may ask for.
    public static let maximumThreads = 256
    /// Keys labbook does not know, with their values as written (each also gave a warning).
    public var unknown: [String: String] = [:]
    /// The file lines the front matter takes, `---` lines included; nil when there is none.
    public var lines: ClosedRange<Int>?

    public init() {}
}

extension FrontMatter {
    /// Splits the front matter off `text`. Returns the front matter, the text for cmark (the front
    /// matter's lines replaced by empty lines, so cmark's line numbers are the file's), and the
    /// diagnostics. A front matter starts with `---` on the first line and ends at the next `---`
    /// or `...` line; without that end line it is an error and the whole file is Markdown.
    static func split(_ source: SourceText) -> (FrontMatter, markdown: String, [Diagnostic]) {
        var matter = FrontMatter()
        guard let first = source.lines.first, first.trimmingTrailingWhitespace() == "---" else {
            return (matter, source.text, [])
        }
        guard let close = source.lines.indices.dropFirst().first(where: {
            let l = source.lines[$0].trimmingTrailingWhitespace()
            return l == "---" || l == "..."
        }) else {
            return (matter, source.text,
                    [.error(Messages.frontMatterNotClosed, line: 1, column: 1)])
        }
        let closeLine = close + 1
        matter.lines = 1...closeLine
        let yaml = source.lines[1..<close].joined(separator: "\n")
        var diagnostics: [Diagnostic] = []
        matter.read(yaml: yaml, firstLine: 2, source: source, into: &diagnostics)
        // Keep every line terminator after the front matter exactly as it was.
        let rest = source.text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: closeLine,
                                          omittingEmptySubsequences: false)
        let markdown = String(repeating: "\n", count: closeLine)
            + (rest.count > closeLine ? String(decoding: rest[closeLine], as: UTF8.self) : "")
        return (matter, markdown, diagnostics)
    }

    private mutating func read(yaml: String, firstLine: Int, source: SourceText,
                               into diagnostics: inout [Diagnostic]) {
        func at(_ mark: Mark?) -> (line: Int, column: Int) {
            guard let mark else { return (firstLine - 1, 1) }
            return (firstLine + mark.line - 1, mark.column)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (problem, mark) = Self.describe(error)
            let p = at(mark)
            diagnostics.append(.error(Messages.badYAML(problem), line: p.line, column: p.column))
            return
        } catch {
            diagnostics.append(.error(Messages.badYAML("\(error)"), line: firstLine - 1, column: 1))
            return
        }
        guard let root else { return }  // an empty front matter
        guard let mapping = root.mapping else {
            let p = at(root.mark)
            diagnostics.append(.error(Messages.frontMatterNotMapping, line: p.line, column: p.column))
            return
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            let k = at(key.mark), v = at(value.mark)
            func warn(_ message: String) {
                diagnostics.append(.warning(message, line: v.line, column: v.column))
            }
            switch name {
            case "title":
                if let s = value.scalar?.string { title = s } else { warn(Messages.frontMatterNotText(name)) }
            case "author":
                if let s = value.scalar?.string {
                    author = s
                } else if let list = value.sequence, list.allSatisfy({ $0.scalar != nil }) {
                    author = list.compactMap(\.string).joined(separator: ", ")
                } else {
                    warn(Messages.frontMatterNotText(name))
                }
            case "student":
                if let s = value.scalar?.string, !s.trimmingWhitespace().isEmpty { student = s.trimmingWhitespace() } else { warn(Messages.frontMatterNotText(name)) }
            case "lang":
                if let s = value.scalar?.string, let l = Language(rawValue: s.lowercased()) {
                    lang = l
                } else {
                    warn(Messages.badLanguage(value.scalar?.string ?? "?"))
                }
            case "seed":
                if value.scalar != nil, let n = value.int { seed = n } else { warn(Messages.badSeed(value.string ?? "?")) }
            case "threads":
                if let s = value.scalar?.string, s.lowercased() == "auto" {
                    threads = .auto
                } else if value.scalar != nil, let n = value.int, (1...Self.maximumThreads).contains(n) {
                    threads = .count(n)
                } else {
                    warn(Messages.badThreads(value.string ?? "?"))
                }
            default:
                unknown[name] = value.scalar?.string ?? (try? Yams.serialize(node: value))?.trimmingTrailingWhitespace() ?? ""
                diagnostics.append(.warning(Messages.unknownFrontMatterKey(name), line: k.line, column: k.column))
            }
        }
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return (text, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func trimmingWhitespace() -> String {
        String(Substring(self).drop { $0.isWhitespace }).trimmingTrailingWhitespace()
    }
}
