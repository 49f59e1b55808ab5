import Foundation
import LabbookTestSupport
import Testing
@testable import LabbookPreview

/// The preview's parts on their own: which paths and hosts it answers, when a save is one, what
/// a page is told, what is added to the report's page.
struct PreviewPartsTests {
    @Test func onlyRegularFilesInsideTheFolderAreServed() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("report")
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        for name in ["index.html", "figures/a b.png", ".cache/blocks.json", "../secret.txt"] {
            try Data(name.utf8).write(to: folder.appendingPathComponent(name))
        }
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("figures/inside.png").path, withDestinationPath: "a b.png")
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("outside.txt").path,
                                  withDestinationPath: root.appendingPathComponent("secret.txt").path)
        let files = ReportFiles(folder: folder.path)
        let real = files.root
        let expected: [String: String?] = [
            "/": real + "/index.html",
            "/index.html": real + "/index.html",
            "/figures/a%20b.png": real + "/figures/a b.png",
            "/figures/inside.png": real + "/figures/a b.png",
            "/../secret.txt": nil, "/%2e%2e/secret.txt": nil, "/%2E%2E%2Fsecret.txt": nil, "/figures/../../secret.txt": nil,
            "/figures/%2e%2e/index.html": nil, "/./index.html": nil, "//index.html": nil, "/figures//a%20b.png": nil,
            "/figures": nil, "/figures/": nil, "/.cache/blocks.json": nil, "/outside.txt": nil, "/%00": nil,
            "/index.html%00": nil, "/..%5Csecret.txt": nil, "index.html": nil, "/%zz": nil, "/missing.png": nil,
            "/" + root.path + "/secret.txt": nil,
        ]
        for (request, file) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(files.file(for: request) == file, "\(request)")
        }
        #expect(ReportFiles.contentType(of: "/x/figures/a.PNG") == "image/png")
        #expect(ReportFiles.contentType(of: "/x/report.md") == "text/markdown; charset=utf-8")
        #expect(ReportFiles.contentType(of: "/x/model.bin") == "application/octet-stream")
    }

    @Test func onlyItsOwnAddressesPass() {
        let loopback = HostCheck(host: "127.0.0.1")
        for header in ["127.0.0.1:4848", "localhost:4848", "LOCALHOST:4848", "[::1]:4848", "192.168.1.20:4848"] {
            #expect(loopback.allows(header, port: 4848), "\(header)")
        }
        for header in ["evil.example:4848", "127.0.0.1.nip.io:4848", "localhost.evil:4848", "127.0.0.1:4849", "127.0.0.1",
                       "localhost", "[::1]", "[evil]:4848", ":4848", "256.1.1.1:4848", "1.2.3:4848", "127.0.0.1:99999", "",
                       "127.0.0.1:4848:4848"] {
            #expect(!loopback.allows(header, port: 4848), "\(header)")
        }
        #expect(!loopback.allows(nil, port: 4848))
        let named = HostCheck(host: "lab.example.org")
        #expect(named.allows("lab.example.org:8000", port: 8000))
        #expect(!named.allows("other.example.org:8000", port: 8000))
    }

    @Test func aRenderIsDueOnceTheFilesSettle() {
        let ms: UInt64 = 1_000_000
        let a = FileSignature(seconds: 1, size: 10)
        let b = FileSignature(seconds: 2, size: 12)
        let c = FileSignature(seconds: 3, size: 11)
        var detector = SaveDetector(initial: ["n.md": a], settle: 60 * ms)
        func due(_ files: [String: FileSignature?], at milliseconds: UInt64) -> Bool {
            detector.observe(files, now: milliseconds * ms)
        }
        #expect(!due(["n.md": a], at: 10), "nothing changed")
        #expect(!due(["n.md": b], at: 20), "changed, not settled")
        #expect(!due(["n.md": nil], at: 30), "an editor replacing the file")
        #expect(!due(["n.md": c], at: 40))
        #expect(!due(["n.md": c], at: 90), "50 ms after the last change")
        #expect(due(["n.md": c], at: 100), "settled: one render for three writes")
        #expect(!due(["n.md": c], at: 200), "already rendered")
        // A data file watched for the first time is not a change; its next change is.
        #expect(!due(["n.md": c, "data.gz": a], at: 300))
        #expect(!due(["n.md": c, "data.gz": a], at: 400))
        #expect(!due(["n.md": c, "data.gz": b], at: 410))
        #expect(due(["n.md": c, "data.gz": b], at: 470))
        // A change undone before it settled is no change.
        #expect(!due(["n.md": a, "data.gz": b], at: 500))
        #expect(!due(["n.md": c, "data.gz": b], at: 510))
        #expect(!due(["n.md": c, "data.gz": b], at: 600))
    }

    @Test func aPageIsToldTheStateWhenItConnects() async {
        let hub = PreviewHub()
        hub.publish(.rendering)
        hub.publish(.progress(step: "[1/3] data"))
        hub.rendered(page: nil)
        hub.publish(.rendering)
        hub.publish(.progress(step: "[2/3] fit", epoch: "epoch 2/3"))
        hub.publish(.failed("sample.md:27:36: error: expected an expression"))
        let page = hub.subscribe()
        hub.rendered(page: nil)
        hub.close()
        var messages: [String] = []
        for await message in page.stream { messages.append(message) }
        #expect(messages == [
            #"{"kind":"rendered","version":1}"#,
            #"{"diagnostics":"sample.md:27:36: error: expected an expression","kind":"failed"}"#,
            #"{"kind":"rendered","version":2}"#,
        ])
        #expect(hub.currentVersion == 2)
        let during = PreviewHub()
        during.publish(.progress(step: "[7/38] q4-1024", epoch: "epoch 3/10"))
        let late = during.subscribe()
        during.close()
        var first: [String] = []
        for await message in late.stream { first.append(message) }
        #expect(first == [#"{"epoch":"epoch 3\/10","kind":"progress","step":"[7\/38] q4-1024"}"#])
    }

    @Test func aPageThatConnectsAfterTheHubClosedGetsAnEndedStream() async {
        let hub = PreviewHub()
        hub.rendered(page: nil)
        hub.close()
        let late = hub.subscribe()
        var messages: [String] = []
        for await message in late.stream { messages.append(message) }
        #expect(messages.isEmpty, "a reconnecting page must not hold the shutdown up: \(messages)")
    }

    @Test func thePageSpeaksTheReportsLanguages() {
        for lang in ["en", "es"] {
            let words = PreviewPage.words[lang] ?? [:]
            #expect(Set(words.keys) == ["failed", "lastGood", "rendering", "reconnecting"], "\(lang)")
            for word in words.values { #expect(PreviewPage.script.contains(word), "\(lang): \(word)") }
        }
        #expect(PreviewPage.script.contains("allWords[document.documentElement.lang] || allWords.en"))
    }

    @Test func thePageGetsTheScriptBeforeItsBodyEnds() {
        let tags = #"<script data-labbook-preview>window.labbookPreviewVersion = 3;</script><script data-labbook-preview src="/_labbook/preview.js"></script>"#
        #expect(PreviewPage.inject(into: "<html><body><p>x</p></body></html>", version: 3)
                == "<html><body><p>x</p>\(tags)\n</body></html>")
        #expect(PreviewPage.inject(into: "<p>no body</p>", version: 3) == "<p>no body</p>\(tags)\n")
        #expect(PreviewPage.inject(into: "<body><pre>&lt;/body&gt;</pre></BODY>", version: 3)
                == "<body><pre>&lt;/body&gt;</pre>\(tags)\n</BODY>")
    }
}
