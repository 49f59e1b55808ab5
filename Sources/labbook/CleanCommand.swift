import ArgumentParser
import Foundation

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
        var names = notebooks.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        if names.isEmpty {
            names = ((try? manager.contentsOfDirectory(atPath: output)) ?? []).filter { !$0.hasSuffix(".partial") }
        }
        var removed = 0
        for name in names {
            let report = (output as NSString).appendingPathComponent(name)
            for path in [(report as NSString).appendingPathComponent(".cache"), report + ".partial"]
            where manager.fileExists(atPath: path) {
                try manager.removeItem(atPath: path)
                printError("removed \(path)")
                removed += 1
            }
        }
        if removed == 0 { printError("nothing to clean") }
    }
}
