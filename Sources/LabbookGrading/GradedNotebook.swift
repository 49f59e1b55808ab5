import Foundation
import LabbookDiagnostics
import LabbookNotebook

/// A submission as it is graded: the student's notebook with every check of the master (visible
/// and hidden) and every teacher block put back at the end of the answer of the question it
/// follows in the master (matched by question id; at the end when the submission has lost the
/// question), and the student's own copies of the checks taken out (a student cannot weaken a
/// check by editing it).
public struct GradedNotebook: Equatable, Sendable {
    /// A master block put into the submission.
    public struct PutBack: Equatable, Sendable {
        /// Its label in the graded notebook (`labbook-check-3`, `labbook-teacher-5`).
        public var label: String
        /// The question it grades (a check) or follows (a teacher block); nil before any.
        public var question: String?
        public var isCheck: Bool
        public var hidden: Bool
    }

    /// The graded notebook's text.
    public var text: String
    /// The master's blocks in it, in the master's order.
    public var putBack: [PutBack]

    /// The label prefix of the blocks put back (a submission's own blocks never get it).
    public static let labelPrefix = "labbook-"

    public init(master: Notebook, submission: Notebook) {
        let lines = SourceLines.split(submission.source).map(String.init)
        // The submission's checks (its copies of the master's) are dropped.
        var dropped: Set<Int> = []
        for cell in submission.cells where cell.options.check != nil || cell.options.teacher {
            dropped.formUnion(cell.range.start.line...max(cell.range.start.line, cell.range.end.line))
        }
        // Where each of the submission's questions ends: after its last answer line.
        var ends: [String: Int] = [:]
        for question in submission.questions where ends[question.id] == nil {
            ends[question.id] = Self.lastLine(of: question, in: submission, skipping: dropped, lines: lines)
        }
        var inserts: [Int: [String]] = [:]   // after line N (0: at the top, after the front matter)
        var atEnd: [String] = []
        var putBack: [PutBack] = []
        let top = submission.frontMatter.lines?.upperBound ?? 0
        for (index, part) in master.parts.enumerated() {
            guard case .cell(let cell) = part, cell.options.check != nil || cell.options.teacher else { continue }
            let isCheck = cell.options.check != nil
            let question = cell.options.check ?? master.questions.last { $0.answerParts.contains(index) || $0.statementPart < index }?.id
            let label = Self.labelPrefix + (isCheck ? "check-" : "teacher-") + String(cell.index)
            putBack.append(PutBack(label: label, question: question, isCheck: isCheck, hidden: cell.options.hidden))
            let block = Self.block(cell, label: label, hideCode: !isCheck || cell.options.hidden, hideOutput: !isCheck)
            if let question, let end = ends[question] {
                inserts[end, default: []].append(block)
            } else if question == nil {
                inserts[top, default: []].append(block)
            } else {
                atEnd.append(block)
            }
        }
        var out: [String] = []
        func insert(after line: Int) {
            for block in inserts[line] ?? [] { out += ["", block] }
        }
        insert(after: 0)
        for (index, line) in lines.enumerated() {
            if !dropped.contains(index + 1) { out.append(line) }
            insert(after: index + 1)
        }
        for block in atEnd { out += ["", block] }
        text = out.joined(separator: "\n") + "\n"
        self.putBack = putBack
    }

    /// The last line of a question's answer (its statement's when it has none), not counting
    /// the dropped blocks: the line before the part that follows its last kept part, blank
    /// lines left out (a part's own last line is not always where cmark says, after raw HTML).
    private static func lastLine(of question: Question, in notebook: Notebook, skipping dropped: Set<Int>,
                                 lines: [String]) -> Int {
        let kept = ([question.statementPart] + Array(question.answerParts)).filter { index in
            guard case .cell(let cell) = notebook.parts[index] else { return true }
            return !dropped.contains(cell.range.start.line)
        }
        let last = kept.last ?? question.statementPart
        var end = last + 1 < notebook.parts.count ? firstLine(of: notebook.parts[last + 1]) - 1 : lines.count
        while end > 0, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        return end
    }

    private static func firstLine(of part: NotebookPart) -> Int {
        switch part {
        case .prose(let prose): prose.lines.lowerBound
        case .cell(let cell): cell.range.start.line
        }
    }

    /// A master block as put back: its fenced text with the label given, the code of a hidden
    /// check and a teacher block hidden (the report shows a hidden check's results, never its
    /// code), a teacher block's output too.
    private static func block(_ cell: Cell, label: String, hideCode: Bool, hideOutput: Bool) -> String {
        var lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { line in
            let option = line.trimmingCharacters(in: .whitespaces)
            return option.hasPrefix("//|") && ["label", "echo", "output", "check", "hidden", "teacher"]
                .contains { option.dropFirst(3).trimmingCharacters(in: .whitespaces).hasPrefix($0 + ":") }
        }
        var options = ["//| label: \(label)"]
        if hideCode { options.append("//| echo: false") }
        if hideOutput { options.append("//| output: false") }
        lines.insert(contentsOf: options, at: 1)
        return lines.joined(separator: "\n")
    }
}
