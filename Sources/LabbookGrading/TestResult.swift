/// One test of a check: an `expect` that ran (or, for one that could not, why).
public struct TestResult: Codable, Equatable, Sendable {
    /// The expectation's text (`"la red tiene 3 capas"`), never its code.
    public var text: String
    public var passed: Bool
    /// The points it names (`points: 0.5`); nil when it shares the question's rest.
    public var points: Double?
    /// The values involved (`acc = 0.8123`), for a failed test's feedback.
    public var values: [String]
    /// The check block it belongs to (`labbook-check-3`).
    public var check: String

    public init(text: String, passed: Bool, points: Double?, values: [String], check: String) {
        self.text = text
        self.passed = passed
        self.points = points
        self.values = values
        self.check = check
    }
}

/// How one check block ended, when not every test of it ran: its error, as the student sees it.
public struct CheckFailure: Codable, Equatable, Sendable {
    public var check: String
    /// The diagnostic's message (a hidden check's code is never quoted).
    public var message: String
}
