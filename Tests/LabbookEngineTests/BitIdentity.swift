/// Exact comparisons of float buffers that say what differs, never the whole buffers: the first
/// differing index, the two values (with their bit patterns), and how many differ.
enum BitIdentity {
    /// Nil when `a` and `b` hold the same bits; otherwise one line saying where they differ.
    static func difference(_ a: [Float], _ b: [Float]) -> String? {
        guard a.count == b.count else { return "the counts differ: \(a.count) and \(b.count)" }
        guard let first = firstDifference(a, b) else { return nil }
        let count = a.indices.filter { a[$0].bitPattern != b[$0].bitPattern }.count
        return "\(count) of \(a.count) values differ; the first at index \(first): \(a[first]) "
            + "(0x\(String(a[first].bitPattern, radix: 16))) and \(b[first]) (0x\(String(b[first].bitPattern, radix: 16)))"
    }

    /// The first index where `a` and `b` (of the same count) hold different bits, if any: for a
    /// message that also names the input there.
    static func firstDifference(_ a: [Float], _ b: [Float]) -> Int? {
        a.indices.first { a[$0].bitPattern != b[$0].bitPattern }
    }

    /// ``difference(_:_:)-([Float],_)`` for Float64 buffers.
    static func difference(_ a: [Double], _ b: [Double]) -> String? {
        guard a.count == b.count else { return "the counts differ: \(a.count) and \(b.count)" }
        guard let first = a.indices.first(where: { a[$0].bitPattern != b[$0].bitPattern }) else { return nil }
        let count = a.indices.filter { a[$0].bitPattern != b[$0].bitPattern }.count
        return "\(count) of \(a.count) values differ; the first at index \(first): \(a[first]) "
            + "(0x\(String(a[first].bitPattern, radix: 16))) and \(b[first]) (0x\(String(b[first].bitPattern, radix: 16)))"
    }
}
