import Foundation
@testable import LabbookInterpreter
import Testing
import LabbookDiagnostics

/// Sources and programs from the hostile-input campaign: each ends in one clear diagnostic,
/// never a crash, however long the chain or deep the nesting.
struct HostileSourceTests {
    static let tooLong = "expression is too long: it chains more than 1000 operations; split it over several statements"

    @Test(arguments: [
        ("flat sum", "print(" + Array(repeating: "1", count: 100_000).joined(separator: "+") + ")", "1:7"),
        ("comparisons", "let b = " + Array(repeating: "x", count: 20_000).joined(separator: " && "), "1:9"),
        ("subscripts", "let a = [1]" + String(repeating: "[0]", count: 50_000), "1:9"),
        ("members", "let m = x" + String(repeating: ".y", count: 50_000), "1:9"),
        ("calls", "f" + String(repeating: "()", count: 50_000), "1:1"),
    ])
    func longChainsAreRefusedWhileParsing(_ name: String, _ source: String, _ location: String) {
        let diagnostics = Session.check(source)
        #expect(diagnostics.map(\.description) == ["\(location): \(Self.tooLong)"])
        let sink = OutputBuffer()
        let result = Session().run(source, sink: sink)
        #expect(result.status == .failed)
    }

    @Test func chainsUpToTheLimitRun() {
        let sink = OutputBuffer()
        // 998 operations and the call around them: a tree 1000 tall.
        let source = "print(" + Array(repeating: "1", count: 999).joined(separator: "+") + ")"
        #expect(Session().run(source, sink: sink).status == .completed)
        #expect(sink.text == "999\n")
        // One more operation is one too many.
        let longer = "print(" + Array(repeating: "1", count: 1_002).joined(separator: "+") + ")"
        #expect(Session.check(longer).map(\.message) == [Self.tooLong])
    }

    @Test func chainsInsideNestedCallsCountTogether() {
        // Each call is short, but the whole tree is tall: 30 levels of a 40-term chain, each
        // call the chain's first operand, at its bottom.
        var source = "1"
        for _ in 0..<30 { source = "f(" + source + "+" + Array(repeating: "1", count: 40).joined(separator: "+") + ")" }
        #expect(Session.check("print(\(source))").map(\.message) == [Self.tooLong])
    }

    @Test func interpolationsNestedTooDeeplyAreOneError() {
        var source = "1"
        for _ in 0..<2_000 { source = "\"\\(\(source))\"" }
        let diagnostics = Session.check("print(\(source))\nlet after = 1")
        #expect(diagnostics.map(\.description) == ["1:56: string interpolations are nested too deeply"])
    }

    @Test func aLongLineIsQuotedAsAWindowAroundTheCaret() {
        let source = "let x = " + String(repeating: "a", count: 300) + " @ 1"
        let formatted = DiagnosticFormatter(fileName: "lab.md", source: source).format(Session.check(source))
        // The line's last 120 columns: the caret is near the end, so the window ends with the line.
        #expect(formatted == "lab.md:1:310: error: unexpected character '@'\n"
                + " 1 | …" + String(repeating: "a", count: 116) + " @ 1\n"
                + "   | " + String(repeating: " ", count: 118) + "^\n")
    }

    @Test func sourceExcerptsKeepShortLinesWhole() {
        let excerpt = SourceExcerpt(line: "\tlet x = 1", start: 6, end: 7)
        #expect(excerpt.text == "\tlet x = 1")
        #expect(excerpt.marker == "\t    ^")
        let long = SourceExcerpt(line: Substring(String(repeating: "b", count: 500)), start: 1, end: 501)
        #expect(long.text == String(repeating: "b", count: 120) + "…")
        #expect(long.marker == "^" + String(repeating: "~", count: 119))
    }
}
