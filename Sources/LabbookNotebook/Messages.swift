/// Every message of the notebook layer, in one voice: what was expected, what was found.
enum Messages {
    // Reading the file
    static func noSuchFile(_ path: String) -> String { "no such notebook: \(path)" }
    static func isDirectory(_ path: String) -> String { "\(path) is a directory, not a notebook file" }
    static func unreadable(_ path: String) -> String { "cannot read \(path)" }
    static func permissionDenied(_ path: String) -> String { "cannot read \(path): permission denied" }
    static func notRegularFile(_ path: String) -> String { "\(path) is not a regular file (a device, a pipe or a socket), not a notebook" }
    static func tooLarge(_ path: String, bytes: Int, limit: Int) -> String {
        "\(path) is \(bytes / (1 << 20)) MB; a notebook may be at most \(limit / (1 << 20)) MB"
    }
    static func notUTF8(byte: UInt8, offset: Int) -> String {
        "the notebook is not UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) is not valid UTF-8 (save the file as UTF-8)"
    }
    static let emptyNotebook = "the notebook is empty"

    // Front matter
    static let frontMatterNotClosed = "front matter starting at line 1 is not closed: expected a '---' line after it"
    static func badYAML(_ problem: String) -> String { "bad YAML in front matter: \(problem)" }
    static let frontMatterNotMapping = "front matter must be a set of 'key: value' lines"
    static func frontMatterNotText(_ key: String) -> String { "front matter '\(key)' should be text" }
    static func badLanguage(_ found: String) -> String { "front matter 'lang' should be es or en, found '\(found)'; using en" }
    static func badSeed(_ found: String) -> String {
        "front matter 'seed' should be an integer, found '\(found)'; using \(FrontMatter.defaultSeed)"
    }
    static func badThreads(_ found: String) -> String {
        "front matter 'threads' should be auto or an integer from 1 to \(FrontMatter.maximumThreads), found '\(found)'; using auto"
    }
    static func unknownFrontMatterKey(_ key: String) -> String {
        "unknown front matter key '\(key)' (known: title, author, lang, seed, threads)"
    }

    // Cells
    static func unterminatedCodeBlock(line: Int) -> String {
        "unterminated code block starting at line \(line): expected a closing fence"
    }
    static func unknownOption(_ key: String) -> String {
        "unknown cell option '\(key)' (known: \(CellOptions.knownKeys.joined(separator: ", ")))"
    }
    static func optionWithoutColon(_ text: String) -> String { "expected '//| key: value', found '//| \(text)'" }
    static func badBool(_ key: String, _ found: String) -> String { "cell option '\(key)' should be true or false, found '\(found)'" }
    static func badTimeout(_ found: String) -> String { "cell option 'timeout' should be a positive number of seconds up to a week (604800), found '\(found)'" }
    static func badPixels(_ key: String, _ found: String) -> String {
        "cell option '\(key)' should be a whole number of pixels between 1 and \(CellOptions.maxPixels), found '\(found)'"
    }
    static func badLabel(_ found: String) -> String {
        let shown = found.count > 40 ? String(found.prefix(40)) + "…" : found
        return "cell label should be at most \(CellOptions.maxLabelLength) letters, digits, '-', '_' or '.', found '\(shown)'"
            + (found.count > CellOptions.maxLabelLength ? " (\(found.count) characters)" : "") + "; using the default label"
    }
    static func repeatedOption(_ key: String) -> String { "cell option '\(key)' is given twice; the last one counts" }
    static func duplicateLabel(_ label: String, firstLine: Int) -> String {
        "duplicate cell label '\(label)' (first used by the cell at line \(firstLine))"
    }
    static let nestedSwiftBlock = "a swift block inside a list or quote is shown, not run: move it to the top level to run it"
    static let quartoSwiftInfo = "```{swift} is shown, not run: write ```swift to make it a cell"

    // Inline expressions
    static let emptyInlineExpression = "empty inline expression: expected `{swift} expression`"

    // Questions
    static func unanswered(_ title: String) -> String { "\(title) has no answer yet" }
    static func noPoints(_ title: String) -> String { "\(title) gives no points: expected e.g. '(1 punto)' or '(1 point)'" }
    static func duplicateQuestion(_ id: String, firstLine: Int) -> String {
        "question \(id) appears twice (first at line \(firstLine))"
    }
}
