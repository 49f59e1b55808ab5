import Testing
@testable import LabbookReport
import LabbookTestSupport

/// The highlighter's spans, token kind by token kind.
@Suite struct SwiftHighlighterTests {
    @Test(arguments: [
        ("let x = 1", #"<span class="hl-kw">let</span> x = <span class="hl-num">1</span>"#),
        ("1.5e-3 0x1F 1_000", #"<span class="hl-num">1.5e-3</span> <span class="hl-num">0x1F</span> <span class="hl-num">1_000</span>"#),
        ("x // a <b> & c\ny", #"x <span class="hl-com">// a &lt;b&gt; &amp; c</span>"# + "\ny"),
        ("/* a */ b", #"<span class="hl-com">/* a */</span> b"#),
        (#""a < b""#, #"<span class="hl-str">&quot;a &lt; b&quot;</span>"#),
        (#""x \(y + 1) z""#, #"<span class="hl-str">&quot;x </span><span class="hl-interp">\(</span>y + <span class="hl-num">1</span><span class="hl-interp">)</span><span class="hl-str"> z&quot;</span>"#),
        (#""a \"q\" b""#, #"<span class="hl-str">&quot;a \&quot;q\&quot; b&quot;</span>"#),
        ("Dense(10, activation: .relu)", #"<span class="hl-ty">Dense</span>(<span class="hl-num">10</span>, activation: <span class="hl-mem">.relu</span>)"#),
        ("model.fit(x)", "model.fit(x)"),
        ("xs[0].count", #"xs[<span class="hl-num">0</span>].count"#),
        ("f().y", "f().y"),
        ("layer2 x9", "layer2 x9"),
        ("for i in 0..<3 {}", #"<span class="hl-kw">for</span> i <span class="hl-kw">in</span> <span class="hl-num">0</span>..&lt;<span class="hl-num">3</span> {}"#),
        (#""unterminated"#, #"<span class="hl-str">&quot;unterminated</span>"#),
        ("\"\"\"\nmulti \"line\"\n\"\"\"", #"<span class="hl-str">&quot;&quot;&quot;"# + "\nmulti &quot;line&quot;\n" + #"&quot;&quot;&quot;</span>"#),
        ("<script>", "&lt;script&gt;"),
    ])
    func highlights(code: String, html: String) {
        #expect(SwiftHighlighter.html(code) == html)
    }

    /// Dropping the tags gives back the escaped code, whatever the input.
    @Test(arguments: ["let a = \"\\(b(\"c\"))\" // d", "x.y(.z, \"\\(", "/* open", "é ü 🙂 \"ñ\"", ".", "\"\\"])
    func keepsEveryCharacter(code: String) {
        let html = SwiftHighlighter.html(code)
        let text = html.replacing(#/<span class="hl-[a-z]+">|</span>/#, with: "")
        #expect(text == HTML.escape(code))
    }
}
