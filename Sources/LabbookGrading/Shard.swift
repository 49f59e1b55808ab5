/// One share of a class for one machine: shard `index` of `count` (`--shard K/N`, K from 0 as a
/// Slurm array task id or a Kubernetes completion index counts). The students, sorted by name,
/// are dealt out in turn: the same class always splits the same way, every submission is in
/// exactly one shard, and shards differ by one submission at most.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// A whole class in one run.
    public static let whole = Shard(index: 0, count: 1)!

    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`, as `--shard` takes it; nil for anything else (`3/3`, `-1/2`, `1`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The positions in `students` of this shard's submissions, in the order given.
    public func members(of students: [String]) -> [Int] {
        let sorted = students.indices.sorted { (students[$0], $0) < (students[$1], $1) }
        let mine = Set(sorted.enumerated().filter { $0.offset % count == index }.map(\.element))
        return students.indices.filter(mine.contains)
    }
}
