import Foundation
import LabbookNotebook

/// Who each submission is from: its front matter's `student`, else its file name without `.md`
/// (`subs/ana.md` is `ana`), or its folder's name when submissions share a file name
/// (`subs/ana/actividad.md`). Names are kept to letters, digits, `-`, `_` and `.`, so that each
/// is a folder name.
enum Students {
    /// The students of `submissions` in order, or the error naming two files of one student.
    static func names(of submissions: [String], frontMatter: [String: String]) -> Result<[String], GradingError> {
        let fileNames = submissions.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        let shared = Dictionary(grouping: fileNames, by: { $0 }).filter { $0.value.count > 1 }.keys
        var names: [String] = []
        var seen: [String: String] = [:]
        for (index, path) in submissions.enumerated() {
            let url = URL(fileURLWithPath: path)
            let fromFile = shared.contains(fileNames[index]) ? url.deletingLastPathComponent().lastPathComponent : fileNames[index]
            let name = folderName(frontMatter[path] ?? fromFile)
            if let first = seen[name] { return .failure(.sameStudent(name, first, path)) }
            seen[name] = path
            names.append(name)
        }
        return .success(names)
    }

    /// `name` as a folder name: other characters become `-`, and it never starts with `.`.
    static func folderName(_ name: String) -> String {
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        return safe.isEmpty ? "-" : safe.hasPrefix(".") ? "-" + safe.dropFirst() : safe
    }
}

/// Why `labbook grade` could not start.
public enum GradingError: Error, Equatable, CustomStringConvertible {
    case sameStudent(String, String, String)
    case masterRefused(String)
    case notWritten(String, String)
    case notAGradebook(String)
    case unreadableGradebook(String, String)
    case unknownStatus(String, String)

    public var description: String {
        switch self {
        case .sameStudent(let student, let first, let second):
            return "error: \(first) and \(second) are both from student '\(student)'; give one a 'student:' in its front matter or grade them apart"
        case .masterRefused(let master): return "\(master): error: not graded: the master has errors"
        case .notWritten(let path, let reason): return "error: could not write \(path): \(reason)"
        case .notAGradebook(let directory):
            return "error: \(directory) holds files labbook did not write; grade into a new folder (--output), or an older gradebook's"
        case .unreadableGradebook(let path, let reason): return "error: could not read the gradebook \(path): \(reason)"
        case .unknownStatus(let status, let student): return "\(student)'s row has the unknown status '\(status)'"
        }
    }
}
