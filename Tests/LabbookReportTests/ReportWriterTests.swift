import Foundation
import Testing
@testable import LabbookReport
import LabbookTestSupport

/// The report folder is replaced in one step: a failed write leaves the previous report
/// byte-identical, keeps the partial one in NAME.partial/, and the block cache survives.
@Suite struct ReportWriterTests {
    @Test func writesTheWholeFolder() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try ReportWriter.write(try sampleReport(), to: root.appendingPathComponent("sample").path)
        #expect(written.files == ["figures/data-1.png", "figures/fit-1.png", "results.json", "report.md", "index.html"])
        let files = snapshot(root.appendingPathComponent("sample"))
        // Every file written, and the stamp that marks the folder as a report of labbook's.
        #expect(Set(files.keys) == Set(written.files + [ReportFolder.stampName]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["sample"])
        #expect(ReportWriter.pngSize(Array(files["figures/fit-1.png"]!)).map { [$0.0, $0.1] } == [480, 300])
    }

    @Test func formatsChooseTheFiles() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try ReportWriter.write(try sampleReport(), to: root.appendingPathComponent("x").path, formats: [.markdown])
        #expect(written.files.suffix(2) == ["results.json", "report.md"])
    }

    @Test(arguments: [0, 1, 3, 4])
    func aFailedWriteLeavesThePreviousReport(failAfter: Int) throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("sample")
        var report = try sampleReport()
        try ReportWriter.write(report, to: folder.path)
        let before = snapshot(folder)

        report.title = "Changed"
        #expect {
            try ReportWriter.write(report, to: folder.path, formats: [.html, .markdown], selfContained: false,
                                   allowHTML: false, template: .default, failAfterFiles: failAfter)
        } throws: { error in
            guard case ReportError.writeFailed(let path, let partial, let message) = error else { return false }
            return path == folder.path && partial == root.appendingPathComponent("sample.partial").path
                && message.contains("no space")
        }
        #expect(snapshot(folder) == before)
        let partial = snapshot(root.appendingPathComponent("sample.partial"))
        #expect(partial.count == failAfter + 1) // and the stamp
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["sample", "sample.partial"])

        // The next good render replaces the report and clears the stale partial one.
        try ReportWriter.write(report, to: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["sample"])
        #expect(snapshot(folder)["report.md"].map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("# Changed\n") == true)
    }

    @Test func theCacheIsCarriedOver() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("sample")
        try ReportWriter.write(try sampleReport(), to: folder.path)
        let cache = folder.appendingPathComponent(".cache/blocks")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Data("state".utf8).write(to: cache.appendingPathComponent("fit.bin"))
        try Data("stale".utf8).write(to: folder.appendingPathComponent("old-figure.png"))

        try ReportWriter.write(try sampleReport(), to: folder.path)
        let files = snapshot(folder)
        #expect(files[".cache/blocks/fit.bin"] == Data("state".utf8))
        #expect(files["old-figure.png"] == nil)

        // A failed write keeps the cache where it was too.
        #expect(throws: ReportError.self) {
            try ReportWriter.write(try sampleReport(), to: folder.path, formats: [.html], selfContained: false,
                                   allowHTML: false, template: .default, failAfterFiles: 2)
        }
        #expect(snapshot(folder)[".cache/blocks/fit.bin"] == Data("state".utf8))
    }

    @Test func anUnwritableDestinationIsAnError() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("file")
        try Data().write(to: file)
        #expect(throws: ReportError.self) {
            try ReportWriter.write(try sampleReport(), to: file.appendingPathComponent("sample").path)
        }
    }

    @Test func errorMessagesSayWhereThePartialReportIs() {
        let error = ReportError.writeFailed(report: "output/x", partial: "output/x.partial", message: "no space left on the device")
        #expect(error.description == "error: could not write the report output/x: no space left on the device; the previous report is unchanged; the partial report is in output/x.partial")
    }
}

/// Rendering the same report twice gives the same bytes.
@Suite struct DeterminismTests {
    @Test func sameReportSameBytes() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try ReportWriter.write(try sampleReport(), to: root.appendingPathComponent("a").path)
        try ReportWriter.write(try sampleReport(), to: root.appendingPathComponent("b").path)
        let a = snapshot(root.appendingPathComponent("a")), b = snapshot(root.appendingPathComponent("b"))
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys { #expect(a[key] == b[key], "\(key) differs") }
    }
}
