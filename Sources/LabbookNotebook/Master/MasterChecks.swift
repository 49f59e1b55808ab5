import LabbookDiagnostics
import LabbookInterpreter

/// What a master's check blocks may be, and whether their tests' points add up to their
/// questions': each misuse an error at its line (a warning where nothing is lost).
enum MasterChecks {
    static func diagnose(_ notebook: Notebook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for cell in notebook.cells {
            diagnostics += diagnoseOptions(cell, notebook)
        }
        for region in notebook.proseSolutions {
            for question in notebook.questions where region.lines.contains(question.line) {
                diagnostics.append(.error(Messages.questionInSolution(question.name, firstLine: region.begin),
                                          line: question.line, column: 1))
            }
        }
        // A student version has visible checks only, whose points need not add up (the hidden
        // ones are missing): the points are a master's to check.
        if notebook.isMaster { diagnostics += diagnosePoints(notebook) }
        return diagnostics
    }

    /// Whether each question's checks can give exactly its points.
    static func diagnosePoints(_ notebook: Notebook) -> [Diagnostic] {
        var seen: Set<String> = []
        return notebook.questions.filter { seen.insert($0.id).inserted }.flatMap {
            diagnosePoints($0, checks: notebook.checks(of: $0.id))
        }
    }

    private static func diagnoseOptions(_ cell: Cell, _ notebook: Notebook) -> [Diagnostic] {
        let options = cell.options
        func at(_ key: String) -> Int { options.lines[key] ?? cell.fenceLine }
        var diagnostics: [Diagnostic] = []
        if let id = options.check {
            if !notebook.questions.contains(where: { $0.id == id }) {
                diagnostics.append(.error(Messages.unknownCheckQuestion(id), line: at("check"), column: 1))
            }
            if options.solution { diagnostics.append(.error(Messages.checkIsSolution, line: at("solution"), column: 1)) }
            if options.teacher { diagnostics.append(.error(Messages.teacherCheck, line: at("teacher"), column: 1)) }
        } else if options.hidden {
            diagnostics.append(.error(Messages.hiddenWithoutCheck, line: at("hidden"), column: 1))
        }
        if options.teacher, options.solution || !cell.solutionRegions.isEmpty {
            diagnostics.append(.error(Messages.teacherSolution, line: at("teacher"), column: 1))
        }
        return diagnostics
    }

    /// The tests that name points must not give more than the question's; with none left
    /// unnamed, they must give all of it.
    private static func diagnosePoints(_ question: Question, checks: [Cell]) -> [Diagnostic] {
        guard let first = checks.first else { return [] }
        let calls = checks.flatMap { ExpectCall.calls(in: $0.code, firstLine: $0.firstCodeLine) }
        var diagnostics = calls.compactMap { call in
            call.computedPoints.map { Diagnostic(.error, Messages.computedPoints, at: $0) }
        }
        guard let points = question.points else {
            return diagnostics + [.warning(Messages.checkWithoutPoints(question.name), line: first.fenceLine, column: 1)]
        }
        let named = calls.compactMap(\.points).reduce(0, +)
        let unnamed = calls.filter { $0.points == nil && $0.computedPoints == nil }.count
        let tolerance = 1e-9
        if named > points + tolerance {
            diagnostics.append(.error(Messages.pointsExceed(question.name, tests: named, points: points),
                                      line: first.fenceLine, column: 1))
        } else if unnamed == 0, calls.allSatisfy({ $0.computedPoints == nil }), named < points - tolerance {
            diagnostics.append(.error(Messages.pointsUnreachable(question.name, tests: named, points: points),
                                      line: first.fenceLine, column: 1))
        } else if unnamed > 0, named >= points - tolerance {
            diagnostics.append(.warning(Messages.unsharedTests(question.name), line: first.fenceLine, column: 1))
        }
        return diagnostics
    }
}

extension Notebook {
    /// The check blocks that grade question `id`, visible and hidden, in notebook order.
    public func checks(of id: String) -> [Cell] {
        cells.filter { $0.options.check == id }
    }

    /// Whether the notebook is a master: it has what only a master has (solutions, hidden checks,
    /// teacher blocks). Visible checks alone are also in the student version.
    public var isMaster: Bool {
        !proseSolutions.isEmpty || cells.contains {
            $0.options.solution || ($0.options.check != nil && $0.options.hidden) || $0.options.teacher
                || !$0.solutionRegions.isEmpty
        }
    }
}
