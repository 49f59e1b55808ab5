import Foundation
import LabbookInterpreter
import Testing

struct SessionTests {
    @Test func positionsAreNotebookLines() {
        let result = Session().run("let a = 1\nprint(b)", firstLine: 40, sink: OutputBuffer())
        #expect(result.diagnostics.map(\.description) == ["41:7: unknown name 'b'; did you mean 'a'?"])
    }

    @Test func checkReportsEverySyntaxErrorWithoutRunning() {
        let sink = OutputBuffer()
        let diagnostics = Session.check("print(\"ran\")\nlet = 1\nlet x = (\nvar y 3", firstLine: 10)
        #expect(diagnostics.map(\.description) == [
            "11:5: expected a name or a tuple of names, found '='",
            "13:1: expected an expression, found 'var'",
            "13:7: 'var' needs an initial value: expected '='",
        ])
        #expect(sink.outputs.isEmpty)
    }

    @Test func aBlockWithSyntaxErrorsDoesNotRun() {
        let sink = OutputBuffer()
        let result = Session().run("print(1)\nlet = 2", sink: sink)
        #expect(result.status == .failed)
        #expect(sink.text.isEmpty)
    }

    @Test func globalsCanBeListedAndRestored() {
        let first = Session()
        _ = first.run("let a = 1\nvar b = [2]", sink: OutputBuffer())
        #expect(first.definedNames == ["a", "b"])
        let second = Session()
        for name in first.definedNames {
            if let value = first.value(of: name), let isConstant = first.isConstant(name) {
                second.define(name, value, isConstant: isConstant)
            }
        }
        let sink = OutputBuffer()
        _ = second.run("b.append(a)\nprint(b)", sink: sink)
        #expect(sink.text == "[2, 1]\n")
        #expect(second.run("a = 5", sink: sink).diagnostics.map(\.message) == ["cannot assign to 'a': it is a 'let' constant"])
    }

    @Test func theLastExpressionIsNotEchoed() {
        let sink = OutputBuffer()
        _ = Session().run("let x = 41\nx + 1", sink: sink)
        #expect(sink.outputs.isEmpty)
    }

    /// A sink that cancels the session once the block has printed: the block is surely running
    /// its endless loop when the flag is set, with no sleep to guess how long that takes.
    final class CancellingSink: OutputSink {
        let buffer = OutputBuffer()
        let session: Session
        init(_ session: Session) { self.session = session }
        func emit(_ output: Output) {
            buffer.emit(output)
            session.cancellation.cancel()
        }
    }

    @Test func cancellationStopsARunningBlockAndKeepsItsOutput() throws {
        let session = FakeLibrary.session()
        let sink = CancellingSink(session)
        let result = session.run("print(\"before\")\nwhile true { }", sink: sink)
        #expect(result.status == .cancelled)
        #expect(result.diagnostics.map(\.message) == ["the block was interrupted"])
        #expect(sink.buffer.text == "before\n")
        session.cancellation.reset()
        let next = OutputBuffer()
        #expect(session.run("print(\"next\")", sink: next).status == .completed)
        #expect(next.text == "next\n")
    }

    @Test func aTimeoutEndsTheBlock() {
        let result = Session().run("var i = 0\nwhile true { i += 1 }", sink: OutputBuffer(),
                                   limits: ExecutionLimits(timeout: .milliseconds(30)))
        #expect(result.status == .timedOut)
    }

    @Test func inlineExpressionsEvaluateInTheSession() {
        let session = Session()
        _ = session.run("let accuracy = 0.8821", sink: OutputBuffer())
        let value = session.evaluate("accuracy * 100", line: 7, sink: OutputBuffer())
        #expect((try? value.get())?.description == "88.21")
        if case .failure(let diagnostic) = session.evaluate("missing + 1", line: 7, sink: OutputBuffer()) {
            #expect(diagnostic.description == "7:1: unknown name 'missing'")
        } else {
            Issue.record("expected a failure")
        }
    }

    @Test func deepRecursionEndsInADiagnostic() {
        let result = Session().run("func down(_ n: Int) -> Int { n == 0 ? 0 : 1 + down(n - 1) }\nprint(down(100000))",
                                   sink: OutputBuffer())
        #expect(result.diagnostics.map(\.message) == ["too much recursion: more than 1000 nested calls"])
    }

    @Test func recursionWithinTheLimitWorks() {
        let sink = OutputBuffer()
        _ = Session().run("func down(_ n: Int) -> Int { n == 0 ? 0 : 1 + down(n - 1) }\nprint(down(900))", sink: sink)
        #expect(sink.text == "900\n")
    }
}
