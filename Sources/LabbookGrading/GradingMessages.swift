import Foundation

/// The grading layer's messages, in one voice.
enum GradingMessages {
    static func shadowed(_ name: String) -> String {
        "your notebook defines '\(name)', a name of labbook's library: the checks used the library's"
    }
    static func timedOut(_ seconds: Double) -> String {
        "the notebook ran for more than \(Points.text(seconds)) s and was stopped; the tests that ran before keep their points"
    }
    static func ended(_ ending: ChildProcess.Ending, log: String) -> String {
        let last = log.split(separator: "\n").last.map { ": " + $0 } ?? ""
        switch ending {
        case .signaled(let signal):
            return "the run ended abruptly (\(String(cString: strsignal(signal)).lowercased())); the tests that ran before keep their points"
        case .exited(let status): return "the run ended with status \(status)\(last); the tests that ran before keep their points"
        case .notStarted(let reason): return "the run could not start: \(reason)"
        case .timedOut: return "the run was stopped at its time limit"
        }
    }
    static func shardMissing(_ index: Int, of count: Int) -> String {
        "shard \(index)/\(count) is missing: none of the folders merged is its gradebook, so its submissions are not here"
    }
    static func shardUnfinished(_ shard: Shard, folder: String, students: [String]) -> String {
        "shard \(shard) (\(folder)) did not finish: no row for \(students.joined(separator: ", "))"
    }
    static func noShardGradebook(_ folder: String) -> String {
        "\(folder) holds no gradebook: its shard did not start, or failed before grading"
    }
    static let manual = "graded by hand"
    static let notRun = "not run"
    static let manualFields = "a manual score is 'student,question,points,comment'"
    static func manualUnknownStudent(_ student: String) -> String { "no submission is from student '\(student)'" }
    static func manualUnknownQuestion(_ id: String) -> String { "the master has no question '\(id)'" }
    static func manualNotPoints(_ text: String) -> String { "'\(text)' is not a number of points (zero or more)" }
    static func manualTooMany(_ points: Double, question: String, maximum: Double) -> String {
        "\(Points.text(points)) points is more than the \(Points.text(maximum)) of \(question)"
    }
}

/// Points as a teacher writes them: `2`, `0.5`, `1.25`.
enum Points {
    static func text(_ value: Double) -> String {
        let rounded = Scoring.rounded(value)
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
