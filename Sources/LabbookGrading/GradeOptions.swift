/// `labbook grade`'s settings.
public struct GradeOptions: Sendable {
    /// Where the gradebook goes (`grades/NAME/` when nil).
    public var outputDirectory: String?
    /// Submissions graded at a time.
    public var jobs: Int
    /// Seconds one submission may run.
    public var timeout: Double = 1800
    /// Megabytes one submission may hold.
    public var memoryMB: Int = 4096
    /// The share of the class to grade (`--shard K/N`); nil: all of it.
    public var shard: Shard?
    /// The labbook executable that grades one submission in a process of its own.
    public var executable: String

    public init(executable: String, jobs: Int) {
        self.executable = executable
        self.jobs = jobs
    }
}
