import LabbookInterpreter
import Testing
import LabbookDiagnostics

/// The registration API seen from a binding: the fake types of `FakeLibrary` driven from Swift.
struct RegistrationTests {
    private func run(_ source: String, session: Session = FakeLibrary.session()) -> (String, RunResult) {
        let sink = OutputBuffer()
        let result = session.run(source, sink: sink)
        return (sink.text, result)
    }

    @Test func mutatingMethodOfAValueTypeWritesBackToTheVariable() throws {
        let session = FakeLibrary.session()
        _ = run("var v = Vec([1, 2])\nlet copy = v\nv.scale(by: 3)", session: session)
        let vec = try #require(session.library.type(named: "Vec") as? NativeType<FakeLibrary.Vec>)
        let v = try #require(session.value(of: "v"))
        let copy = try #require(session.value(of: "copy"))
        #expect(vec.unwrap(v) == FakeLibrary.Vec(items: [3, 6]))
        #expect(vec.unwrap(copy) == FakeLibrary.Vec(items: [1, 2]))
    }

    @Test func referenceTypesAreShared() throws {
        let session = FakeLibrary.session()
        _ = run("let a = Counter()\nlet b = a\nb.increment()", session: session)
        let counter = try #require(session.library.type(named: "Counter") as? NativeType<FakeLibrary.Counter>)
        let aValue = try #require(session.value(of: "a"))
        let bValue = try #require(session.value(of: "b"))
        let a = try #require(counter.unwrap(aValue))
        let b = try #require(counter.unwrap(bValue))
        #expect(a === b)
        #expect(a.value == 1)
    }

    /// Both spellings of an enum-like value are the same value.
    @Test(arguments: [".relu", "\"relu\"", "Activation.relu"])
    func implicitMembersAndKerasSpellings(_ spelling: String) {
        let (text, result) = run("print(Dense(2, activation: \(spelling)).activation == .relu)")
        #expect(result.status == .completed)
        #expect(text == "true\n")
    }

    @Test func anUnknownSpellingSuggestsTheNearestKnownOne() {
        let (_, result) = run("let d = Dense(2, activation: \"sigmod\")")
        #expect(result.diagnostics.map(\.message) == ["\"sigmod\" is not a known Activation; did you mean \"sigmoid\"?"])
    }

    @Test func builderCollectsLayersFromLoopsAndConditions() {
        let (text, _) = run("""
            let m = Model {
                Dense(1)
                for u in 2...3 { Dense(u) }
                if true { Dense(4) }
            }
            print(m)
            """)
        #expect(text == "Model(1, 2, 3, 4)\n")
    }

    @Test func nativeCodeCallsAClosureBackAndGetsItsValue() {
        let (text, result) = run("print(Vec([1, 2]).mapped { x in x * 10 + 1 })")
        #expect(result.status == .completed)
        #expect(text == "Vec([11.0, 21.0])\n")
    }

    @Test func anErrorInsideACalledBackClosureIsLocatedInTheClosure() {
        let (_, result) = run("let v = Vec([1, 0])\nlet w = v.mapped { x in\n    Double(10 / Int(x))\n}")
        #expect(result.diagnostics.map(\.description) == ["3:12: division by zero"])
    }

    @Test func callingAClosureOutsideARunningBlockIsAnError() throws {
        let session = FakeLibrary.session()
        _ = run("let f = { (x: Int) -> Int in x + 1 }", session: session)
        guard case .function(let f)? = session.value(of: "f") else {
            Issue.record("f is not a function")
            return
        }
        #expect(throws: NativeError.self) { try f.call([.int(1)]) }
    }

    @Test func nativeErrorsBecomeDiagnosticsAtTheCallWithTheirHelp() {
        let (_, result) = run("let x = 1\nlet y = failing(\"no data\")")
        #expect(result.diagnostics == [Diagnostic(.error, "no data", at: result.diagnostics.first?.range ?? SourceRange(at: SourceLocation(line: 0, column: 0, offset: 0)),
                                                  help: "this fake function always fails")])
        #expect(result.diagnostics.first?.description == "2:9: no data")
    }

    @Test func richOutputsPassThroughTheSink() throws {
        let sink = OutputBuffer()
        _ = FakeLibrary.session().run("emitRich(title: \"curves\")", sink: sink)
        guard case .rich(let rich)? = sink.outputs.first else {
            Issue.record("no rich output")
            return
        }
        #expect((rich as? FakeLibrary.Rich)?.title == "curves")
    }

    @Test func overloadsAreChosenByLabelsAndTypes() {
        let (text, _) = run("print(Vec(zeros: 2), Vec([5]), Model(), Model([Dense(1)]), Model { Dense(2) })")
        #expect(text == "Vec([0.0, 0.0]) Vec([5.0]) Model() Model(1) Model(2)\n")
    }

    @Test func aRegisteredTypeNameIsUsableInAnnotations() {
        let (text, result) = run("let layers: [Layer] = [Dense(1)]\nlet m: Model = Model(layers)\nlet pair: (String, Activation) = (\"a\", \"relu\")\nprint(m, pair)")
        #expect(result.status == .completed)
        #expect(text == "Model(1) (\"a\", relu)\n")
    }

    @Test func aValueOfAnotherTypeIsRejectedWithBothTypesNamed() {
        let (_, result) = run("let c: Counter = Vec([1])")
        #expect(result.diagnostics.map(\.message) == ["cannot convert value of type 'Vec' to specified type 'Counter'"])
    }
}
