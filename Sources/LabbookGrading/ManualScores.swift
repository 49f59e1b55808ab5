import Foundation
import LabbookDiagnostics
import LabbookNotebook

/// The teacher's own scores, `DIR/manual.csv`: `student,question,points,comment`, one row per
/// score (a header row first). A score replaces the question's points (a hand-graded question
/// gets its only score this way; a checked one may be corrected) and its comment is shown in
/// the student's feedback.
struct ManualScores {
    struct Score: Equatable {
        var points: Double
        var comment: String
    }

    /// The scores by student and question id.
    private(set) var scores: [String: [String: Score]] = [:]
    /// Every problem, at its line: an unknown student or question, points that are not a number
    /// or above the question's.
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads `path` (no file: no scores).
    init(path: String, students: Set<String>, master: MasterInfo) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let questions = Dictionary(master.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, line) in SourceLines.split(String(decoding: data, as: UTF8.self)).enumerated() where index > 0 {
            let number = index + 1
            let fields = Self.fields(line)
            guard !fields.allSatisfy({ $0.isEmpty }) else { continue }
            guard fields.count >= 3 else { diagnostics.append(.error(GradingMessages.manualFields, line: number)); continue }
            let (student, id, pointsText) = (fields[0], fields[1], fields[2])
            guard students.contains(student) else {
                diagnostics.append(.error(GradingMessages.manualUnknownStudent(student), line: number)); continue
            }
            guard let question = questions[id] else {
                diagnostics.append(.error(GradingMessages.manualUnknownQuestion(id), line: number)); continue
            }
            guard let points = Double(pointsText.replacingOccurrences(of: ",", with: ".")), points.isFinite, points >= 0 else {
                diagnostics.append(.error(GradingMessages.manualNotPoints(pointsText), line: number)); continue
            }
            guard points <= question.points + 1e-9 else {
                diagnostics.append(.error(GradingMessages.manualTooMany(points, question: question.name, maximum: question.points),
                                          line: number))
                continue
            }
            scores[student, default: [:]][id] = Score(points: points, comment: fields.count > 3 ? fields[3...].joined(separator: ",") : "")
        }
    }

    /// `grade` with the teacher's scores and comments folded in.
    func applied(to grade: SubmissionGrade) -> SubmissionGrade {
        guard let own = scores[grade.student] else { return grade }
        var grade = grade
        for index in grade.questions.indices {
            guard let score = own[grade.questions[index].id] else { continue }
            grade.questions[index].points = score.points
            grade.questions[index].comment = score.comment.isEmpty ? nil : score.comment
        }
        return grade
    }

    /// The fields of one CSV line (`"a, b"` quoted, `""` for a quote).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; if next == "," { fields.append(field); field = "" } else { field.append(next) } }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
