import Foundation
import LabbookDiagnostics
import LabbookNotebook
import LabbookReport

extension Grading {
    /// `labbook gradebook SHARD_DIR... --output DIR`: the gradebooks of `grade --shard K/N`
    /// merged into one in `output` — the rows, each student's report and feedback, the overview —
    /// the same as one `grade` of the whole class apart from timings. A shard missing among the
    /// folders, or one whose rows are not all there (its job stopped), is named in the overview
    /// and in `gradebook.json`; the same folder given twice counts once. Returns 0, 1 when
    /// something is missing or `manual.csv` has an error, 2 when a folder holds no gradebook,
    /// the shards graded different masters or splits, or `output` is not labbook's.
    public static func merge(_ shardDirectories: [String], into output: String,
                             write: (String) -> Void = StandardError.write) -> Int32 {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        var seen: Set<String> = []
        let folders = shardDirectories.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
        guard !folders.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL == target }) else {
            write("error: the merged gradebook \(output) cannot be one of the shards' folders; give a folder of its own (--output)")
            return 2
        }
        // Every shard's gradebook, whole.
        // Every shard's gradebook, whole; a folder without one is a shard missing.
        var shards: [(folder: String, book: Gradebook, shard: Shard, students: [(student: String, file: String)])] = []
        var problems: [String] = []
        for folder in folders {
            do {
                guard let book = try Gradebook.load(folder), let (shard, students) = try book.assignment() else {
                    problems.append(GradingMessages.noShardGradebook(folder))
                    continue
                }
                shards.append((folder, book, shard, students))
            } catch {
                write("\(GradingError.unreadableGradebook(GradebookDatabase.path(in: folder), SystemErrorText.describe(error)))")
                return 2
            }
        }
        guard let first = shards.first else {
            for problem in problems { write("error: \(problem)") }
            write("error: no gradebook to merge: none of the \(folders.count) folders holds one")
            return 2
        }
        if let other = shards.first(where: { $0.book.master.sha256 != first.book.master.sha256 }) {
            write("error: \(first.folder) and \(other.folder) graded different masters; merge the shards of one grade")
            return 2
        }
        if let other = shards.first(where: { $0.shard.count != first.shard.count }) {
            write("error: \(first.folder) is shard \(first.shard) and \(other.folder) shard \(other.shard): "
                  + "merge the shards of one split")
            return 2
        }
        // The rows: each student's once (a shard given twice, or two folders of one shard, agree).
        var rows: [String: (grade: SubmissionGrade, folder: String, book: Gradebook)] = [:]
        for (folder, book, _, _) in shards {
            for grade in book.grades {
                if let earlier = rows[grade.student] {
                    guard Self.sameGrade(earlier.grade, grade) else {
                        write("error: \(grade.student) is graded differently in \(earlier.folder) and \(folder); "
                              + "merge the shards of one grade")
                        return 2
                    }
                    continue
                }
                rows[grade.student] = (grade, folder, book)
            }
        }
        // What is missing: a shard of the split, a shard's rows.
        let present = Set(shards.map(\.shard.index))
        for index in 0..<first.shard.count where !present.contains(index) {
            problems.append(GradingMessages.shardMissing(index, of: first.shard.count))
        }
        for (folder, _, shard, students) in shards.sorted(by: { $0.shard.index < $1.shard.index }) {
            let unfinished = students.map(\.student).filter { rows[$0] == nil }
            if !unfinished.isEmpty { problems.append(GradingMessages.shardUnfinished(shard, folder: folder, students: unfinished)) }
        }

        guard GradebookDatabase.mayWrite(into: output) else {
            write("\(GradingError.notAGradebook(output))")
            return 2
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let book = try Gradebook(directory: output, master: first.book.master)
            let assigned = Dictionary(shards.flatMap(\.students), uniquingKeysWith: { first, _ in first })
            try book.assign(.whole, students: assigned.sorted { $0.key < $1.key }.map { (student: $0.key, file: $0.value) })
            try book.setProblems(problems)
            if let starter = try first.book.starter() { try book.keepStarter(starter) }
            for (student, row) in rows.sorted(by: { $0.key < $1.key }) {
                try book.record(row.grade, writing: false)
                for (_, text) in try row.book.sources(of: [student]) {
                    try book.keepSource(text, of: student)
                }
                try copyReport(of: student, from: row.folder, to: output)
            }
            // Copied work across the whole class, every pair whatever their shards.
            try book.compareSubmissions()
            book.write()
            let formatter = DiagnosticFormatter(fileName: target.appendingPathComponent("manual.csv").path)
            for diagnostic in book.manualDiagnostics { write(formatter.format(diagnostic)) }
            for problem in problems { write("error: \(problem)") }
            write("merged \(shards.count) of \(first.shard.count) shards (\(rows.count) submissions) into \(output)/")
            return problems.isEmpty && book.manualDiagnostics.isEmpty ? 0 : 1
        } catch {
            write("\(GradingError.notWritten(output, SystemErrorText.describe(error)))")
            return 2
        }
    }

    /// Two rows of one submission alike but for their timings.
    private static func sameGrade(_ a: SubmissionGrade, _ b: SubmissionGrade) -> Bool {
        var b = b
        b.seconds = a.seconds
        return a == b
    }

    /// The student's report folder in a shard, copied into the merged gradebook's.
    private static func copyReport(of student: String, from shard: String, to output: String) throws {
        let source = URL(fileURLWithPath: shard).appendingPathComponent(student)
        guard ReportFolder.isReport(source) else { return }
        let folder = try ReportFolder(notebook: student + ".md", outputDirectory: output)
        try folder.claim(force: false)
        let manager = FileManager.default
        for item in try manager.contentsOfDirectory(atPath: source.path) {
            let destination = folder.url.appendingPathComponent(item)
            if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
            try manager.copyItem(at: source.appendingPathComponent(item), to: destination)
        }
    }
}
