import Foundation
import LabbookNotebook

/// The report's files besides `results.json`, which is always written.
public enum ReportOutputFormat: String, CaseIterable, Sendable {
    case html
    case markdown = "md"
}

/// Writes a report folder (`index.html`, `report.md`, `results.json`, `figures/`) atomically:
/// everything goes into a temporary sibling folder that replaces the old folder only when
/// complete. A failure leaves the previous report byte-identical and moves what was written to
/// `NAME.partial/`. The block cache in `NAME/.cache/` and the notebook's own files in
/// `NAME/files/` are carried over to the new folder. It replaces only a folder labbook wrote
/// (see ``ReportFolder``) unless `force` is given.
public enum ReportWriter {
    /// What a successful write produced.
    public struct Written: Equatable, Sendable {
        /// The report folder.
        public var directory: String
        /// The files written, relative to `directory`, in the order they were written.
        public var files: [String]
        /// The exit status of the report as written: 1 when a figure could not be drawn, even
        /// if every block ran.
        public var exitStatus: Int = 0
    }

    /// Writes `report` into the folder `directory` (e.g. `output/NAME`).
    ///
    /// - Parameters:
    ///   - formats: which of `index.html` and `report.md` to write; `results.json` always is.
    ///   - selfContained: embed the figures in `index.html` as `data:` URIs (they are still written
    ///     to `figures/` for report.md).
    ///   - allowHTML: keep raw HTML from the notebook in `index.html`.
    ///   - template: the template of `index.html` (`ReportTemplate.default` unless `--template`).
    ///   - force: replace whatever is at `directory`, even what labbook did not write.
    /// - Throws: `ReportError.notAReport` (nothing written), `ReportError.writeFailed`. A figure
    ///   that cannot be drawn is an error on its block, not a failed write.
    @discardableResult
    public static func write(_ report: Report, to directory: String,
                             formats: Set<ReportOutputFormat> = [.html, .markdown], selfContained: Bool = false,
                             allowHTML: Bool = false, template: ReportTemplate = .default, force: Bool = false) throws -> Written {
        try write(report, to: directory, formats: formats, selfContained: selfContained, allowHTML: allowHTML,
                  template: template, force: force, failAfterFiles: nil)
    }

    /// Draws every figure of the report, per cell label in order: what `figures/` will hold.
    static func drawFigures(_ report: Report) -> [String: [RenderedFigure]] {
        var report = report
        return drawFigures(&report)
    }

    /// Draws every figure of the report, per cell label in order. A figure that cannot be drawn
    /// (too large, a damaged PNG) becomes an error on its block in `report`, which fails: the
    /// rest of the report is still written.
    static func drawFigures(_ report: inout Report) -> [String: [RenderedFigure]] {
        var figures: [String: [RenderedFigure]] = [:]
        for (item, part) in report.items.enumerated() {
            guard case .cell(var cell) = part, cell.showsOutput else { continue }
            var drawn: [RenderedFigure] = []
            var failed = false
            for (index, output) in cell.outputs.enumerated() {
                guard case .figure(let figure) = output else { continue }
                let path = ReportFigures.path(label: cell.label, number: drawn.count + 1)
                do {
                    drawn.append(try render(figure, path: path))
                } catch {
                    cell.outputs[index] = .diagnostic(DiagnosticOutput(
                        .error(ReportMessages.figureNotDrawn(drawn.count + 1, label: cell.label, "\(error)"), line: cell.line),
                        file: report.notebook.path))
                    failed = true
                }
            }
            if failed {
                if cell.status == .ok { cell.status = .error }
                report.items[item] = .cell(cell)
            }
            if !drawn.isEmpty { figures[cell.label] = drawn }
        }
        return figures
    }

    private static func render(_ output: ReportFigure, path: String) throws -> RenderedFigure {
        switch output.content {
        case .png(let bytes):
            let (width, height) = pngSize(bytes) ?? (0, 0)
            return RenderedFigure(path: path, bytes: bytes, width: width, height: height)
        case .figure(let figure):
            return RenderedFigure(path: path, bytes: try figure.renderPNG(), width: figure.width, height: figure.height)
        }
    }

    /// `failAfterFiles`: a test hook; the write fails as a full disk would once that many files
    /// are written.
    static func write(_ report: Report, to directory: String, formats: Set<ReportOutputFormat>, selfContained: Bool,
                      allowHTML: Bool, template: ReportTemplate, force: Bool = false, failAfterFiles: Int?) throws -> Written {
        let fm = FileManager.default
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let partial = parent.appendingPathComponent(name + ".partial")
        if !force { try ReportFolder.checkReplaceable(destination) }
        // An older partial report is replaced; anything else of that name is the user's.
        let partialIsOurs = (try? ReportFolder.checkReplaceable(partial)) != nil

        // Everything that can fail without touching the disk happens first.
        var report = report
        let figures = drawFigures(&report)
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
            if partialIsOurs {
                try? fm.removeItem(at: partial)
                if (try? fm.moveItem(at: staging, to: partial)) != nil {
                    return .writeFailed(report: destination.path, partial: partial.path, message: message)
                }
            }
            return .writeFailed(report: destination.path, partial: staging.path, message: message)
        }

        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            try ReportFolder.stamp(staging)
        } catch {
            try? fm.removeItem(at: staging)
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
        if partialIsOurs { try? fm.removeItem(at: partial) } // an older failed render's leftovers are obsolete now
        return Written(directory: destination.path, files: written, exitStatus: report.exitStatus)
    }

    /// What the old report folder holds that the new one keeps: the block cache and the
    /// notebook's own files.
    private static let carriedOver = [".cache", ReportFolder.filesName]

    /// Moves `NAME/.cache` and `NAME/files` into the staging folder, then puts the staging
    /// folder in place of `NAME/`. POSIX has no portable atomic exchange of two directories, so
    /// the old folder is first renamed aside and deleted only after the new one is in place; if
    /// the second rename fails, the old folder and what was carried over are put back.
    private static func swap(staging: URL, into destination: URL, fail: (String) -> ReportError) throws {
        let fm = FileManager.default
        var moved: [(from: URL, to: URL)] = []
        func putBack() { for move in moved.reversed() { try? fm.moveItem(at: move.to, to: move.from) } }
        for name in carriedOver {
            let old = destination.appendingPathComponent(name), new = staging.appendingPathComponent(name)
            guard (try? fm.attributesOfItem(atPath: old.path)) != nil else { continue }
            do {
                try fm.moveItem(at: old, to: new)
                moved.append((old, new))
            } catch {
                putBack()
                throw fail("cannot carry over \(name == ".cache" ? "the block cache" : "the notebook's files"): \(describe(error))")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        let aside = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(UUID().uuidString.prefix(8))")
        do {
            if exists { try fm.moveItem(at: destination, to: aside) }
        } catch {
            putBack()
            throw fail(describe(error))
        }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if exists { try? fm.moveItem(at: aside, to: destination) }
            putBack()
            throw fail(describe(error))
        }
        if exists { try? fm.removeItem(at: aside) }
    }

    private static func describe(_ error: Error) -> String { SystemErrorText.describe(error) }

    /// The width and height in a PNG's IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 24, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
        func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
