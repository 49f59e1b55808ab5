import Foundation
import LabbookNotebook

/// A report folder (`DIR/NAME/`) and the rules that keep labbook from replacing or deleting
/// anything it did not write: a report's name must be a real folder name, and an existing
/// `DIR/NAME` is replaced only when labbook made it (its stamp file says so) or `--force`
/// says the user wants it replaced.
public struct ReportFolder: Equatable, Sendable {
    /// The small file in every report folder that marks it as labbook's.
    public static let stampName = ".labbook-report"
    /// The stamp's text: what a person who finds the file should know.
    static let stampText = "This folder is a report written by labbook; labbook replaces it on every render.\n"
    /// The folder a notebook's own files (`model.save`) go to, inside the report folder.
    public static let filesName = "files"

    /// The report folder, absolute and standardized.
    public let url: URL

    public var path: String { url.path }

    /// The report folder of `notebook` inside `outputDirectory`: `DIR/NAME/` for `NAME.md`.
    ///
    /// - Throws: ``ReportError/badReportName(notebook:name:)`` when the name would be empty,
    ///   `.` or `..` (a notebook named `..md` would otherwise make the report folder `DIR`
    ///   itself, or its parent).
    public init(notebook: String, outputDirectory: String) throws {
        let name = Self.name(ofNotebook: notebook)
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else {
            throw ReportError.badReportName(notebook: notebook, name: name)
        }
        url = URL(fileURLWithPath: outputDirectory).appendingPathComponent(name).standardizedFileURL
    }

    /// Refuses notebooks of one command whose reports would go to one folder (the second would
    /// replace the first); names that make no report folder are left to each render.
    public static func checkDistinct(_ notebooks: [String], outputDirectory: String) throws {
        var seen: [String: String] = [:]
        for notebook in notebooks {
            guard let folder = try? ReportFolder(notebook: notebook, outputDirectory: outputDirectory) else { continue }
            if let first = seen[folder.path] {
                throw ReportError.duplicateReportName(first: first, second: notebook, folder: folder.path)
            }
            seen[folder.path] = notebook
        }
    }

    /// The report name of a notebook: its file name without `.md`.
    public static func name(ofNotebook path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The folder where the notebook's files go unless the command line names another.
    public var filesURL: URL { url.appendingPathComponent(Self.filesName) }

    /// Whether `url` is a folder labbook may replace: it does not exist, or it is a folder with
    /// labbook's stamp, or an empty folder, or a report of an older labbook (a folder whose
    /// `results.json` is labbook's).
    ///
    /// - Throws: ``ReportError/notAReport(path:what:)`` naming what is there.
    public static func checkReplaceable(_ url: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        // A dangling or any other symbolic link is something of the user's too.
        let attributes = try? fm.attributesOfItem(atPath: url.path)
        guard let attributes else { return }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            throw ReportError.notAReport(path: url.path, what: "a symbolic link")
        }
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.notAReport(path: url.path, what: "a file")
        }
        if isReport(url) || ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).isEmpty { return }
        throw ReportError.notAReport(path: url.path, what: "a folder labbook did not write")
    }

    /// Checks that the report folder may be replaced (unless `force`) and makes sure it exists
    /// with its stamp, so that the notebook's files can be written into it while it runs.
    public func claim(force: Bool) throws {
        if !force { try Self.checkReplaceable(url) }
        let fm = FileManager.default
        do {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try fm.removeItem(at: url) // only with --force
            }
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            try Self.stamp(url)
        } catch {
            throw ReportError.writeFailed(report: url.path, partial: nil, message: SystemErrorText.describe(error))
        }
    }

    /// Writes the stamp into `folder`.
    static func stamp(_ folder: URL) throws {
        try Data(stampText.utf8).write(to: folder.appendingPathComponent(stampName))
    }

    /// Whether `folder` is a report labbook wrote: stamped, or written by an older labbook.
    public static func isReport(_ folder: URL) -> Bool { isStamped(folder) || isOlderReport(folder) }

    /// Whether `folder` carries labbook's stamp.
    static func isStamped(_ folder: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(stampName).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    /// A report written before reports were stamped: its `results.json` has labbook's `format`
    /// and `engine` keys.
    private static func isOlderReport(_ folder: URL) -> Bool {
        let results = folder.appendingPathComponent("results.json")
        guard let handle = try? FileHandle(forReadingFrom: results) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 256)) ?? Data(), as: UTF8.self)
        return head.hasPrefix("{") && head.contains("\"format\"") && head.contains("\"engine\"")
    }
}
