import Foundation
import LabbookTestSupport
import Testing
@testable import LabbookPreview

/// What the environment says of the browser check.
enum BrowserCheck {
    static let environment = ProcessInfo.processInfo.environment
    /// Set by `make browser-check`: a missing Chromium is a failure.
    static let required = environment["LABBOOK_BROWSER_CHECK"] == "1"
    /// How long one render may take, in seconds.
    static let seconds = Double(environment["LABBOOK_PREVIEW_SECONDS"] ?? "") ?? 120
}

/// `labbook preview` in a real browser: headless Chromium opens the page, the test saves edits
/// of the notebook as an author would, and reads the page's DOM through the DevTools protocol.
/// It runs where Chromium is installed; `make browser-check` installs it and sets
/// `LABBOOK_BROWSER_CHECK=1`, which makes a missing browser a failure rather than a skip.
///
/// The notebook is the run tests' sample unless `LABBOOK_PREVIEW_FOLDER` (a folder whose
/// notebook `LABBOOK_PREVIEW_NOTEBOOK` may have a warm cache in its `output/`) says otherwise;
/// `make preview-timing` points it at the coursework. Screenshots go to
/// `LABBOOK_BROWSER_SCREENSHOTS` when it is set.
@Suite(.serialized, .enabled(if: HeadlessChromium.executable != nil || BrowserCheck.required,
                              "needs Chromium (make browser-check installs it)"))
struct PreviewBrowserTests {
    static let environment = BrowserCheck.environment
    static let seconds = BrowserCheck.seconds

    /// The page's recorder: for each text the test waits for, the moment (`Date.now()`, ms) it
    /// first stood in the report's part of the page, and each text the status corner showed.
    /// A reload would wipe it: its survival shows the page was never reloaded.
    static let recorder = """
        (() => {
          const state = { wanted: [], seen: {}, statuses: [] };
          window.labbookCheck = state;
          const reportText = () => [...document.body.children]
            .filter((element) => !element.id.startsWith("labbook-preview")).map((element) => element.textContent).join("\\n");
          const look = () => {
            const now = Date.now();
            const text = reportText();
            for (const wanted of state.wanted) if (!(wanted in state.seen) && text.includes(wanted)) state.seen[wanted] = now;
            const status = document.getElementById("labbook-preview-status");
            if (status && !status.hidden && status.textContent && state.statuses.at(-1) !== status.textContent) {
              state.statuses.push(status.textContent);
            }
          };
          new MutationObserver(look).observe(document.documentElement,
            { subtree: true, childList: true, characterData: true, attributes: true });
          state.look = look;
          return true;
        })()
        """

    /// The notebook's folder and name: a copy of the sample, or the folder the environment names.
    static func notebook() throws -> (folder: URL, name: String, temporary: Bool) {
        if let folder = environment["LABBOOK_PREVIEW_FOLDER"] {
            return (URL(fileURLWithPath: folder), environment["LABBOOK_PREVIEW_NOTEBOOK"] ?? "sample.md", false)
        }
        let (folder, _) = try PreviewServerTests.sampleFolder()
        return (folder, "sample.md", true)
    }

