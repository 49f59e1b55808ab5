import Foundation
import LabbookPlots

/// The report's files besides `results.json`, which is always written.
public enum ReportOutputFormat: String, CaseIterable, Sendable {
    case html
    case markdown = "md"
}

/// Writes a report folder (`index.html`, `report.md`, `results.json`, `figures/`) atomically:
/// everything goes into a temporary sibling folder that replaces the old folder only when
/// complete. A failure leaves the previous report byte-identical and moves what was written to
/// `NAME.partial/`. The block cache in `NAME/.cache/` is carried over to the new folder.
public enum ReportWriter {
    /// What a successful write produced.
    public struct Written: Equatable, Sendable {
        /// The report folder.
        public var directory: String
        /// The files written, relative to `directory`, in the order they were written.
        public var files: [String]
    }

    /// Writes `report` into the folder `directory` (e.g. `output/NAME`).
    ///
    /// - Parameters:
    ///   - formats: which of `index.html` and `report.md` to write; `results.json` always is.
    ///   - selfContained: embed the figures in `index.html` as `data:` URIs (they are still written
    ///     to `figures/` for report.md).
    ///   - allowHTML: keep raw HTML from the notebook in `index.html`.
    ///   - template: the template of `index.html` (`ReportTemplate.default` unless `--template`).
    /// - Throws: `ReportError.figure` (nothing written) or `ReportError.writeFailed`.
    @discardableResult
    public static func write(_ report: Report, to directory: String,
                             formats: Set<ReportOutputFormat> = [.html, .markdown], selfContained: Bool = false,
                             allowHTML: Bool = false, template: ReportTemplate = .default) throws -> Written {
        try write(report, to: directory, formats: formats, selfContained: selfContained, allowHTML: allowHTML,
                  template: template, failAfterFiles: nil)
    }

    /// Draws every figure of the report, per cell label in order: what `figures/` will hold.
    static func drawFigures(_ report: Report) throws -> [String: [RenderedFigure]] {
        var figures: [String: [RenderedFigure]] = [:]
        for cell in report.cells {
            var drawn: [RenderedFigure] = []
            for case .figure(let output) in cell.shownOutputs {
                let number = drawn.count + 1
                let path = ReportFigures.path(label: cell.label, number: number)
                do {
                    switch output.content {
                    case .png(let bytes):
                        let (width, height) = pngSize(bytes) ?? (0, 0)
                        drawn.append(RenderedFigure(path: path, bytes: bytes, width: width, height: height))
                    case .figure(let figure):
                        drawn.append(RenderedFigure(path: path, bytes: try figure.renderPNG(), width: figure.width,
                                                    height: figure.height))
                    }
                } catch {
                    throw ReportError.figure(label: cell.label, number: number, message: "\(error)")
                }
            }
            if !drawn.isEmpty { figures[cell.label] = drawn }
        }
        return figures
    }

    /// `failAfterFiles`: a test hook; the write fails as a full disk would once that many files
    /// are written.
    static func write(_ report: Report, to directory: String, formats: Set<ReportOutputFormat>, selfContained: Bool,
                      allowHTML: Bool, template: ReportTemplate, failAfterFiles: Int?) throws -> Written {
        let fm = FileManager.default
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let partial = parent.appendingPathComponent(name + ".partial")

        // Everything that can fail without touching the disk happens first.
        let figures = try drawFigures(report)
        var files: [(String, Data)] = []
        for cellFigures in figures.values.sorted(by: { $0[0].path < $1[0].path }) {
            for figure in cellFigures { files.append((figure.path, Data(figure.bytes))) }
        }
        files.append(("results.json", Data(ResultsJSON.render(report).utf8)))
        if formats.contains(.markdown) { files.append(("report.md", Data(MarkdownReport.render(report).utf8))) }
        if formats.contains(.html) {
            let html = HTMLReport.render(report, template: template, figures: figures, selfContained: selfContained,
                                         allowHTML: allowHTML)
            files.append(("index.html", Data(html.utf8)))
        }

        let staging = parent.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        func fail(_ message: String) -> ReportError {
            // Keep what was written for inspection, in place of an older partial report.
            try? fm.removeItem(at: partial)
            let kept = (try? fm.moveItem(at: staging, to: partial)) != nil
            if !kept { try? fm.removeItem(at: staging) }
            return .writeFailed(report: destination.path, partial: kept ? partial.path : nil, message: message)
        }

        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportError.writeFailed(report: destination.path, partial: nil, message: describe(error))
        }
        var written: [String] = []
        do {
            for (path, data) in files {
                if let limit = failAfterFiles, written.count >= limit {
                    throw CocoaError(.fileWriteOutOfSpace)
                }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
                written.append(path)
            }
        } catch {
            throw fail(describe(error))
        }

        try swap(staging: staging, into: destination, fail: fail)
        try? fm.removeItem(at: partial) // an older failed render's leftovers are obsolete now
        return Written(directory: destination.path, files: written)
    }

    /// Moves `NAME/.cache` into the staging folder, then puts the staging folder in place of
    /// `NAME/`. POSIX has no portable atomic exchange of two directories, so the old folder is
    /// first renamed aside and deleted only after the new one is in place; if the second rename
    /// fails, the old folder and its cache are put back.
    private static func swap(staging: URL, into destination: URL, fail: (String) -> ReportError) throws {
        let fm = FileManager.default
        let cache = destination.appendingPathComponent(".cache")
        let stagedCache = staging.appendingPathComponent(".cache")
        var movedCache = false
        if fm.fileExists(atPath: cache.path) {
            do {
                try fm.moveItem(at: cache, to: stagedCache)
                movedCache = true
            } catch {
                throw fail("cannot carry over the block cache: \(describe(error))")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        let aside = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(UUID().uuidString.prefix(8))")
        do {
            if exists { try fm.moveItem(at: destination, to: aside) }
        } catch {
            if movedCache { try? fm.moveItem(at: stagedCache, to: cache) }
            throw fail(describe(error))
        }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if exists { try? fm.moveItem(at: aside, to: destination) }
            if movedCache { try? fm.moveItem(at: stagedCache, to: cache) }
            throw fail(describe(error))
        }
        if exists { try? fm.removeItem(at: aside) }
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? CocoaError, error.code == .fileWriteOutOfSpace { return "no space left on the device" }
        return (error as NSError).localizedDescription
    }

    /// The width and height in a PNG's IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 24, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
        func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
