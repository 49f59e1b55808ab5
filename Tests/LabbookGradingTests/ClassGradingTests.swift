import Foundation
import GRDB
import LabbookNotebook
import LabbookTestSupport
import Testing
@testable import LabbookGrading

/// A small made-up class graded for real, each submission in a child `labbook` process: a
/// correct one (the master itself), a partly wrong one, the untouched student version, an
/// endless loop, a crash, a memory hog, one not UTF-8, one that redefines `expect`, one that
/// writes outside its folder and one that weakened its copy of a visible check.
@Suite(.serialized)
struct ClassGradingTests {
    static let classFolder = testsDirectory().appendingPathComponent("Class")
    static let master = classFolder.appendingPathComponent("master.md").path
    /// The executable `swift test` built beside the tests.
    static let labbook = repositoryDirectory.appendingPathComponent(".build/debug/labbook").path

    static func submission(_ name: String) -> String { classFolder.appendingPathComponent(name + ".md").path }

    /// The untouched student version, written by `release` into `folder`.
    static func untouched(in folder: URL) throws -> String {
        let out = folder.appendingPathComponent("release")
        #expect(Release.release(master, outputDirectory: out.path).status == 0)
        let path = folder.appendingPathComponent("untouched.md").path
        try FileManager.default.moveItem(atPath: out.appendingPathComponent("master.md").path, toPath: path)
        return path
    }

    /// Grades with a time limit no submission but an endless loop reaches, on a loaded machine too.
    static func grade(_ submissions: [String], into directory: URL, jobs: Int = 2, timeout: Double = 300,
                      shard: Shard? = nil) throws -> (Int32, [String]) {
        #expect(FileManager.default.isExecutableFile(atPath: labbook), "swift test builds \(labbook)")
        var options = GradeOptions(executable: labbook, jobs: jobs)
        options.outputDirectory = directory.path
        options.timeout = timeout
        options.memoryMB = 256
        options.shard = shard
        var lines: [String] = []
        let lock = NSLock()
        let status = Grading.grade(master: master, submissions: submissions, options: options) { line in
            lock.lock(); lines.append(line); lock.unlock()
        }
        return (status, lines)
    }

