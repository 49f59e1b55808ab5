/// Exact comparisons of float buffers that say what differs, never the whole buffers: the first
/// differing index, the two values (with their bit patterns), and how many differ.
enum BitIdentity {
    /// Nil when `a` and `b` hold the same bits; otherwise one line saying where they differ.
    static func difference(_ a: [Float], _ b: [Float]) -> String? {
        guard a.count == b.count else { return "the counts differ: \(a.count) and \(b.count)" }
        var first: Int?
        var count = 0
        for i in a.indices where a[i].bitPattern != b[i].bitPattern {
            first = first ?? i
            count += 1
        }
        guard let first else { return nil }
        return "\(count) of \(a.count) values differ; the first at index \(first): \(a[first]) "
            + "(0x\(String(a[first].bitPattern, radix: 16))) and \(b[first]) (0x\(String(b[first].bitPattern, radix: 16)))"
    }
}
