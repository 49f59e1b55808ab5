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

    // A master's markup
    static let emptyCheck = "cell option 'check' needs the id of the question the block grades, e.g. 'check: 2.1'"
    static func solutionNotClosed(in place: String) -> String {
        "'BEGIN SOLUTION' is not closed: expected an 'END SOLUTION' line before the end of \(place)"
    }
    static let solutionEndWithoutBegin = "'END SOLUTION' without a 'BEGIN SOLUTION' before it"
    static func solutionNested(firstLine: Int) -> String {
        "'BEGIN SOLUTION' inside the solution that begins at line \(firstLine): solutions do not nest"
    }
    static let codeMarkerInProse = "a block's solution marker in prose: in prose write '<!-- BEGIN SOLUTION -->' and '<!-- END SOLUTION -->'"
    static let proseMarkerInCode = "a prose solution marker in a swift block: in code write '// BEGIN SOLUTION' and '// END SOLUTION'"
    static let markersInSolutionBlock = "the block is all solution ('solution: true'): it needs no solution markers"
    static func cellInProseSolution(_ label: String, firstLine: Int) -> String {
        "block '\(label)' is inside the prose solution that begins at line \(firstLine): mark the block 'solution: true' instead"
    }
    static func questionInSolution(_ name: String, firstLine: Int) -> String {
        "the statement of \(name) is inside the solution that begins at line \(firstLine)"
    }
    static func unknownCheckQuestion(_ id: String) -> String { "'check: \(id)' names no question of the notebook" }
    static let hiddenWithoutCheck = "'hidden: true' is for a check block (one with 'check: ID')"
    static let checkIsSolution = "a check block cannot also be a solution ('solution: true')"
    static let teacherCheck = "a check is left out of the student version with 'hidden: true', not 'teacher: true'"
    static let teacherSolution = "a teacher block is not in the student version: it needs no solution"
    static func pointsExceed(_ name: String, tests: Double, points: Double) -> String {
        "the tests of \(name)'s checks give \(number(tests)) points, more than its \(number(points))"
    }
    static func pointsUnreachable(_ name: String, tests: Double, points: Double) -> String {
        "the tests of \(name)'s checks give \(number(tests)) of its \(number(points)) points: give the rest to a test, "
            + "or leave a test without 'points:' to share it"
    }
    static let computedPoints = "a test's points in a check must be written as a number ('points: 0.5'), so that they can be checked before grading"
    static func checkWithoutPoints(_ name: String) -> String { "\(name) gives no points, so its checks give none" }
    static func unsharedTests(_ name: String) -> String {
        "the tests of \(name)'s checks that name no points get none: the others already give all of its points"
    }

    /// `2`, `0.5`, `1.25`: a number of points as a teacher writes it.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String((value * 1e6).rounded() / 1e6)
    }

    // labbook release
    static func releaseRefused(_ master: String, errors: Int) -> String {
        "\(master): error: not released: the master has \(errors) error\(errors == 1 ? "" : "s")"
    }
    static func releaseNotWritten(_ path: String, _ error: Error) -> String { "could not write \(path): \(SystemErrorText.describe(error))" }
    static func releaseNotAFile(_ path: String) -> String { "\(path) is not a file: the student version would replace it" }
    static func releaseOverMaster(_ path: String) -> String { "\(path) is the master itself: release into another folder (--output)" }
    static let notAMaster = "the notebook has no solutions, checks or teacher blocks: its student version is the same notebook"
    static func released(_ path: String, solutions: Int, hidden: Int, teacher: Int) -> String {
        "wrote \(path) (\(solutions) solution\(solutions == 1 ? "" : "s") replaced, \(hidden) hidden check\(hidden == 1 ? "" : "s") "
            + "and \(teacher) teacher block\(teacher == 1 ? "" : "s") left out)"
    }
}
