import ArgumentParser
import Foundation
import LabbookReport

/// `labbook clean [NOTEBOOK...]`: removes the block caches (and partial reports) of the given
/// notebooks, or of every report in the output folder.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove cached block results and partial reports."
    )

    @Argument(help: "The notebooks whose caches to remove (default: every report in the output folder).")
    var notebooks: [String] = []

    @Option(help: "The folder the reports are in.")
    var output = "output"

    func run() throws {
        let manager = FileManager.default
        var folders: [URL] = []
        if notebooks.isEmpty {
            let names = ((try? manager.contentsOfDirectory(atPath: output)) ?? []).filter { !$0.hasSuffix(".partial") }
            folders = names.sorted().map { URL(fileURLWithPath: output).appendingPathComponent($0).standardizedFileURL }
        } else {
            for notebook in notebooks {
                do {
                    folders.append(try ReportFolder(notebook: notebook, outputDirectory: output).url)
                } catch {
                    printError("\(error)")
                    throw ExitCode(2)
                }
            }
        }
        var removed = 0
        for report in folders {
            let partial = report.deletingLastPathComponent().appendingPathComponent(report.lastPathComponent + ".partial")
            // Only what labbook wrote: a `.cache` in a folder of the user's is the user's.
            for (folder, path) in [(report, report.appendingPathComponent(".cache")), (partial, partial)]
            where manager.fileExists(atPath: path.path) && ReportFolder.isReport(folder) {
                try manager.removeItem(at: path)
                printError("removed \(path.path)")
                removed += 1
            }
        }
        if removed == 0 { printError("nothing to clean") }
    }
}
