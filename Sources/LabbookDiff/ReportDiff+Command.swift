import Foundation
import LabbookNotebook
import LabbookReport

extension ReportDiff {
    /// `labbook diff OLD NEW`: loads both reports, prints the diff (text, with every row when
    /// `all`, or JSON) on standard output and writes the HTML page when asked. Returns 0 within tolerance, 1 beyond, 2 on
    /// bad input (a report that cannot be read, a bad tolerance, an HTML path that is one of
    /// the reports or a folder).
    public static func run(old: String, new: String, tolerances arguments: [String], json: Bool, all: Bool = false,
                           html: String?) -> Int32 {
        func fail(_ message: String) -> Int32 {
            StandardError.write("labbook diff: \(message)")
            return 2
        }
        let tolerances: Tolerances
        let oldInput: DiffInput, newInput: DiffInput
        do {
            tolerances = try Tolerances.parse(arguments)
            oldInput = try DiffInput.load(path: old)
            newInput = try DiffInput.load(path: new)
        } catch {
            return fail("\(error)")
        }
        // Writing the page over one of the reports it compares would destroy that report.
        if let html, let input = [old, new].map(DiffInput.resultsFile).first(where: { DiffInput.sameFile(html, $0) }) {
            return fail("--html \(html) is \(input), one of the reports being compared; write the page to another file")
        }
        let diff = ReportDiff(old: oldInput, oldPath: old, new: newInput, newPath: new, tolerances: tolerances)
        print(json ? diff.json : diff.text(all: all), terminator: "")
        if let html {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: html, isDirectory: &isDirectory), isDirectory.boolValue {
                return fail("cannot write \(html): is a directory")
            }
            do {
                try Data(try diff.html().utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                return fail("cannot write \(html): \(SystemErrorText.describe(error))")
            }
        }
        return diff.exitStatus
    }
}