    /// The notebook's lines with `line` put first in the last block that is not marked to fail
    /// (after its `//|` options).
    static func insertingInLastBlock(_ line: String, into text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let openings = lines.indices.filter { lines[$0].hasPrefix("```swift") }
        let last = try #require(openings.last { opening in
            !lines[(opening + 1)...].prefix { !$0.hasPrefix("```") }.contains { $0.hasPrefix("//|") && $0.contains("error: true") }
        }, "the notebook has a block that is not marked `error: true`")
        var at = last + 1
        while lines[at].hasPrefix("//|") { at += 1 }
        lines.insert(line, at: at)
        return lines.joined(separator: "\n")
    }

    /// Saves `text` as an editor does (a new file renamed over the old) and returns the moment
    /// of the save, in ms since 1970 as the page's `Date.now()` counts.
    static func save(_ text: String, to file: URL) throws -> Double {
        let now = Date().timeIntervalSince1970 * 1000
        try text.write(to: file, atomically: true, encoding: .utf8)
        return now
    }

    /// Waits until `text` stands in the report's part of the page; the ms from `saved` to then.
    static func waitToSee(_ text: String, in browser: HeadlessChromium, after saved: Double) throws -> Double? {
        guard try browser.waitUntil("window.labbookCheck.look(), '\(text)' in window.labbookCheck.seen", seconds: seconds) else {
            return nil
        }
        let seen = try #require(try browser.evaluate("window.labbookCheck.seen['\(text)']") as? Double)
        return seen - saved
    }

    @Test func eachSaveShowsInTheOpenPageAndASyntaxErrorShowsOverTheLastGoodOne() throws {
        try #require(HeadlessChromium.executable != nil, "Chromium is required (LABBOOK_BROWSER_CHECK=1) and there is none")
        let (folder, name, temporary) = try Self.notebook()
        defer { if temporary { try? FileManager.default.removeItem(at: folder) } }
        let notebook = folder.appendingPathComponent(name)
        let original = try String(contentsOf: notebook, encoding: .utf8)
        defer { if !temporary { try? original.write(to: notebook, atomically: true, encoding: .utf8) } }
        let screenshots = Self.environment["LABBOOK_BROWSER_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        if let screenshots { try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true) }

        let port = PreviewProcess.freePort()
        let preview = try PreviewProcess(notebook: name, port: port, in: folder)
        defer { preview.kill() }
        try #require(preview.waitFor("preview: updated in", seconds: Self.seconds * 10), "\(preview.standardError)")
        let browser = try HeadlessChromium(url: "http://127.0.0.1:\(port)/")
        defer { browser.close() }
        try #require(try browser.waitUntil("document.documentElement.dataset.labbookPreview === 'live'", seconds: 30),
                     "the page connects to the preview")
        #expect(try browser.evaluate(Self.recorder) as? Bool == true)
        let token = String(UInt32.random(in: 0...UInt32.max), radix: 36)

        // 1. Prose: a paragraph added at the end shows without a reload.
        let prose = "prose-edit-\(token)"
        _ = try browser.evaluate("window.labbookCheck.wanted.push('\(prose)')")
        let edited = original + "\n\nA paragraph the test added: \(prose).\n"
        let proseTime = try Self.waitToSee(prose, in: browser, after: try Self.save(edited, to: notebook))
        #expect(proseTime != nil, "the prose edit shows: \(preview.standardError)")

        // 2. A block: its output shows, and the status corner named the block as it ran.
        let output = "block-edit-\(token)-42"
        _ = try browser.evaluate("window.labbookCheck.wanted.push('\(output)'); window.labbookCheck.statuses = []; true")
        let withPrint = try Self.insertingInLastBlock("print(\"block-edit-\(token)-\\(6 * 7)\")", into: edited)
        let blockTime = try Self.waitToSee(output, in: browser, after: try Self.save(withPrint, to: notebook))
        #expect(blockTime != nil, "the block's new output shows: \(preview.standardError)")
        let statuses = try #require(try browser.evaluate("window.labbookCheck.statuses") as? [String])
        #expect(statuses.contains { $0.range(of: #"^\[\d+/\d+\] "#, options: .regularExpression) != nil },
                "the page showed which block ran: \(statuses)")

        // 3. A syntax error: the diagnostics over the last good page, which stays.
        let broken = try Self.insertingInLastBlock("print(\"broken-\" +)", into: edited)
        _ = try Self.save(broken, to: notebook)
        let overlay = "document.getElementById('labbook-preview-overlay')"
        #expect(try browser.waitUntil("!\(overlay).hidden", seconds: Self.seconds), "the overlay shows: \(preview.standardError)")
        let diagnostics = try browser.evaluate("\(overlay).querySelector('pre').textContent") as? String ?? ""
        #expect(diagnostics.contains("\(name):") && diagnostics.contains(": error: expected an expression, found ')'"),
                "the overlay holds the diagnostic: \(diagnostics)")
        #expect(diagnostics.contains("print(\"broken-\" +)"), "it quotes the line: \(diagnostics)")
        let lang = try browser.evaluate("document.documentElement.lang") as? String ?? ""
        #expect(try browser.evaluate("\(overlay).querySelector('h2').textContent") as? String
                == (PreviewPage.words[lang] ?? PreviewPage.words["en"])?["failed"], "the overlay speaks the report's language (\(lang))")
        #expect(try browser.evaluate("window.labbookCheck.look(), '\(output)' in window.labbookCheck.seen") as? Bool == true,
                "the last good report stays under it")
        if let screenshots { try browser.screenshot(to: screenshots.appendingPathComponent("overlay.png")) }

        // 4. Its fix clears the overlay and shows.
        let fixed = "fixed-\(token)-42"
        _ = try browser.evaluate("window.labbookCheck.wanted.push('\(fixed)')")
        let withFix = try Self.insertingInLastBlock("print(\"fixed-\(token)-\\(6 * 7)\")", into: edited)
        let fixTime = try Self.waitToSee(fixed, in: browser, after: try Self.save(withFix, to: notebook))
        #expect(fixTime != nil, "the fix shows: \(preview.standardError)")
        #expect(try browser.evaluate("\(overlay).hidden") as? Bool == true, "the fix clears the overlay")
        if let screenshots { try browser.screenshot(to: screenshots.appendingPathComponent("fixed.png")) }

        // Never reloaded: the recorder set up before the first edit is still there.
        #expect(try browser.evaluate("typeof window.labbookCheck === 'object'") as? Bool == true, "the page was not reloaded")
        #expect(try browser.evaluate("document.documentElement.dataset.labbookVersion") as? String == "4")
        print("preview of \(name), save to updated page: prose edit \(Self.format(proseTime)), "
              + "edit of its last block \(Self.format(blockTime)), fix of a syntax error \(Self.format(fixTime))")
        #expect(preview.interrupt() == 0, "Ctrl-C stops it: \(preview.standardError)")
    }

    static func format(_ milliseconds: Double?) -> String {
        milliseconds.map { String(format: "%.0f ms", $0) } ?? "never"
    }
}