    /// The gradebook's rows as `student: status total [points per question]`.
    static func rows(_ directory: URL) throws -> [String] {
        let csv = try String(contentsOf: directory.appendingPathComponent("gradebook.csv"), encoding: .utf8)
        return csv.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(f[0]): \(f[1]) \(f[2])/\(f[3]) [\(f[4]) \(f[5]) \(f[6])] manual \(f[7])"
        }
    }

    @Test func theClassGetsItsExactPointsAndStatuses() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        setenv("LABBOOK_GRADE_TEST_ABORT", "crash", 1)
        defer { unsetenv("LABBOOK_GRADE_TEST_ABORT") }
        let names = ["partial", "crash", "hog", "latin1", "redefine", "escape", "cheat"]
        let out = folder.appendingPathComponent("grades")
        let (status, lines) = try Self.grade([Self.master, try Self.untouched(in: folder)] + names.map(Self.submission), into: out)
        #expect(status == 1, "some submissions could not be graded")
        #expect(try Self.rows(out) == [
            "cheat: graded 2.5/4 [1.5  1] manual 2",
            "crash: crashed 0/4 [0  0] manual 2",
            "escape: graded 3/4 [2  1] manual 2",
            "hog: memory 2/4 [2  0] manual 2",
            "latin1: unreadable 0/4 [0  0] manual 2",
            "master: graded 3/4 [2  1] manual 2",
            "partial: graded 1.5/4 [0.5  1] manual 2",
            "redefine: graded 3/4 [2  1] manual 2",
            "untouched: graded 0.5/4 [0.5  0] manual 2",
        ])
        #expect(lines.last == "graded 6 of 9 submissions into \(out.path)/ (crash: crashed, hog: memory, latin1: unreadable)")

        let partial = try String(contentsOf: out.appendingPathComponent("partial/feedback.md"), encoding: .utf8)
        #expect(partial.contains("- ❌ la suma es 6 (1.5) — total = 7, 6 = 6"))
        #expect(!partial.contains("expect(total"), "a hidden check shows its text, never its code")
        let redefine = try String(contentsOf: out.appendingPathComponent("redefine/feedback.md"), encoding: .utf8)
        #expect(redefine.contains("your notebook defines 'expect', a name of labbook's library: the checks used the library's"))
        let report = try String(contentsOf: out.appendingPathComponent("partial/report.md"), encoding: .utf8)
        #expect(!report.contains("expect(total == 6"), "the student's report does not show a hidden check's code")
        #expect(report.contains("la suma es 6"))
        // The one that saved outside its folder was refused, and nothing was written there.
        let escape = try String(contentsOf: out.appendingPathComponent("escape/report.md"), encoding: .utf8)
        #expect(escape.contains("leaves the notebook's folder"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("escaped.safetensors").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escaped.safetensors").path))
    }

    @Test func anEndlessLoopIsStoppedAtItsTimeAndKeepsThePointsOfTheTestsBefore() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("grades")
        let (status, _) = try Self.grade([Self.submission("loop")], into: out, timeout: 20)
        #expect(status == 1)
        #expect(try Self.rows(out) == ["loop: timeout 2/4 [2  0] manual 2"])
        let feedback = try String(contentsOf: out.appendingPathComponent("loop/feedback.md"), encoding: .utf8)
        #expect(feedback.contains("the notebook ran for more than 20 s and was stopped; the tests that ran before keep their points"))
        #expect(Self.survivors(of: out) == [], "the stopped loop still runs")
    }

    /// The `grade-submission` processes still running on `folder` (their command lines name it).
    static func survivors(of folder: URL) -> [String] {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            return command.contains("grade-submission") && command.contains(folder.path) ? "\(pid): \(command)" : nil
        }
    }

    /// The gradebook without its timings.
    static func timeless(_ directory: URL) throws -> String {
        var json = try String(contentsOf: directory.appendingPathComponent("gradebook.json"), encoding: .utf8)
        json = json.replacing(#/"seconds" : [0-9.e+-]+/#, with: "\"seconds\" : 0")
        return json
    }

    @Test func gradingIsTheSameTwiceAndWithAnyNumberOfJobs() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let submissions = [Self.master] + ["partial", "redefine", "cheat", "escape"].map(Self.submission)
        let one = folder.appendingPathComponent("one"), four = folder.appendingPathComponent("four")
        #expect(try Self.grade(submissions, into: one, jobs: 1).0 == 0)
        #expect(try Self.grade(submissions, into: four, jobs: 4).0 == 0)
        #expect(try Self.timeless(one) == (try Self.timeless(four)))
        for student in ["master", "partial", "redefine", "cheat", "escape"] {
            let a = try Data(contentsOf: one.appendingPathComponent("\(student)/feedback.md"))
            let b = try Data(contentsOf: four.appendingPathComponent("\(student)/feedback.md"))
            #expect(a == b, "\(student)'s feedback differs between --jobs 1 and --jobs 4")
        }
    }

    @Test func aRegradeRunsOnlyWhatChanged() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ana = folder.appendingPathComponent("ana.md"), ben = folder.appendingPathComponent("ben.md")
        try FileManager.default.copyItem(atPath: Self.submission("partial"), toPath: ana.path)
        try FileManager.default.copyItem(atPath: Self.master, toPath: ben.path)
        let out = folder.appendingPathComponent("grades")
        _ = try Self.grade([ana.path, ben.path], into: out)
        let progress = { (student: String) in try Data(contentsOf: out.appendingPathComponent(".graded/\(student).progress.jsonl")) }
        let benBefore = try progress("ben")
        try FileManager.default.removeItem(at: out.appendingPathComponent(".graded/ben.progress.jsonl"))
        // Ana fixes her sum; Ben changes nothing: only Ana is run again.
        try Data((try String(contentsOf: ana, encoding: .utf8)).replacingOccurrences(of: "reduce(1, +)", with: "reduce(0, +)").utf8)
            .write(to: ana)
        _ = try Self.grade([ana.path, ben.path], into: out)
        #expect(try Self.rows(out) == ["ana: graded 3/4 [2  1] manual 2", "ben: graded 3/4 [2  1] manual 2"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".graded/ben.progress.jsonl").path),
                "Ben's unchanged submission was run again")
        #expect(!benBefore.isEmpty)
    }

    @Test func twoSubmissionsOfOneStudentAreRefused() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two files named alike are their folders' students; a front matter's `student` wins.
        var paths: [String] = []
        for folderName in ["a", "b"] {
            let dir = folder.appendingPathComponent(folderName)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let text = try String(contentsOfFile: Self.submission("partial"), encoding: .utf8)
                .replacingOccurrences(of: "lang: es", with: "lang: es\nstudent: ana")
            try Data(text.utf8).write(to: dir.appendingPathComponent("actividad.md"))
            paths.append(dir.appendingPathComponent("actividad.md").path)
        }
        let (status, lines) = try Self.grade(paths, into: folder.appendingPathComponent("grades"))
        #expect(status == 2)
        #expect(lines.last == "error: \(paths[0]) and \(paths[1]) are both from student 'ana'; give one a 'student:' in its front matter or grade them apart")
        #expect(Students.names(of: ["x/a/actividad.md", "x/b/actividad.md", "y/ben.md"], frontMatter: [:]) == .success(["a", "b", "ben"]))
    }
}

