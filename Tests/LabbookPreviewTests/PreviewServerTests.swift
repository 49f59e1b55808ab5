import Foundation
import LabbookTestSupport
import Testing

/// A `labbook preview` of a fresh copy of the sample notebook, its first render done.
final class SamplePreview {
    let folder: URL
    let notebook: URL
    let port = PreviewProcess.freePort()
    let preview: PreviewProcess

    init() throws {
        (folder, notebook) = try PreviewServerTests.sampleFolder()
        preview = try PreviewProcess(notebook: "sample.md", port: port, in: folder)
        #expect(preview.waitFor("preview: updated in"), "\(preview.standardError)")
    }

    /// Ends the preview if it still runs and removes the folder.
    func close() {
        preview.kill()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// `labbook preview` as an author runs it: a child process serving a sample notebook's report,
/// asked over HTTP and its WebSocket while the test edits the notebook.
@Suite(.serialized)
struct PreviewServerTests {
    /// A copy of the run tests' sample notebook in a new folder.
    static func sampleFolder() throws -> (folder: URL, notebook: URL) {
        let folder = try temporaryDirectory()
        let notebook = folder.appendingPathComponent("sample.md")
        try FileManager.default.copyItem(at: repositoryDirectory.appendingPathComponent("Tests/LabbookRunTests/Notebooks/sample.md"),
                                         to: notebook)
        return (folder, notebook)
    }

    /// Replaces `old` with `new` in the file, as an editor's save does.
    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "the notebook holds '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The message as a dictionary.
    static func decode(_ message: String?) -> [String: Any] {
        guard let message, let object = try? JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any] else { return [:] }
        return object
    }

    /// The next message of `kind`, skipping the others (progress); nil when none comes.
    static func next(_ kind: String, on socket: RawHTTP.Socket, seen: inout [String]) -> [String: Any]? {
        while let message = socket.next() {
            let object = decode(message)
            seen.append(object["kind"] as? String ?? message)
            if object["kind"] as? String == kind { return object }
        }
        return nil
    }

    @Test func itServesOnlyTheReportFolderToItsOwnHost() throws {
        let sample = try SamplePreview()
        defer { sample.close() }
        let (folder, port, preview) = (sample.folder, sample.port, sample.preview)
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        let report = folder.appendingPathComponent("output/sample")
        try FileManager.default.createSymbolicLink(atPath: report.appendingPathComponent("figures/out.txt").path,
                                                   withDestinationPath: folder.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: report.appendingPathComponent("up").path, withDestinationPath: folder.path)
        let http = RawHTTP(port: port)
        let own = "127.0.0.1:\(port)"

        let page = try http.get("/", host: own)
        #expect(page.status == 200)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("<script data-labbook-preview src=\"/_labbook/preview.js\"></script>"))
        #expect(html.contains("window.labbookPreviewVersion = 1;"))
        #expect(page.headers.lowercased().contains("cache-control: no-store"))
        #expect(try http.get("/_labbook/preview.js", host: own).status == 200)
        #expect(try http.get("/results.json", host: "localhost:\(port)").status == 200)
        #expect(try http.get("/index.html", host: "[::1]:\(port)").status == 200)

        let refused = ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/figures/%2e%2e/%2e%2e/secret.txt",
                       "//etc/passwd", "/%2Fetc%2Fpasswd", "/figures/", "/figures", "/.labbook-report", "/.cache",
                       "/figures/out.txt", "/up/secret.txt", "/index.html%00.png", "/..%5csecret.txt", "/missing.png"]
        for target in refused {
            let answer = try http.get(target, host: own)
            #expect(answer.status == 404, "\(target) answered \(answer.status)")
            #expect(!String(decoding: answer.body, as: UTF8.self).contains("secret"), "\(target) gave the file outside")
        }
        for host in ["evil.example:\(port)", "127.0.0.1.evil.example:\(port)", "127.0.0.1:\(port + 1)", "localhost", "[::1"] {
            let answer = try http.get("/", host: host)
            #expect(answer.status == 403, "Host \(host) answered \(answer.status)")
            #expect(String(decoding: answer.body, as: UTF8.self).contains("is not this preview's address"))
        }
        #expect(try http.get("/", host: nil).status != 200, "a request without Host is refused")
        #expect(try http.get("/_labbook/socket", host: "evil.example:\(port)").status == 403, "the WebSocket checks Host too")

        #expect(preview.interrupt() == 0, "Ctrl-C stops it cleanly: \(preview.standardError)")
        #expect(preview.standardError.contains("preview: stopping"))
    }

    @Test func aPortInUseIsAClearError() throws {
        let (folder, _) = try Self.sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = PreviewProcess.freePort()
        let first = try PreviewProcess(notebook: "sample.md", port: port, in: folder)
        defer { first.kill() }
        #expect(first.waitFor("previewing sample.md at http://127.0.0.1:\(port)/"), "\(first.standardError)")
        let second = try PreviewProcess(notebook: "sample.md", port: port, in: folder)
        defer { second.kill() }
        #expect(second.waitForExit() == 2)
        #expect(second.standardError == "error: port \(port) on 127.0.0.1 is in use (another preview?); choose another with --port, e.g. --port \(port + 1)\n")
        let unknown = try PreviewProcess(notebook: "sample.md", port: port, in: folder, arguments: ["--host", "192.0.2.1"])
        defer { unknown.kill() }
        #expect(unknown.waitForExit() == 2)
        #expect(unknown.standardError.contains("error: --host 192.0.2.1 is not an address of this machine"))
        let missing = try PreviewProcess(notebook: "missing.md", port: port, in: folder)
        defer { missing.kill() }
        #expect(missing.waitForExit() == 2)
        #expect(missing.standardError == "missing.md: error: no such notebook: missing.md\n")
        #expect(first.interrupt() == 0)
    }

