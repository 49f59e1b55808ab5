import Foundation
import LabbookInterpreter
import LabbookNotebook

/// Two submissions whose code is alike beyond chance: their score and the matching lines side
/// by side.
public struct CopiedPair: Codable, Equatable, Sendable {
    /// The two students, in order.
    public var students: [String]
    /// The share (0 to 1) of the smaller submission's fingerprints that the other has too.
    public var score: Double
    /// The matching stretches, in the first student's order.
    public var matches: [Match]

    /// One stretch of code found in both: lines `from` to `to` of each notebook, and their text.
    public struct Match: Codable, Equatable, Sendable {
        public var first: Lines
        public var second: Lines
    }

    public struct Lines: Codable, Equatable, Sendable {
        public var from: Int
        public var to: Int
        public var text: String
    }
}

/// Copied work found as MOSS finds it: each submission's code (its blocks, as normalized
/// tokens: names and literals made alike, see `NormalizedTokens`) cut into overlapping runs of
/// `gram` tokens, each run hashed, and of every `window` consecutive hashes the smallest kept
/// (winnowing: a shared stretch of `gram + window - 1` tokens always gives a shared
/// fingerprint). The student version's own code is left out, so starter code matches nothing,
/// and so is what many submissions share (as MOSS ignores a passage found in more than a few
/// files): the code the exercise prescribes to everyone is no sign of copying. Every pair is
/// compared through an index of who has which fingerprint, so a class of hundreds takes seconds.
public enum CopiedWork {
    /// Tokens a fingerprint covers, and hashes a window chooses from.
    static let gram = 12, window = 8
    /// A pair is listed from this score up.
    public static let threshold = 0.5
    /// Fewer shared fingerprints than this are never a copy (a few common lines are not).
    static let minimumShared = 4
    /// The matching stretches shown for one pair, at most.
    static let maximumMatches = 20

    /// A fingerprint more submissions than this share is common code, not a sign of copying:
    /// 10 (MOSS's default), or one in 20 of a class of more than 200.
    static func commonLimit(_ submissions: Int) -> Int { max(10, submissions / 20) }

    /// One notebook's fingerprints: each kept hash with the lines of its first occurrence.
    struct Fingerprints {
        var lines: [UInt64: ClosedRange<Int>] = [:]
        /// The notebook's lines, for the side by side.
        var text: [Substring] = []
    }

    /// The pairs of `submissions` (student, notebook text) scoring `threshold` or more, the
    /// code of `starter` (the student version) left out; by score, highest first.
    public static func pairs(_ submissions: [(student: String, text: String)], starter: String,
                             threshold: Double = threshold) -> [CopiedPair] {
        let given = Set(grams(of: tokens(starter)).map(\.hash))
        let prints = submissions.map { fingerprints($0.text, leavingOut: given) }
        // Who has each fingerprint, then each pair's shared count.
        var owners: [UInt64: [Int]] = [:]
        for (index, print) in prints.enumerated() {
            for hash in print.lines.keys { owners[hash, default: []].append(index) }
        }
        let limit = commonLimit(submissions.count)
        let common = Set(owners.filter { $0.value.count > limit }.keys)
        let distinctive = prints.map { $0.lines.keys.filter { !common.contains($0) }.count }
        var shared: [Int: Int] = [:]
        let count = submissions.count
        for students in owners.values where students.count > 1 && students.count <= limit {
            for (position, a) in students.enumerated() {
                for b in students[(position + 1)...] { shared[min(a, b) * count + max(a, b), default: 0] += 1 }
            }
        }
        var pairs: [CopiedPair] = []
        for (key, together) in shared where together >= minimumShared {
            let (a, b) = (key / count, key % count)
            let smaller = min(distinctive[a], distinctive[b])
            let score = (Double(together) / Double(smaller) * 1000).rounded() / 1000
            guard score >= threshold else { continue }
            let (first, second) = submissions[a].student < submissions[b].student ? (a, b) : (b, a)
            pairs.append(CopiedPair(students: [submissions[first].student, submissions[second].student], score: score,
                                    matches: matches(prints[first], prints[second], leavingOut: common)))
        }
        return pairs.sorted { $0.score != $1.score ? $0.score > $1.score : $0.students.lexicographicallyPrecedes($1.students) }
    }

