import LabbookInterpreter
import LabbookNotebook

/// One question of a graded submission: its points out of its maximum, and the tests behind them.
public struct QuestionScore: Codable, Equatable, Sendable {
    /// The question's id (`2.1`) and name (`Pregunta 2.1`).
    public var id: String
    public var name: String
    /// Its points in the master (0 when it gives none).
    public var maximum: Double
    /// The points scored; nil for a question graded by hand that has no score yet.
    public var points: Double?
    /// The tests of its checks that ran, in order, each with the points it was worth.
    public var tests: [TestResult]
    /// What each test was worth, in the order of ``tests``.
    public var worth: [Double]
    /// The check blocks that ended on an error before all their tests ran.
    public var failures: [CheckFailure]
    /// No check grades it: a person does.
    public var manual: Bool
    /// The teacher's comment (from `manual.csv`).
    public var comment: String?
}

/// Partial credit: a test passes or fails on its own, and a question's points are the sum of
/// its passed tests'. A test that names its points is worth them; the question's points that
/// no test names are shared equally by the tests that name none (counted as the master writes
/// them, so a check that stops early never makes the others worth more).
public enum Scoring {
    public static func score(master: Notebook, graded: GradedNotebook, tests: [TestResult],
                             failures: [CheckFailure]) -> [QuestionScore] {
        var seen: Set<String> = []
        return master.questions.filter { seen.insert($0.id).inserted }.map { question in
            let checks = master.checks(of: question.id)
            let labels = Set(graded.putBack.filter { $0.isCheck && $0.question == question.id }.map(\.label))
            let maximum = question.points ?? 0
            guard !checks.isEmpty else {
                return QuestionScore(id: question.id, name: question.name, maximum: maximum, points: nil, tests: [],
                                     worth: [], failures: [], manual: true, comment: nil)
            }
            let calls = checks.flatMap { ExpectCall.calls(in: $0.code, firstLine: $0.firstCodeLine) }
            let named = calls.compactMap(\.points).reduce(0, +)
            let unnamed = calls.filter { $0.points == nil }.count
            let share = unnamed > 0 ? max(0, maximum - named) / Double(unnamed) : 0
            let own = tests.filter { labels.contains($0.check) }
            let worth = own.map { $0.points ?? share }
            let scored = zip(own, worth).filter { $0.0.passed }.map(\.1).reduce(0, +)
            return QuestionScore(id: question.id, name: question.name, maximum: maximum,
                                 points: rounded(min(maximum, scored)), tests: own, worth: worth.map(rounded),
                                 failures: failures.filter { labels.contains($0.check) }, manual: false, comment: nil)
        }
    }

    /// Points to 6 decimals, so that 0.1 + 0.2 is the 0.3 a teacher wrote.
    static func rounded(_ points: Double) -> Double { (points * 1e6).rounded() / 1e6 }
}
