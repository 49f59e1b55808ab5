import Foundation
import LabbookInterpreter
import Testing
import LabbookDiagnostics

/// Runs every program of `Programs/` (Crafting Interpreters style): a program's expected output
/// is written in it as `// expect: LINE` comments, its expected diagnostics as
/// `// error: LINE:COL: message` comments. `// ---` lines split a program into blocks run one
/// after another in one session, numbered as lines of the file. `// steps: N` and
/// `// timeout-ms: N` and `// call-depth: N` set limits.
struct ProgramTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Programs")

    static let programs: [String] = {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "swift" { names.append(String(url.path.dropFirst(directory.path.count + 1))) }
        }
        return names.sorted()
    }()

    @Test func corpusIsLargeEnough() {
        #expect(Self.programs.filter { $0.hasPrefix("ok/") }.count >= 40)
        #expect(Self.programs.filter { $0.hasPrefix("errors/") }.count >= 40)
    }

    @Test(arguments: programs)
    func program(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let program = Program(source)
        let session = FakeLibrary.session()
        let sink = OutputBuffer()
        var diagnostics: [Diagnostic] = []
        for block in program.blocks {
            let result = session.run(block.source, firstLine: block.firstLine, sink: sink, limits: program.limits)
            diagnostics += result.diagnostics
        }
        #expect(render(sink.outputs) == program.expectedOutput, "output of \(name)")
        #expect(diagnostics.map(\.description) == program.expectedErrors, "diagnostics of \(name)")
    }

    /// Outputs as lines: text as printed, other outputs as one bracketed line each.
    private func render(_ outputs: [Output]) -> [String] {
        var text = ""
        for output in outputs {
            switch output {
            case .text(let t): text += t
            case .table(let table):
                text += "<table \(table.headers.joined(separator: ",")); " + table.rows.map { $0.joined(separator: ",") }.joined(separator: "; ") + ">\n"
            case .expectation(let e):
                text += "<expect \(e.passed ? "passed" : "failed"): \(e.text) [" + e.details.map { "\($0.expression) = \($0.value)" }.joined(separator: ", ") + "]"
                    + (e.points.map { " \($0) points" } ?? "") + ">\n"
            case .rich(let rich): text += "<rich \((rich as? FakeLibrary.Rich)?.title ?? "?")>\n"
            case .diagnostic: break
            }
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// A test program: its blocks and its expectations.
struct Program {
    struct Block {
        var source: String
        var firstLine: Int
    }

    var blocks: [Block] = []
    var expectedOutput: [String] = []
    var expectedErrors: [String] = []
    var limits = ExecutionLimits(maximumCallDepth: 200)

    init(_ source: String) {
        var current: [Substring] = []
        var firstLine = 1
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if line.hasPrefix("// ---") {
                blocks.append(Block(source: current.joined(separator: "\n"), firstLine: firstLine))
                current = []
                firstLine = i + 2
                continue
            }
            current.append(line)
            if let range = line.range(of: "// expect: ") { expectedOutput.append(String(line[range.upperBound...])) }
            if let range = line.range(of: "// error: ") { expectedErrors.append(String(line[range.upperBound...])) }
            if let range = line.range(of: "// steps: "), let n = Int(line[range.upperBound...]) { limits.maximumSteps = n }
            if let range = line.range(of: "// timeout-ms: "), let n = Int(line[range.upperBound...]) { limits.timeout = .milliseconds(n) }
            if let range = line.range(of: "// call-depth: "), let n = Int(line[range.upperBound...]) { limits.maximumCallDepth = n }
        }
        blocks.append(Block(source: current.joined(separator: "\n"), firstLine: firstLine))
    }
}
