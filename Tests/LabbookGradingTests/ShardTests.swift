import Foundation
import GRDB
import LabbookTestSupport
import Testing
@testable import LabbookGrading

/// A class graded in shards (`grade --shard K/N`, one per machine or Slurm array task) and the
/// shards merged (`gradebook SHARD_DIR... --output DIR`).
@Suite(.serialized)
struct ShardTests {
    static let students = ["eva", "ana", "dan", "ben", "gus", "carla", "fede"]

    @Test func theSplitIsStableAndCoversEverySubmissionExactlyOnce() {
        for count in 1...8 {
            let shares = (0..<count).map { Shard(index: $0, count: count)!.members(of: Self.students) }
            let all = shares.flatMap { $0 }
            #expect(all.sorted() == Array(Self.students.indices), "\(count) shards cover each submission once")
            let sizes = shares.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1, "\(count) shards: sizes \(sizes)")
            // The same students, given in another order, fall in the same shards.
            let reversed = Array(Self.students.reversed())
            for (index, share) in shares.enumerated() {
                let again = Shard(index: index, count: count)!.members(of: reversed).map { reversed[$0] }
                #expect(Set(again) == Set(share.map { Self.students[$0] }))
            }
        }
        // Sorted by name and dealt out in turn.
        // ana, ben, carla, dan, eva, fede, gus: ana, dan and gus in shard 0, in the order given.
        #expect(Shard("0/3")!.members(of: Self.students).map { Self.students[$0] } == ["ana", "dan", "gus"])
        #expect(Shard("1/3")!.members(of: Self.students).map { Self.students[$0] } == ["eva", "ben"])
        #expect(Shard("2/3") == Shard(index: 2, count: 3))
        for bad in ["3/3", "-1/2", "1", "a/b", "0/0", "1/2/3", "", "/2"] {
            #expect(Shard(bad) == nil, "'\(bad)' is no shard")
        }
    }

    static let submissions = [ClassGradingTests.master] + ["partial", "redefine", "cheat", "escape"].map(ClassGradingTests.submission)

    /// A gradebook's files without their timings, and each student's feedback and report (the
    /// folder a report was rendered in, which its messages may name, as `DIR`).
    static func contents(_ directory: URL) throws -> [String: String] {
        let folders = directory.deletingLastPathComponent().path
        let anyFolder = { (text: String) in
            text.replacingOccurrences(of: folders + #"/[A-Za-z0-9-]+"#, with: "DIR", options: .regularExpression)
        }
        var files = ["gradebook.json": try ClassGradingTests.timeless(directory)]
        let csv = try String(contentsOf: directory.appendingPathComponent("gradebook.csv"), encoding: .utf8)
        files["gradebook.csv"] = csv.replacing(#/,[0-9.]+,([0-9a-f]{64})\n/#) { ",0,\($0.1)\n" }
        for student in ["master", "partial", "redefine", "cheat", "escape"] {
            for file in ["feedback.md", "report.md"] {
                files["\(student)/\(file)"] = anyFolder(try String(contentsOf: directory.appendingPathComponent("\(student)/\(file)"),
                                                                 encoding: .utf8))
            }
        }
        return files
    }

    @Test func mergingOneTwoOrFiveShardsGivesTheGradebookOfOneRun() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole")
        #expect(try ClassGradingTests.grade(Self.submissions, into: whole).0 == 0)
        let expected = try Self.contents(whole)
        // The class's submissions are variations of the master: copies, found in one run, and
        // in the merges too (with 5 shards, each pair spans two shards).
        let copied = try #require(try Gradebook.load(whole.path)).copied
        #expect(copied.contains { $0.students == ["master", "partial"] }, "\(copied.map(\.students))")
        for count in [1, 2, 5] {
            let shards = (0..<count).map { folder.appendingPathComponent("\(count)-shard-\($0)") }
            for (index, shard) in shards.enumerated() {
                let (status, lines) = try ClassGradingTests.grade(Self.submissions, into: shard, shard: Shard(index: index, count: count))
                #expect(status == 0)
                if count > 1 { #expect(lines.last?.hasSuffix("(shard \(index)/\(count))") == true, "\(lines)") }
            }
            let merged = folder.appendingPathComponent("merged-\(count)")
            var lines: [String] = []
            #expect(Grading.merge(shards.map(\.path), into: merged.path) { lines.append($0) } == 0, "\(lines)")
            #expect(lines == ["merged \(count) of \(count) shards (5 submissions) into \(merged.path)/"])
            #expect(try #require(try Gradebook.load(merged.path)).copied == copied)
            let got = try Self.contents(merged)
            for (name, text) in expected where got[name] != text {
                Issue.record("\(name) differs between one run and \(count) shards merged")
            }
        }
    }

    @Test func aMissingOrUnfinishedShardIsNamedAndMergingTwiceChangesNothing() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = (0..<3).map { folder.appendingPathComponent("shard-\($0)") }
        for index in 0..<2 {
            #expect(try ClassGradingTests.grade(Self.submissions, into: shards[index], shard: Shard(index: index, count: 3)).0 == 0)
        }
        // Sorted, the students are cheat, escape, master, partial, redefine: shard 1 has escape
        // and redefine. Its job was stopped before "redefine" ended: no row.
        let database = try DatabaseQueue(path: shards[1].appendingPathComponent("gradebook.sqlite").path)
        let assigned = try database.read { db in try String.fetchAll(db, sql: "SELECT student FROM assignment ORDER BY student") }
        #expect(assigned == ["escape", "redefine"])
        try database.write { db in try db.execute(sql: "DELETE FROM submission WHERE student = 'redefine'") }
        try database.close()

        let merged = folder.appendingPathComponent("merged")
        var lines: [String] = []
        // Shard 2 never ran: its folder is not there; shard 0 is given twice.
        let given = [shards[0].path, shards[1].path, shards[0].path, shards[2].path]
        #expect(Grading.merge(given, into: merged.path) { lines.append($0) } == 1)
        let problems = [
            "\(shards[2].path) holds no gradebook: its shard did not start, or failed before grading",
            "shard 2/3 is missing: none of the folders merged is its gradebook, so its submissions are not here",
            "shard 1/3 (\(shards[1].path)) did not finish: no row for redefine",
        ]
        #expect(lines == problems.map { "error: \($0)" } + ["merged 2 of 3 shards (3 submissions) into \(merged.path)/"])
        let html = try String(contentsOf: merged.appendingPathComponent("index.html"), encoding: .utf8)
        for problem in problems { #expect(html.contains(problem), "the overview names: \(problem)") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: merged.appendingPathComponent("gradebook.json"))) as? [String: Any]
        #expect(json?["problems"] as? [String] == problems)
        // Again: the same gradebook; and `gradebook DIR` keeps saying what is missing.
        let before = try ClassGradingTests.timeless(merged)
        #expect(Grading.merge(given, into: merged.path) { _ in } == 1)
        #expect(try ClassGradingTests.timeless(merged) == before)
        #expect(Grading.rewrite(merged.path) { _ in } == 1)
        #expect(try String(contentsOf: merged.appendingPathComponent("index.html"), encoding: .utf8).contains(problems[1]))
    }

    @Test func shardsOfAnotherMasterOrSplitAreNotMerged() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        #expect(try ClassGradingTests.grade([ClassGradingTests.master], into: a, shard: Shard(index: 0, count: 2)).0 == 0)
        #expect(try ClassGradingTests.grade([ClassGradingTests.master], into: b, shard: Shard(index: 0, count: 3)).0 == 0)
        var lines: [String] = []
        #expect(Grading.merge([a.path, b.path], into: folder.appendingPathComponent("m").path) { lines.append($0) } == 2)
        #expect(lines == ["error: \(a.path) is shard 0/2 and \(b.path) shard 0/3: merge the shards of one split"])
        lines = []
        #expect(Grading.merge([a.path], into: a.path) { lines.append($0) } == 2)
        #expect(lines == ["error: the merged gradebook \(a.path) cannot be one of the shards' folders; give a folder of its own (--output)"])
        lines = []
        #expect(Grading.merge([folder.appendingPathComponent("none").path], into: folder.appendingPathComponent("m").path) { lines.append($0) } == 2)
        #expect(lines.last == "error: no gradebook to merge: none of the 1 folders holds one")
    }
}
