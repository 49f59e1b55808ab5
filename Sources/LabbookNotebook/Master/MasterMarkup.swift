import LabbookDiagnostics

/// Reading a master's markup: the solution regions of its blocks and prose, each misplaced,
/// unbalanced or nested marker an error at its line. A notebook without markup has none.
struct MasterMarkup {
    /// The solution regions of each cell's code, by cell index in the notebook's cells.
    var codeRegions: [Int: [SolutionRegion]] = [:]
    var proseRegions: [SolutionRegion] = []
    var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - otherCode: the file lines of the code blocks that are not cells (shown, never read
    ///     for markers).
    ///   - frontMatter: the front matter's lines, if any.
    init(lines: [Substring], cells: [Cell], otherCode: [ClosedRange<Int>], frontMatter: ClosedRange<Int>?) {
        var skipped = otherCode + cells.map { $0.range.start.line...max($0.range.start.line, $0.range.end.line) }
        if let frontMatter { skipped.append(frontMatter) }
        for (index, cell) in cells.enumerated() {
            let regions = readCode(cell, lines: lines)
            if !regions.isEmpty { codeRegions[index] = regions }
        }
        readProse(lines: lines, skipping: skipped)
        for cell in cells {
            for region in proseRegions where region.lines.contains(cell.fenceLine) {
                diagnostics.append(.error(Messages.cellInProseSolution(cell.label, firstLine: region.begin),
                                          line: cell.fenceLine, column: cell.range.start.column))
            }
        }
    }

    /// The regions of one cell's code; a prose marker there is an error.
    private mutating func readCode(_ cell: Cell, lines: [Substring]) -> [SolutionRegion] {
        var regions: [SolutionRegion] = []
        var open: (line: Int, indentation: String)?
        let codeLines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (offset, text) in codeLines.enumerated() {
            let line = cell.fileLine(forCodeLine: offset + 1)
            let column = cell.fileColumn(forCodeColumn: text.prefix { $0 == " " || $0 == "\t" }.count + 1)
            if SolutionMarker.prose(text) != nil {
                diagnostics.append(.error(Messages.proseMarkerInCode, line: line, column: column))
                continue
            }
            guard let marker = SolutionMarker.code(text) else { continue }
            if cell.options.solution {
                diagnostics.append(.error(Messages.markersInSolutionBlock, line: line, column: column))
                continue
            }
            // The placeholder takes the marker's indentation in the file (an indented fence's included).
            let indentation = line <= lines.count ? String(lines[line - 1].prefix { $0 == " " || $0 == "\t" }) : ""
            open = close(marker, at: line, column: column, indentation: indentation, open: open, into: &regions)
        }
        if let open {
            diagnostics.append(.error(Messages.solutionNotClosed(in: "the block"), line: open.line,
                                      column: open.indentation.count + 1))
        }
        return regions
    }

    /// The regions of the prose; a block's marker there is an error.
    private mutating func readProse(lines: [Substring], skipping skipped: [ClosedRange<Int>]) {
        var open: (line: Int, indentation: String)?
        var regions: [SolutionRegion] = []
        defer { proseRegions = regions }
        for (index, text) in lines.enumerated() {
            let line = index + 1
            guard !skipped.contains(where: { $0.contains(line) }) else { continue }
            let indentation = String(text.prefix { $0 == " " || $0 == "\t" })
            if SolutionMarker.code(text) != nil {
                diagnostics.append(.error(Messages.codeMarkerInProse, line: line, column: indentation.count + 1))
                continue
            }
            guard let marker = SolutionMarker.prose(text) else { continue }
            open = close(marker, at: line, column: indentation.count + 1, indentation: indentation, open: open,
                         into: &regions)
        }
        if let open {
            diagnostics.append(.error(Messages.solutionNotClosed(in: "the notebook"), line: open.line,
                                      column: open.indentation.count + 1))
        }
    }

    /// One marker met: a begin opens (unless one is open: solutions do not nest), an end closes.
    private mutating func close(_ marker: SolutionMarker, at line: Int, column: Int, indentation: String,
                                open: (line: Int, indentation: String)?, into regions: inout [SolutionRegion])
        -> (line: Int, indentation: String)? {
        switch (marker, open) {
        case (.begin, nil):
            return (line, indentation)
        case (.begin, let open?):
            diagnostics.append(.error(Messages.solutionNested(firstLine: open.line), line: line, column: column))
            return open
        case (.end, let open?):
            regions.append(SolutionRegion(begin: open.line, end: line, indentation: open.indentation))
            return nil
        case (.end, nil):
            diagnostics.append(.error(Messages.solutionEndWithoutBegin, line: line, column: column))
            return nil
        }
    }
}