    @Test func ctrlCStopsTheRenderInProgress() throws {
        let sample = try SamplePreview()
        defer { sample.close() }
        let (notebook, port, preview) = (sample.notebook, sample.port, sample.preview)
        let socket = try RawHTTP.Socket(port: port)
        var seen: [String] = []
        #expect(Self.next("rendered", on: socket, seen: &seen) != nil)
        try Self.edit(notebook, "print(x.shape)", "print(x.shape)\nvar spins = 0\nwhile true { spins += 1 }")
        let running = Self.next("progress", on: socket, seen: &seen)
        #expect(running?["step"] as? String == "[1/3] data", "\(seen)")
        #expect(preview.interrupt() == 0, "Ctrl-C ends the endless block and the server: \(preview.standardError)")
        #expect(preview.standardError.contains("preview: stopping"))
        #expect(preview.standardError.components(separatedBy: "preview: updated in").count == 2,
                "the interrupted render is no new version: \(preview.standardError)")
    }

    @Test func eachSaveReachesTheOpenPagesAndAFailedRenderKeepsTheLastGoodOne() throws {
        let sample = try SamplePreview()
        defer { sample.close() }
        let (notebook, port, preview) = (sample.notebook, sample.port, sample.preview)
        let socket = try RawHTTP.Socket(port: port)
        var seen: [String] = []
        // A page that connects is told the version there is.
        #expect(Self.next("rendered", on: socket, seen: &seen)?["version"] as? Int == 1)

        // Prose: a new version, every block replayed.
        try Self.edit(notebook, "Some prose", "Some edited prose")
        #expect(Self.next("rendered", on: socket, seen: &seen)?["version"] as? Int == 2, "\(seen)")
        #expect(preview.waitFor("(every block replayed from the cache)", count: 1))
        let page = try RawHTTP(port: port).get("/index.html", host: "127.0.0.1:\(port)")
        #expect(String(decoding: page.body, as: UTF8.self).contains("Some edited prose"))

        // A block: its progress, each epoch, then a new version.
        seen = []
        try Self.edit(notebook, "epochs: 3,", "epochs: 2,")
        #expect(Self.next("rendered", on: socket, seen: &seen)?["version"] as? Int == 3)
        #expect(seen.first == "rendering" && seen.contains("progress"), "\(seen)")
        #expect(preview.standardError.contains("[2/3] fit"))

        // A syntax error: the diagnostics, no new version; a reload still gets the last good page.
        let good = try RawHTTP(port: port).get("/index.html", host: "127.0.0.1:\(port)").body
        let onDisk = try Data(contentsOf: sample.folder.appendingPathComponent("output/sample/index.html"))
        seen = []
        try Self.edit(notebook, "epochs: 2,", "epochs: 2 +,")
        let failed = Self.next("failed", on: socket, seen: &seen)
        #expect(try Data(contentsOf: sample.folder.appendingPathComponent("output/sample/index.html")) != onDisk,
                "the failed render wrote its own report")
        #expect(try RawHTTP(port: port).get("/index.html", host: "127.0.0.1:\(port)").body == good,
                "the preview still serves the last good one")
        let diagnostics = failed?["diagnostics"] as? String ?? ""
        #expect(diagnostics.hasPrefix("""
            sample.md:27:36: error: expected an expression, found ','
             27 | let h = model.fit(x, y, epochs: 2 +, batchSize: 32, validationSplit: 0.25)
                |                                    ^
            """), "\(diagnostics)")
        #expect(!seen.contains("rendered"))
        // A page that connects now is told the version and the failure over it.
        let late = try RawHTTP.Socket(port: port)
        #expect(Self.decode(late.next())["version"] as? Int == 3)
        #expect(Self.decode(late.next())["kind"] as? String == "failed")

        // Several saves in quick succession: one render. (The preview takes saves less than its
        // settle time, 60 ms, apart as one; when this process is descheduled between two of them,
        // under the load of the other suites, they are apart, and render at most once each.)
        let renders = preview.standardError.components(separatedBy: "preview: ").count
        let failing = try String(contentsOf: notebook, encoding: .utf8)
        let start = DispatchTime.now().uptimeNanoseconds
        for epochs in [4, 5, 3] {
            try failing.replacingOccurrences(of: "epochs: 2 +,", with: "epochs: \(epochs),").write(to: notebook, atomically: true, encoding: .utf8)
            usleep(5_000)
        }
        let together = DispatchTime.now().uptimeNanoseconds - start < 50_000_000
        #expect(Self.next("rendered", on: socket, seen: &seen)?["version"] as? Int == 4)
        #expect(preview.waitFor("preview: updated in", count: 4))
        usleep(500_000)
        let rendered = preview.standardError.components(separatedBy: "preview: ").count - renders
        #expect(together ? rendered == 1 : (1...3).contains(rendered),
                "\(rendered) renders for three saves \(together ? "within" : "not all within") 50 ms: \(preview.standardError)")
        #expect(preview.interrupt() == 0)
    }
}