/// The teacher's scores, the class overview and `labbook gradebook`.
struct GradebookTests {
    @Test func manualScoresAreFoldedInAndEachProblemIsAtItsLine() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("grades")
        _ = try ClassGradingTests.grade([ClassGradingTests.master, ClassGradingTests.submission("partial")], into: out)
        try Data("""
        student,question,points,comment
        partial,2,0.75,"Bien, pero falta el porqué"
        master,2,1,
        nadie,2,1,
        partial,9,1,
        partial,2,2,
        partial,2,muchos,

        """.utf8).write(to: out.appendingPathComponent("manual.csv"))
        var lines: [String] = []
        #expect(Grading.rewrite(out.path) { lines.append($0) } == 1)
        let manual = out.appendingPathComponent("manual.csv").path
        #expect(lines.dropLast() == [
            "\(manual):4: error: no submission is from student 'nadie'",
            "\(manual):5: error: the master has no question '9'",
            "\(manual):6: error: 2 points is more than the 1 of Pregunta 2",
            "\(manual):7: error: 'muchos' is not a number of points (zero or more)",
        ])
        #expect(try ClassGradingTests.rows(out) == ["master: graded 4/4 [2 1 1] manual ", "partial: graded 2.25/4 [0.5 0.75 1] manual "])
        let feedback = try String(contentsOf: out.appendingPathComponent("partial/feedback.md"), encoding: .utf8)
        #expect(feedback.contains("## Pregunta 2: 0.75 / 1"))
        #expect(feedback.contains("> Bien, pero falta el porqué"))
    }

    @Test func theOverviewShowsTheClass() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("grades")
        _ = try ClassGradingTests.grade([ClassGradingTests.master, ClassGradingTests.submission("partial"),
                                         ClassGradingTests.submission("latin1")], into: out)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("3 submissions; mean total 1.50 of 4"))
        #expect(html.contains("<tr><td>Pregunta 1</td><td>2</td><td>0.83</td><td>33 %</td></tr>"))
        #expect(html.contains("<tr><td>Pregunta 2</td><td>1</td><td>by hand</td><td>—</td></tr>"))
        #expect(html.contains("<a href=\"partial/feedback.html\">feedback</a>"))
        #expect(html.contains("<li>latin1: unreadable — "))
        // Totals 0, 1.5 and 3: one bar each at 0, 1 and 3.
        let book = try #require(try Gradebook.load(out.path))
        #expect(ClassOverview(grades: book.grades, master: book.master).histogram.counts == [1, 1, 0, 1, 0])
    }

    @Test func aFolderOfTheUsersIsNeverGradedInto() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("index.html"))
        let (status, lines) = try ClassGradingTests.grade([ClassGradingTests.submission("partial")], into: folder)
        #expect(status == 2)
        #expect(lines.last == "error: \(folder.path) holds files labbook did not write; grade into a new folder (--output), or an older gradebook's")
        #expect(try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8) == "mine")
    }

    @Test func aLateSubmissionAddsItsRowToTheGradebook() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("grades")
        _ = try ClassGradingTests.grade([ClassGradingTests.master], into: out)
        _ = try ClassGradingTests.grade([ClassGradingTests.submission("partial")], into: out)
        #expect(try ClassGradingTests.rows(out) == ["master: graded 3/4 [2  1] manual 2", "partial: graded 1.5/4 [0.5  1] manual 2"])
    }

    @Test func theDatabaseHoldsEveryRowTestAndManualScore() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("grades")
        _ = try ClassGradingTests.grade([ClassGradingTests.master, ClassGradingTests.submission("partial")], into: out)
        try Data("student,question,points,comment\npartial,2,0.5,Casi\n".utf8).write(to: out.appendingPathComponent("manual.csv"))
        #expect(Grading.rewrite(out.path) { _ in } == 0)
        let database = try DatabaseQueue(path: out.appendingPathComponent("gradebook.sqlite").path)
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT student, status, total, maximum FROM submission ORDER BY student")
                .map { "\($0["student"] as String) \($0["status"] as String) \($0["total"] as Double)/\($0["maximum"] as Double)" }
            #expect(rows == ["master graded 3.0/4.0", "partial graded 1.5/4.0"])
            let scores = try Row.fetchAll(db, sql: "SELECT question, points, manual FROM score WHERE student = 'partial' ORDER BY position")
                .map { "\($0["question"] as String)=\(($0["points"] as Double?).map { "\($0)" } ?? "NULL")\(($0["manual"] as Bool) ? " manual" : "")" }
            #expect(scores == ["1=0.5", "2=NULL manual", "3=1.0"])
            let tests = try Row.fetchAll(db, sql: "SELECT text, passed, worth FROM test WHERE student = 'partial' ORDER BY question, position")
                .map { "\($0["text"] as String): \(($0["passed"] as Bool) ? "passed" : "failed") \($0["worth"] as Double)" }
            #expect(tests == ["xs tiene tres elementos: passed 0.5", "la suma es 6: failed 1.5",
                              "double(2) es 4: passed 0.5", "double(0) es 0: passed 0.5"])
            let master = try String.fetchOne(db, sql: "SELECT sha256 FROM master")
            #expect(try String.fetchAll(db, sql: "SELECT DISTINCT master_sha256 FROM submission") == [master].compactMap { $0 })
            let manual = try Row.fetchAll(db, sql: "SELECT student, question, points, comment FROM manual_score")
                .map { "\($0["student"] as String) \($0["question"] as String) \($0["points"] as Double) \($0["comment"] as String)" }
            #expect(manual == ["partial 2 0.5 Casi"])
        }
        // Read back, the rows are the ones graded.
        let book = try #require(try Gradebook.load(out.path))
        #expect(book.grades.map(\.student) == ["master", "partial"])
        #expect(book.grades[1].questions[0].tests.map(\.passed) == [true, false])
    }

    @Test func aFolderWithoutAGradebookIsSaidSo() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        #expect(Grading.rewrite(folder.path) { lines.append($0) } == 2)
        #expect(lines == ["error: \(folder.path) holds no gradebook (grade a class into it first)"])
    }
}

