import Foundation
import LabbookNotebook

/// The gradebook of one master: every submission's row, kept as each is graded, written out as
/// `gradebook.csv` and `gradebook.json`, with each student's feedback, after every row.
final class Gradebook {
    let directory: String
    let master: Notebook
    let masterSHA: String
    private(set) var grades: [SubmissionGrade] = []

    init(directory: String, master: Notebook, masterSHA: String) {
        self.directory = directory
        self.master = master
        self.masterSHA = masterSHA
    }

    /// Adds `grade` (sorted by student, so that the files are the same whatever the order in
    /// which the submissions ended) and writes everything again.
    func record(_ grade: SubmissionGrade) {
        grades.removeAll { $0.student == grade.student }
        grades.append(grade)
        grades.sort { $0.student < $1.student }
        let root = URL(fileURLWithPath: directory)
        try? Data(csv.utf8).write(to: root.appendingPathComponent("gradebook.csv"), options: .atomic)
        try? json.write(to: root.appendingPathComponent("gradebook.json"), options: .atomic)
        let folder = root.appendingPathComponent(grade.student)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let feedback = Feedback(grade: grade, master: master)
        try? Data(feedback.markdown.utf8).write(to: folder.appendingPathComponent("feedback.md"), options: .atomic)
        try? Data(feedback.html.utf8).write(to: folder.appendingPathComponent("feedback.html"), options: .atomic)
    }

    /// The question ids in notebook order, each once.
    var questionIDs: [String] {
        var seen: Set<String> = []
        return master.questions.map(\.id).filter { seen.insert($0).inserted }
    }

    /// `student,status,total,max,` a column per question, `needs_manual,seconds,sha256`.
    var csv: String {
        var lines = [(["student", "status", "total", "max"] + questionIDs + ["needs_manual", "seconds", "sha256"]).joined(separator: ",")]
        for grade in grades {
            let byID = Dictionary(grade.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let cells = [Self.field(grade.student), grade.status.rawValue, Points.text(grade.total), Points.text(grade.maximum)]
                + questionIDs.map { id in byID[id]?.points.map(Points.text) ?? "" }
                + [Self.field(grade.needsManual.joined(separator: " ")), String(format: "%.1f", grade.seconds), grade.sha256]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same rows, and every test's text and outcome.
    var json: Data {
        struct File: Encodable {
            var master: String
            var questions: [String]
            var submissions: [SubmissionGrade]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(File(master: masterSHA, questions: questionIDs, submissions: grades))) ?? Data()
    }

    /// A CSV field, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
