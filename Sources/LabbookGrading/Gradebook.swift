import Foundation
import LabbookDiagnostics
import LabbookNotebook
import LabbookReport

/// The gradebook of one master: every submission's row, kept in `gradebook.sqlite` as each is
/// graded, written out — with the teacher's `manual.csv` folded in — as `gradebook.csv`,
/// `gradebook.json`, the class overview `index.html` and each student's feedback, after every row.
final class Gradebook {
    let directory: String
    let master: MasterInfo
    /// The rows as graded (the teacher's scores are folded in when written).
    private(set) var grades: [SubmissionGrade] = []
    /// The problems of `manual.csv`, at their lines.
    private(set) var manualDiagnostics: [Diagnostic] = []
    /// What a merge of shards found missing (a shard, a shard's rows), said in the overview
    /// and in `gradebook.json`.
    private(set) var problems: [String] = []
    /// The pairs of submissions whose code is alike (see `CopiedWork`), highest score first.
    private(set) var copied: [CopiedPair] = []
    private let database: GradebookDatabase

    /// The gradebook of `master` in `directory`, its database created when missing and its
    /// master set; the rows graded earlier against this master are kept (what an earlier merge
    /// found missing is not: this is a new grade or merge).
    init(directory: String, master: MasterInfo) throws {
        self.directory = directory
        self.master = master
        database = try GradebookDatabase(directory: directory)
        try database.setMaster(master)
        try database.setProblems([])
        grades = try database.grades(master: master.sha256)
    }

    private init(directory: String, database: GradebookDatabase, master: MasterInfo) throws {
        self.directory = directory
        self.master = master
        self.database = database
        grades = try database.grades(master: master.sha256)
        problems = try database.problems()
        copied = try database.copied()
    }

    /// Keeps a submission's notebook (`grade` does as it starts it), and the student version
    /// (`starter`) whose code is nobody's copy.
    func keepSource(_ text: String, of student: String) throws { try database.setSource(text, of: student) }
    func keepStarter(_ text: String) throws { try database.setStarter(text) }
    func starter() throws -> String? { try database.starter() }
    func sources(of students: [String]) throws -> [(student: String, text: String)] { try database.sources(of: students) }

    /// Compares every pair of the gradebook's submissions for copied work (the files show the
    /// result when next written).
    func compareSubmissions() throws {
        let sources = try database.sources(of: grades.map(\.student))
        copied = CopiedWork.pairs(sources, starter: try database.starter() ?? "")
        try database.setCopied(copied)
    }

    /// Says what a merge found missing (kept in the database for the next rewrite).
    func setProblems(_ problems: [String]) throws {
        try database.setProblems(problems)
        self.problems = problems
    }

    /// The gradebook `grade` left in `directory`, to write again (`labbook gradebook DIR`): nil
    /// when there is none.
    static func load(_ directory: String) throws -> Gradebook? {
        guard GradebookDatabase.exists(in: directory) else { return nil }
        let database = try GradebookDatabase(directory: directory)
        guard let master = try database.master() else { return nil }
        return try Gradebook(directory: directory, database: database, master: master)
    }

    /// Adds `grade` to the database (in place of the student's earlier row), then writes the
    /// files again (unless `writing` is false); the rows stay sorted by student, so that the
    /// files are the same whatever the order in which the submissions ended.
    func record(_ grade: SubmissionGrade, writing: Bool = true) throws {
        try database.record(grade)
        grades.removeAll { $0.student == grade.student }
        grades.append(grade)
        grades.sort { $0.student < $1.student }
        if writing { write(students: [grade.student]) }
    }

    /// The share of the class this folder is given (kept before any of it is graded).
    func assign(_ shard: Shard, students: [(student: String, file: String)]) throws {
        try database.setAssignment(shard, students: students)
    }

    /// The share of the class the folder was last given.
    func assignment() throws -> (shard: Shard, students: [(student: String, file: String)])? { try database.assignment() }

    /// Writes the gradebook files, and the feedback of `students` (nil: of everyone).
    func write(students: Set<String>? = nil) {
        let root = URL(fileURLWithPath: directory)
        try? FileManager.default.createDirectory(at: root.appendingPathComponent(".graded"), withIntermediateDirectories: true)
        let manual = ManualScores(path: root.appendingPathComponent("manual.csv").path, students: Set(grades.map(\.student)),
                                  master: master)
        manualDiagnostics = manual.diagnostics
        try? database.setManualScores(manual.scores)
        let shown = grades.map(manual.applied)
        try? Data(Self.csv(shown, master: master).utf8).write(to: root.appendingPathComponent("gradebook.csv"), options: .atomic)
        try? Self.json(shown, master: master, problems: problems, copied: copied)
            .write(to: root.appendingPathComponent("gradebook.json"), options: .atomic)
        try? Data(ClassOverview(grades: shown, master: master, problems: problems, copied: copied).html.utf8)
            .write(to: root.appendingPathComponent("index.html"), options: .atomic)
        for grade in shown where students?.contains(grade.student) ?? true {
            // The student's folder is a report folder (stamped), whether or not a report was written.
            guard let report = try? ReportFolder(notebook: grade.student + ".md", outputDirectory: directory),
                  (try? report.claim(force: false)) != nil else { continue }
            let folder = report.url
            let feedback = Feedback(grade: grade, master: master)
            try? Data(feedback.markdown.utf8).write(to: folder.appendingPathComponent("feedback.md"), options: .atomic)
            try? Data(feedback.html.utf8).write(to: folder.appendingPathComponent("feedback.html"), options: .atomic)
        }
    }

    /// `student,status,total,max,` a column per question, `needs_manual,seconds,sha256`.
    static func csv(_ grades: [SubmissionGrade], master: MasterInfo) -> String {
        let ids = master.questions.map(\.id)
        var lines = [(["student", "status", "total", "max"] + ids + ["needs_manual", "seconds", "sha256"]).joined(separator: ",")]
        for grade in grades {
            let byID = Dictionary(grade.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let cells = [field(grade.student), grade.status.rawValue, Points.text(grade.total), Points.text(grade.maximum)]
                + ids.map { id in byID[id]?.points.map(Points.text) ?? "" }
                + [field(grade.needsManual.joined(separator: " ")), String(format: "%.1f", grade.seconds), grade.sha256]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same rows, and every test's text and outcome (and, after a merge that lacked
    /// something, `problems`).
    static func json(_ grades: [SubmissionGrade], master: MasterInfo, problems: [String] = [], copied: [CopiedPair] = []) -> Data {
        struct File: Encodable {
            var master: MasterInfo
            var submissions: [SubmissionGrade]
            var problems: [String]?
            var copied: [CopiedPair]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let file = File(master: master, submissions: grades, problems: problems.isEmpty ? nil : problems, copied: copied)
        return (try? encoder.encode(file)) ?? Data()
    }

    /// A CSV field, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
