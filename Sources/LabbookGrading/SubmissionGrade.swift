/// One row of the gradebook: a submission, how its run ended, and its points.
public struct SubmissionGrade: Codable, Equatable, Sendable {
    /// How a submission's grading ended.
    public enum Status: String, Codable, Sendable {
        /// Every block ran (failing student blocks are fine and shown).
        case graded
        /// Stopped at `--timeout`; the tests that ran before keep their points.
        case timeout
        /// The process died (a signal, an abort); the tests that ran keep their points.
        case crashed
        /// Past `--memory`.
        case memory
        /// The file is not a notebook labbook can read (missing, not UTF-8, too large).
        case unreadable
    }

    public var student: String
    /// The submission's path as given.
    public var file: String
    /// The submission's SHA-256 (a regrade reuses a row whose file and master are unchanged).
    public var sha256: String
    /// The master's SHA-256 and the engine version it was graded with.
    public var master: String
    public var engine: String
    public var status: Status
    public var questions: [QuestionScore]
    /// Why the run did not end as graded, or notes for the student (names redefined).
    public var notes: [String]
    public var seconds: Double

    /// The sum of the scored questions' points.
    public var total: Double { Scoring.rounded(questions.compactMap(\.points).reduce(0, +)) }
    /// The sum of every question's points.
    public var maximum: Double { Scoring.rounded(questions.map(\.maximum).reduce(0, +)) }
    /// The questions graded by hand and not scored yet.
    public var needsManual: [String] { questions.filter { $0.manual && $0.points == nil }.map(\.id) }
}
