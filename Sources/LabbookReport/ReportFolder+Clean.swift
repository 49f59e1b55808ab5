import Foundation
import LabbookNotebook

extension ReportFolder {
    /// `labbook clean`: removes the block caches (and partial reports) of the reports of
    /// `notebooks` in `outputDirectory`, or of every report there when `notebooks` is empty;
    /// only what labbook wrote (a `.cache` in a folder of the user's is the user's). Says what
    /// it removed on standard error; returns 0, or 2 when a notebook names no report folder or
    /// something cannot be removed.
    public static func clean(_ notebooks: [String], outputDirectory: String) -> Int32 {
        let manager = FileManager.default
        var folders: [URL] = []
        if notebooks.isEmpty {
            let names = ((try? manager.contentsOfDirectory(atPath: outputDirectory)) ?? []).filter { !$0.hasSuffix(".partial") }
            folders = names.sorted().map { URL(fileURLWithPath: outputDirectory).appendingPathComponent($0).standardizedFileURL }
        } else {
            for notebook in notebooks {
                do {
                    folders.append(try ReportFolder(notebook: notebook, outputDirectory: outputDirectory).url)
                } catch {
                    StandardError.write("\(error)")
                    return 2
                }
            }
        }
        var removed = 0
        for report in folders {
            let partial = report.deletingLastPathComponent().appendingPathComponent(report.lastPathComponent + ".partial")
            for (folder, path) in [(report, report.appendingPathComponent(".cache")), (partial, partial)]
            where manager.fileExists(atPath: path.path) && isReport(folder) {
                do {
                    try manager.removeItem(at: path)
                } catch {
                    StandardError.write("error: cannot remove \(path.path): \(SystemErrorText.describe(error))")
                    return 2
                }
                StandardError.write("removed \(path.path)")
                removed += 1
            }
        }
        if removed == 0 { StandardError.write("nothing to clean") }
        return 0
    }
}
