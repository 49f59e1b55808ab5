import Testing
@testable import LabbookNotebook

@Suite struct FrontMatterTests {
    @Test func readsEveryField() {
        let r = reading("---\ntitle: \"Redes: Fashion\"\nauthor: Ana\nlang: es\nseed: 7\nthreads: 3\n---\n# Hi\n")
        let fm = r.notebook!.frontMatter
        #expect(r.diagnostics.isEmpty)
        #expect(fm.title == "Redes: Fashion")
        #expect(fm.author == "Ana")
        #expect(fm.lang == .es)
        #expect(fm.seed == 7)
        #expect(fm.threads == .count(3))
        #expect(fm.lines == 1...7)
    }

    @Test func defaultsWithoutFrontMatter() {
        let fm = notebook("# Hi\n").frontMatter
        #expect(fm == FrontMatter())
        #expect(fm.lang == .en && fm.seed == 42 && fm.threads == .auto && fm.lines == nil)
    }

    @Test func threadsAutoAndAuthorList() {
        let fm = notebook("---\nthreads: auto\nauthor: [Ana, Luis]\n---\n").frontMatter
        #expect(fm.threads == .auto)
        #expect(fm.author == "Ana, Luis")
    }

    @Test(arguments: [
        ("---\ntitle: x\nfoo: 1\n---\n", ["3:1: warning: unknown front matter key 'foo' (known: title, author, lang, seed, threads)"]),
        ("---\nlang: fr\n---\n", ["2:7: warning: front matter 'lang' should be es or en, found 'fr'; using en"]),
        ("---\nseed: 4.5\n---\n", ["2:7: warning: front matter 'seed' should be an integer, found '4.5'; using 42"]),
        ("---\nthreads: 0\n---\n", ["2:10: warning: front matter 'threads' should be auto or an integer from 1 to 256, found '0'; using auto"]),
        ("---\ntitle: x\n", ["1:1: error: front matter starting at line 1 is not closed: expected a '---' line after it"]),
        ("---\n- a\n- b\n---\n", ["2:1: error: front matter must be a set of 'key: value' lines"]),
    ])
    func diagnostics(text: String, expected: [String]) {
        #expect(located(reading(text)) == expected)
    }

    @Test func unknownKeysAreKept() {
        let fm = notebook("---\nfoo: bar\n---\n").frontMatter
        #expect(fm.unknown == ["foo": "bar"])
    }

    @Test(arguments: [
        // The YAML's line 2 is the file's line 3: the second ':' of "key: : :".
        ("---\ntitle: ok\nkey: : :\n---\n# Body\n",
         "3:6: error: bad YAML in front matter: mapping values are not allowed in this context"),
        // libyaml notices the missing ']' where the YAML ends: the closing '---' line.
        ("---\ntitle: ok\nseed: [1, 2\n---\n# Body\n",
         "4:1: error: bad YAML in front matter: did not find expected ',' or ']' while parsing a flow sequence"),
    ])
    func badYAMLIsAnErrorAtItsFileLine(text: String, expected: String) {
        let r = reading(text)
        #expect(located(r) == [expected])
        #expect(r.notebook?.parts.count == 1)  // the body is still read
    }

    @Test func cmarkLinesStayTheFileLines() {
        let nb = notebook("---\ntitle: x\n---\n\n# Heading on line 5\n")
        guard case .prose(let p) = nb.parts.first else { Issue.record("no prose"); return }
        #expect(p.lines == 5...5)
        #expect(p.markdown == "# Heading on line 5")
        #expect(p.blocks.first?.range.start.line == 5)
    }
}
