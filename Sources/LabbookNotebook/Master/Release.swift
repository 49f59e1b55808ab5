import Foundation
import LabbookDiagnostics

/// `labbook release MASTER.md [--output DIR]`: the student version written to `DIR/NAME.md`.
public enum Release {
    /// What releasing gave: the messages for standard error and the exit status (0 written,
    /// 1 the master refused or the file not written).
    public struct Result: Sendable {
        public var messages: [String]
        public var status: Int32
        /// The student version's path, when it was written.
        public var written: String?
    }

    /// Releases `master` into `outputDirectory`, writing its messages to standard error.
    public static func run(_ master: String, outputDirectory: String) -> Int32 {
        let result = release(master, outputDirectory: outputDirectory)
        for message in result.messages { StandardError.write(message) }
        return result.status
    }

    /// Reads `master`, refuses it when it has an error, else writes its student version.
    public static func release(_ master: String, outputDirectory: String) -> Result {
        let (reading, diagnostics) = check(master)
        let formatter = reading.diagnosticFormatter()
        let messages = diagnostics.map(formatter.format)
        guard let notebook = reading.notebook, !diagnostics.containsErrors else {
            let errors = diagnostics.filter(\.isError).count
            return Result(messages: messages + [Messages.releaseRefused(master, errors: errors)], status: 1, written: nil)
        }
        let version = StudentVersion(of: notebook)
        let name = URL(fileURLWithPath: master).lastPathComponent
        let directory = URL(fileURLWithPath: outputDirectory)
        let target = directory.appendingPathComponent(name)
        do {
            try refuseToReplace(master: master, target: target)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(version.text.utf8).write(to: target, options: .atomic)
        } catch {
            return Result(messages: messages + ["\(master): error: \(Messages.releaseNotWritten(target.path, error))"],
                          status: 1, written: nil)
        }
        let shown = outputDirectory.hasSuffix("/") ? outputDirectory + name : outputDirectory + "/" + name
        var summary = Messages.released(shown, solutions: version.solutions, hidden: version.hiddenChecks,
                                        teacher: version.teacherBlocks)
        if !notebook.isMaster { summary = "\(master): warning: \(Messages.notAMaster)\n" + summary }
        return Result(messages: messages + [summary], status: 0, written: target.path)
    }

    /// Reads `master` with every diagnostic a master gets: the reader's, and the points of a
    /// notebook with visible checks only (the reader checks a master's points itself).
    public static func check(_ master: String) -> (reading: NotebookReading, diagnostics: [Diagnostic]) {
        let reading = NotebookReader.read(path: master)
        guard let notebook = reading.notebook, !notebook.isMaster else { return (reading, reading.diagnostics) }
        return (reading, (reading.diagnostics + MasterChecks.diagnosePoints(notebook)).sortedByPosition())
    }

    /// The student version never replaces its master, nor anything that is not a file.
    private static func refuseToReplace(master: String, target: URL) throws {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: target.path) else { return }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw ReleaseError(Messages.releaseNotAFile(target.path))
        }
        let masterAttributes = try? manager.attributesOfItem(atPath: master)
        if let a = attributes[.systemFileNumber] as? Int, let b = masterAttributes?[.systemFileNumber] as? Int, a == b,
           attributes[.systemNumber] as? Int == masterAttributes?[.systemNumber] as? Int {
            throw ReleaseError(Messages.releaseOverMaster(target.path))
        }
    }
}

/// Why the student version was not written.
struct ReleaseError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