/// `labbook grade` stopped part way (killed, as Ctrl-C or a scheduler stops it): what it graded stays, its running child ends with
/// it, and the next `grade` goes on from there.
struct InterruptedGradingTests {
    @Test func anInterruptedGradeLosesNothingAlreadyGraded() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("grades")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ClassGradingTests.labbook)
        process.arguments = ["grade", ClassGradingTests.master, ClassGradingTests.master, ClassGradingTests.submission("partial"),
                             ClassGradingTests.submission("loop"), ClassGradingTests.submission("redefine"),
                             "--jobs", "1", "--timeout", "120", "--output", out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the loop is running: the two before it are in the gradebook.
        let csv = out.appendingPathComponent("gradebook.csv")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? String(contentsOf: csv, encoding: .utf8)) ?? "").split(separator: "\n").count < 3 {
            usleep(50_000)
        }
        while Date() < deadline, ClassGradingTests.survivors(of: out).isEmpty { usleep(50_000) }
        #expect(ClassGradingTests.survivors(of: out).count == 1, "the loop is being graded when grade is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let rows = try ClassGradingTests.rows(out)
        #expect(rows == ["master: graded 3/4 [2  1] manual 2", "partial: graded 1.5/4 [0.5  1] manual 2"])
        // The loop's child ended with its parent (the kernel kills it; a moment for it to go).
        let gone = Date().addingTimeInterval(10)
        while Date() < gone, !ClassGradingTests.survivors(of: out).isEmpty { usleep(50_000) }
        #expect(ClassGradingTests.survivors(of: out) == [], "a child of the killed grade still runs")

        let masterProgress = out.appendingPathComponent(".graded/master.progress.jsonl")
        try FileManager.default.removeItem(at: masterProgress)
        var options = GradeOptions(executable: ClassGradingTests.labbook, jobs: 2)
        options.outputDirectory = out.path
        options.timeout = 3
        let status = Grading.grade(master: ClassGradingTests.master,
                                   submissions: [ClassGradingTests.master, ClassGradingTests.submission("partial"),
                                                 ClassGradingTests.submission("loop"), ClassGradingTests.submission("redefine")],
                                   options: options) { _ in }
        #expect(status == 1)
        #expect(!FileManager.default.fileExists(atPath: masterProgress.path), "the graded master was graded again")
        #expect(try ClassGradingTests.rows(out).count == 4)
    }
}
