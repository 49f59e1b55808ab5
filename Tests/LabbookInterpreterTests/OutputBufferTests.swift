import LabbookInterpreter
import Testing

/// A block's printed text is merged and capped; what is left out is said where the text stopped.
struct OutputBufferTests {
    static func note(lines: Int, bytes: Int) -> String {
        "… output truncated: \(lines) more line\(lines == 1 ? "" : "s") (\(bytes) bytes) not shown; a block keeps at most "
            + "10000 lines or 1 MB of printed output\n"
    }

    @Test func consecutiveTextIsOneOutput() {
        let buffer = OutputBuffer()
        buffer.emit(.text("a\n"))
        buffer.emit(.text("b\n"))
        buffer.emit(.table(Table(headers: ["x"], rows: [["1"]])))
        buffer.emit(.text("c"))
        let texts = buffer.outputs.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
        #expect(texts == ["a\nb\n", "c"])
        #expect(buffer.text == "a\nb\nc")
    }

    @Test func linesBeyondTheLimitAreCountedAndSaidWhereTheTextStopped() {
        let buffer = OutputBuffer()
        for i in 0..<10_005 { buffer.emit(.text("\(i)\n")) }
        buffer.emit(.table(Table(headers: ["x"], rows: [])))
        buffer.emit(.text("after\n"))
        let outputs = buffer.outputs
        guard case .text(let first)? = outputs.first, case .table? = outputs.dropFirst().first,
              case .text(let last)? = outputs.last else {
            Issue.record("unexpected outputs: \(outputs.count)")
            return
        }
        #expect(first.hasSuffix("9999\n" + Self.note(lines: 5, bytes: 30)))
        #expect(first.split(separator: "\n").count == 10_001)
        #expect(last == Self.note(lines: 1, bytes: 6))
    }

    @Test func bytesBeyondTheLimitKeepWholeLines() {
        let buffer = OutputBuffer()
        let line = String(repeating: "x", count: 1023) + "\n"  // 1 KB
        buffer.emit(.text(String(repeating: line, count: 1023) + "tail without newline"))
        buffer.emit(.text(line + line))
        guard case .text(let text)? = buffer.outputs.first else {
            Issue.record("no text")
            return
        }
        // The first text fits (1023 KB and 20 bytes); neither line of the second does.
        #expect(text.hasPrefix(String(repeating: line, count: 1023)))
        #expect(text.hasSuffix("tail without newline\n" + Self.note(lines: 2, bytes: 2048)))
    }
}

/// Which of an expectation's values a block with hidden code may show.
@Suite struct ExpectationDetailTests {
    @Test(arguments: [
        ("total", true), ("history.epochs", true), ("history.loss.last!", true), ("_x1", true),
        ("6", true), ("-0.5", true), ("1e-3", true), ("[60000, 28, 28]", true), ("\"adam\"", true),
        ("xs.reduce(0, +)", false), ("a + b", false), ("model.layers.count == 3 && ok", false), ("f()", false),
        ("model.layers.map { $0.kind }", false), ("\"a\" + \"b\"", false), ("", false), (".", false), ("x.", false),
    ])
    func onlyNamesAndLiteralsQuoteNoCode(expression: String, plain: Bool) {
        #expect(Expectation.Detail(expression: expression, value: "v").quotesOnlyAName == plain, "\(expression)")
    }
}