    /// The normalized tokens of every block of the notebook `text`, in order.
    static func tokens(_ text: String) -> [NormalizedTokens.Token] {
        guard let notebook = NotebookReader.read(data: Data(text.utf8), file: "submission.md").notebook else { return [] }
        return notebook.cells.flatMap { NormalizedTokens.of($0.code, firstLine: $0.firstCodeLine) }
    }

    /// Each run of `gram` tokens: its hash (FNV-1a, the same on every machine) and its lines.
    static func grams(of tokens: [NormalizedTokens.Token]) -> [(hash: UInt64, lines: ClosedRange<Int>)] {
        guard tokens.count >= gram else { return [] }
        let hashes = tokens.map { token -> UInt64 in
            token.text.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        }
        return (0...(tokens.count - gram)).map { start in
            var hash: UInt64 = 14_695_981_039_346_656_037
            for offset in 0..<gram { hash = (hash ^ hashes[start + offset]) &* 1_099_511_628_211 }
            return (hash, tokens[start].line...tokens[start + gram - 1].line)
        }
    }

    /// The winnowed fingerprints of the notebook `text`, the given code left out: a run of
    /// tokens that touches a run the starter has (`given`) is no one's own.
    static func fingerprints(_ text: String, leavingOut given: Set<UInt64>) -> Fingerprints {
        var result = Fingerprints(text: text.split(separator: "\n", omittingEmptySubsequences: false))
        let all = grams(of: tokens(text))
        guard !all.isEmpty else { return result }
        var isGiven = Array(repeating: false, count: all.count + gram)
        for (start, run) in all.enumerated() where given.contains(run.hash) {
            for offset in 0..<gram { isGiven[start + offset] = true }
        }
        let own = all.indices.map { start in !(start..<(start + gram)).contains { isGiven[$0] } }
        var chosen = -1
        for start in 0...max(0, all.count - window) {
            // The smallest hash of the window's own runs, the rightmost on a tie.
            var best = -1
            for index in start..<min(all.count, start + window) where own[index] {
                if best < 0 || all[index].hash <= all[best].hash { best = index }
            }
            if best >= 0, best != chosen, result.lines[all[best].hash] == nil { result.lines[all[best].hash] = all[best].lines }
            chosen = best
        }
        return result
    }

    /// The stretches two notebooks share: their fingerprints in common (but for the class's
    /// `common` ones) in the first's order, those whose lines touch or overlap joined.
    static func matches(_ first: Fingerprints, _ second: Fingerprints, leavingOut common: Set<UInt64>) -> [CopiedPair.Match] {
        let common = first.lines.compactMap { hash, lines in common.contains(hash) ? nil : second.lines[hash].map { (lines, $0) } }
            .sorted { ($0.0.lowerBound, $0.0.upperBound, $0.1.lowerBound) < ($1.0.lowerBound, $1.0.upperBound, $1.1.lowerBound) }
        var joined: [(ClosedRange<Int>, ClosedRange<Int>)] = []
        for (a, b) in common {
            if let last = joined.last, a.lowerBound <= last.0.upperBound + 1, b.lowerBound <= last.1.upperBound + 1,
               b.upperBound + 1 >= last.1.lowerBound {
                joined[joined.count - 1] = (min(last.0.lowerBound, a.lowerBound)...max(last.0.upperBound, a.upperBound),
                                            min(last.1.lowerBound, b.lowerBound)...max(last.1.upperBound, b.upperBound))
            } else {
                joined.append((a, b))
            }
        }
        func lines(_ range: ClosedRange<Int>, of text: [Substring]) -> CopiedPair.Lines {
            let shown = range.clamped(to: 1...max(1, text.count))
            return CopiedPair.Lines(from: range.lowerBound, to: range.upperBound,
                                    text: text[(shown.lowerBound - 1)..<min(text.count, shown.upperBound)].joined(separator: "\n"))
        }
        return joined.prefix(maximumMatches).map { CopiedPair.Match(first: lines($0.0, of: first.text), second: lines($0.1, of: second.text)) }
    }
}
