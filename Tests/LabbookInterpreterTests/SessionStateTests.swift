import Foundation
import LabbookInterpreter
import Testing
import LabbookTestSupport

/// Saved session states: every kind of value comes back equal (and shared objects shared),
/// functions written at the top level come back callable, a closure over local variables
/// cannot be saved, and damaged bytes are refused with a reason, never trusted.
struct SessionStateTests {
    /// Runs `source` in a session, saves its state and restores it into a new one.
    func roundTrip(_ source: String) throws -> (original: Session, restored: Session, bytes: [UInt8], blobs: MemoryBlobStore) {
        let original = FakeLibrary.session()
        let result = original.run(source, firstLine: 10, sink: OutputBuffer())
        #expect(result.status == .completed, "\(result.diagnostics)")
        let blobs = MemoryBlobStore()
        let bytes = try original.saveState(blobs: blobs)
        let restored = FakeLibrary.session()
        try restored.restoreState(bytes, blobs: blobs)
        return (original, restored, bytes, blobs)
    }

    func output(_ session: Session, _ source: String) -> String {
        let sink = OutputBuffer()
        let result = session.run(source, firstLine: 100, sink: sink)
        return sink.text + result.diagnostics.map { "\($0.range.line):\($0.range.column): \($0.message)\n" }.joined()
    }

    static let everyKind = """
        let i = -42
        var d = -0.0
        let nan = Double.nan
        let third = 1.0 / 3
        let flag = true
        let text = "héllo \\u{1F600}"
        var list = [1, 2, 3]
        let nested = [[1.5], [], [2.5, 3.5]]
        let dict = ["z": 1, "a": 2, "m": 3]
        let numbers = [3: "three", 1: "one"]
        let pair = (loss: 0.25, 7)
        let closed = 1...5
        let open = 0..<3
        let none: Int? = nil
        let vec = Vec([1.0, 2.0, 4.0])
        let counter = Counter()
        counter.increment()
        let loss = Loss.crossentropy
        let kind = Vec
        let typed: [Double] = [1, 2]
        """

    @Test func everyKindOfValueComesBackEqual() throws {
        let (original, restored, _, _) = try roundTrip(Self.everyKind)
        #expect(restored.definedNames == original.definedNames)
        for name in original.definedNames {
            #expect(restored.value(of: name)?.description == original.value(of: name)?.description, "\(name)")
            #expect(restored.isConstant(name) == original.isConstant(name), "\(name)")
        }
        guard case .double(let d)? = restored.value(of: "d"), case .double(let nan)? = restored.value(of: "nan"),
              case .double(let third)? = restored.value(of: "third") else { Issue.record("not doubles"); return }
        #expect(d.bitPattern == (-0.0).bitPattern)
        #expect(nan.bitPattern == Double.nan.bitPattern)
        #expect(third == 1.0 / 3)
        #expect(output(restored, "print(dict)\nprint(pair.loss)\nprint(vec)\nprint(counter.value)\nprint(none == nil)") ==
                output(original, "print(dict)\nprint(pair.loss)\nprint(vec)\nprint(counter.value)\nprint(none == nil)"))
    }

    @Test func constantsAndAnnotationsAreKept() throws {
        let (_, restored, _, _) = try roundTrip(Self.everyKind)
        #expect(output(restored, "i = 1") == "100:1: cannot assign to 'i': it is a 'let' constant\n")
        #expect(output(restored, "list.append(4)\nprint(list)") == "[1, 2, 3, 4]\n")
        let (original, annotated, _, _) = try roundTrip("var typed: [Double] = [1, 2]")
        let refused = output(annotated, "typed = [\"x\"]")
        #expect(refused.contains("error") || refused.contains("cannot") || refused.contains("expected"), "\(refused)")
        #expect(refused == output(original, "typed = [\"x\"]"))
    }

    @Test func sharedObjectsStayShared() throws {
        let (_, restored, _, _) = try roundTrip("let a = Counter()\nlet b = a\nlet both = [a, b]\na.increment()")
        #expect(output(restored, "b.increment()\nprint(a.value, both[0].value, both[1].value)") == "2 2 2\n")
    }

    @Test func aBlobIsStoredOncePerSave() throws {
        let (_, _, _, blobs) = try roundTrip("let v = Vec([1.0, 2.0])\nlet w = v\nlet x = Vec([3.0])")
        #expect(blobs.blobs.count == 2)
    }

    @Test func topLevelFunctionsAndClosuresAreDeclaredAgain() throws {
        let source = """
            var total = 10
            func add(_ x: Int, to y: Int = 1) -> Int { x + y + total }
            let twice = { (n: Int) in n * 2 }
            let sorter: (Int, Int) -> Bool = { $0 > $1 }
            let printer = print
            func broken() -> Int { return [1][5] }
            """
        let (original, restored, _, _) = try roundTrip(source)
        let probe = "total = 100\nprint(add(1), add(1, to: 2), twice(21), [1, 3, 2].sorted(by: sorter))\nprinter(\"hi\")\nprint(broken())"
        #expect(output(restored, probe) == output(original, probe))
        // Errors inside a restored function point at the line it was written on.
        #expect(output(restored, "print(broken())").hasPrefix("15:"))
    }

    @Test func aClosureOverLocalVariablesCannotBeSaved() throws {
        let session = FakeLibrary.session()
        _ = session.run("""
            func makeCounter() -> () -> Int {
                var n = 0
                return { n += 1; return n }
            }
            let next = makeCounter()
            """, sink: OutputBuffer())
        #expect(throws: StateError.unsaveable(name: "next",
                                              reason: "'closure' is a closure over local variables (only functions and closures "
                                                + "written at the top level of a block can be saved)")) {
            try session.saveState(blobs: MemoryBlobStore())
        }
    }

    @Test func deeplyNestedValuesAreRefusedNotACrash() throws {
        let session = FakeLibrary.session()
        _ = session.run("var a: Any = [1]\nfor _ in 0..<5000 { a = [a] }", sink: OutputBuffer())
        #expect(throws: StateError.self) { try session.saveState(blobs: MemoryBlobStore()) }
    }

    @Test func everyTruncationAndEveryFlippedBitIsRefused() throws {
        let (_, _, bytes, blobs) = try roundTrip(Self.everyKind)
        for length in 0..<bytes.count {
            #expect(throws: StateError.self, "length \(length)") {
                try FakeLibrary.session().restoreState(Array(bytes[0..<length]), blobs: blobs)
            }
        }
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 1 << UInt8(index % 8)
            #expect(throws: StateError.self, "byte \(index)") { try FakeLibrary.session().restoreState(damaged, blobs: blobs) }
        }
    }

    @Test func anotherFormatVersionIsRefusedWithItsNumber() throws {
        let (_, _, bytes, blobs) = try roundTrip("let a = 1")
        var other = bytes
        other[8] = UInt8(Session.stateFormat + 1)
        #expect(throws: StateError.unreadable("it is of state format \(Session.stateFormat + 1), not \(Session.stateFormat)")) {
            try FakeLibrary.session().restoreState(other, blobs: blobs)
        }
    }

    @Test func aMissingBlobIsRefused() throws {
        let (_, _, bytes, _) = try roundTrip("let v = Vec([1.0])")
        #expect(throws: StateError.self) { try FakeLibrary.session().restoreState(bytes, blobs: MemoryBlobStore()) }
    }
}
