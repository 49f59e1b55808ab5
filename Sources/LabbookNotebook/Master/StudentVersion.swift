/// The student version of a master, as text: every solution replaced by its placeholder, every
/// hidden check and teacher block left out, and `solution: true` lines dropped. The rest is the
/// master's text line for line, so the same master always gives the same bytes.
public struct StudentVersion: Equatable, Sendable {
    /// The notebook's text (lines ended by `\n`).
    public var text: String
    /// How many solutions (code and prose) became placeholders.
    public var solutions: Int
    /// How many hidden checks and teacher blocks were left out.
    public var hiddenChecks: Int
    public var teacherBlocks: Int

    /// The placeholders in the notebook's language: `// Tu código aquí` / `// Your code here` in
    /// code, `*Tu respuesta aquí*` / `*Your answer here*` in prose.
    public static func placeholders(_ lang: FrontMatter.Language) -> (code: String, prose: String) {
        switch lang {
        case .es: ("// Tu código aquí", "*Tu respuesta aquí*")
        case .en: ("// Your code here", "*Your answer here*")
        }
    }

    /// The student version of `master` (read without errors).
    public init(of master: Notebook) {
        let lines = SourceText(master.source).lines
        let (code, prose) = Self.placeholders(master.frontMatter.lang)
        // What each master line becomes: nil drops it; a replacement is said for the first
        // line of a range, the rest of which is dropped.
        var replacement: [Int: String] = [:]
        var dropped: Set<Int> = []
        func replace(_ range: ClosedRange<Int>, with text: String?) {
            dropped.formUnion(range)
            if let text { dropped.remove(range.lowerBound); replacement[range.lowerBound] = text }
        }
        func isBlank(_ line: Int) -> Bool { line < 1 || line > lines.count || lines[line - 1].allSatisfy(\.isWhitespace) }
        var solutions = 0, hiddenChecks = 0, teacherBlocks = 0
        for cell in master.cells {
            let fence = cell.range.start.line...max(cell.range.start.line, cell.range.end.line)
            if cell.options.teacher || (cell.options.check != nil && cell.options.hidden) {
                if cell.options.teacher { teacherBlocks += 1 } else { hiddenChecks += 1 }
                // The block and one of the blank lines around it: no double blank line is left.
                let after = fence.upperBound + 1
                replace(isBlank(fence.lowerBound - 1) && isBlank(after) && after <= lines.count
                        ? fence.lowerBound...after : fence, with: nil)
                continue
            }
            if cell.options.solution {
                solutions += 1
                if let option = cell.options.lines["solution"] { replace(option...option, with: nil) }
                let indentation = String(repeating: " ", count: cell.codeColumn - 1)
                let codeLines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1
                if codeLines > 0 {
                    replace(cell.firstCodeLine...(cell.firstCodeLine + codeLines - 1), with: indentation + code)
                } else {
                    replacement[fence.upperBound] = indentation + code + "\n" + lines[fence.upperBound - 1]
                }
                continue
            }
            for region in cell.solutionRegions {
                solutions += 1
                replace(region.lines, with: region.indentation + code)
            }
        }
        for region in master.proseSolutions {
            solutions += 1
            replace(region.lines, with: region.indentation + prose)
        }
        var out = ""
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if let text = replacement[number] { out += text + "\n" } else if !dropped.contains(number) { out += line + "\n" }
        }
        text = out
        self.solutions = solutions
        self.hiddenChecks = hiddenChecks
        self.teacherBlocks = teacherBlocks
    }
}
