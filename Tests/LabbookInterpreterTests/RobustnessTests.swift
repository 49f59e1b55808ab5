import Foundation
import LabbookInterpreter
import LabbookTestSupport
import Testing

/// Feeds thousands of mutated and truncated corpus programs through the lexer, the parser and
/// the interpreter: each must end in a result or a diagnostic, never a crash or a hang.
struct RobustnessTests {
    /// Fragments likely to reach unusual paths: unbalanced brackets, string delimiters,
    /// interpolations, huge numbers, keywords in the wrong place.
    static let fragments = ["(", ")", "{", "}", "[", "]", "\"", "\"\"\"", "\\(", "/*", "*/", ".", "!", "?", ":", ",", ";",
                            "\n", "$0", "$1", "in", "let", "var", "func", "return", "break", "for", "while true", "if", "else",
                            "guard", "9223372036854775807", "-", "* 1000000", "..<", "...", "0..<Int.max", "nil", "_", "=",
                            "+=", "Vec", "Model {", "Dense(", ".relu", "\"relu\"", "xs", "print(", "1e308", "0x", "\\u{",
                            "??", "&&", "==", "//|", "repeat", "[:]", "String(format: \"%", "%", "(a, b) = ", "guard let x = "]

    static func mutate(_ source: String, _ random: inout SplitMix64) -> String {
        var scalars = Array(source.unicodeScalars)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:  // delete a span
                let end = min(scalars.count, position + Int.random(in: 1...12, using: &random))
                scalars.removeSubrange(position..<end)
            case 1:  // insert a fragment
                let fragment = fragments[Int.random(in: 0..<fragments.count, using: &random)]
                scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
            case 2:  // duplicate a span
                let end = min(scalars.count, position + Int.random(in: 1...40, using: &random))
                scalars.insert(contentsOf: scalars[position..<end], at: end)
            case 3:  // swap two scalars
                if scalars.count > 1 {
                    let other = Int.random(in: 0..<scalars.count, using: &random)
                    scalars.swapAt(position, other)
                }
            default:  // truncate
                scalars.removeSubrange(position...)
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// Four seeds of 600 programs each, run in parallel.
    @Test(arguments: [20_261_129, 1, 2, 3] as [UInt64])
    func mutatedProgramsEndInAResultOrADiagnostic(seed: UInt64) throws {
        let sources = try ProgramTests.programs.map {
            try String(contentsOf: ProgramTests.directory.appendingPathComponent($0), encoding: .utf8)
        }
        var random = SplitMix64(state: seed)
        let limits = ExecutionLimits(timeout: .seconds(2), maximumSteps: 3_000, maximumCallDepth: 60,
                                     maximumCollectionCount: 50_000)
        var outcomes: [RunResult.Status: Int] = [:]
        for _ in 0..<600 {
            let source = Self.mutate(sources[Int.random(in: 0..<sources.count, using: &random)], &random)
            _ = Session.check(source)
            let result = FakeLibrary.session().run(source, firstLine: 1, sink: OutputBuffer(), limits: limits)
            outcomes[result.status, default: 0] += 1
            #expect(result.status != .cancelled)
            if result.status != .completed {
                #expect(!result.diagnostics.isEmpty, "no diagnostic for a failed run of:\n\(source)")
            }
        }
        // The mutations must exercise both outcomes, or the test proves little.
        #expect(outcomes[.completed, default: 0] > 20)
        #expect(outcomes[.failed, default: 0] > 200)
    }
}
