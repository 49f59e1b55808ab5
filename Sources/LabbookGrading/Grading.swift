import Foundation
import LabbookDiagnostics
import LabbookEngine
import LabbookNotebook

/// `labbook grade MASTER.md SUBMISSION...`: every submission graded in a process of its own,
/// `jobs` at a time, with the master's checks put back; the gradebook and each student's
/// feedback written as each submission ends, so that nothing graded is lost.
public enum Grading {
    /// Grades, writing progress to standard error. Returns 0 when every submission was graded,
    /// 1 when one could not be (it has its row and status), 2 when grading could not start.
    public static func run(master: String, submissions: [String], options: GradeOptions) -> Int32 {
        grade(master: master, submissions: submissions, options: options, write: StandardError.write)
    }

    static func grade(master masterPath: String, submissions: [String], options: GradeOptions,
                      write: @escaping (String) -> Void) -> Int32 {
        // The master, refused as `release` refuses it.
        let checked = Release.check(masterPath)
        let formatter = checked.reading.diagnosticFormatter()
        for diagnostic in checked.diagnostics where diagnostic.isError { write(formatter.format(diagnostic)) }
        guard let master = checked.reading.notebook, !checked.diagnostics.containsErrors else {
            write("\(GradingError.masterRefused(masterPath))")
            return 2
        }
        let readings = submissions.map { NotebookReader.read(path: $0) }
        var declared: [String: String] = [:]
        for (path, reading) in zip(submissions, readings) { declared[path] = reading.notebook?.frontMatter.student }
        let students: [String]
        switch Students.names(of: submissions, frontMatter: declared) {
        case .success(let names): students = names
        case .failure(let error):
            write("\(error)")
            return 2
        }
        let name = URL(fileURLWithPath: masterPath).deletingPathExtension().lastPathComponent
        let directory = options.outputDirectory ?? "grades/\(name)"
        let work = URL(fileURLWithPath: directory).appendingPathComponent(".graded")
        guard GradebookDatabase.mayWrite(into: directory) else {
            write("\(GradingError.notAGradebook(directory))")
            return 2
        }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            write("\(GradingError.notWritten(work.path, SystemErrorText.describe(error)))")
            return 2
        }
        let masterSHA = sha256(Data(master.source.utf8))
        // The rows of an earlier `grade` of this master stay (a late submission adds its own).
        let book: Gradebook
        do {
            book = try Gradebook(directory: directory, master: MasterInfo(master, sha256: masterSHA))
        } catch {
            write("\(GradingError.unreadableGradebook(GradebookDatabase.path(in: directory), SystemErrorText.describe(error)))")
            return 2
        }
        let earlier = Dictionary(book.grades.map { ($0.student, $0) }, uniquingKeysWith: { first, _ in first })
        // This run's share of the class (all of it without `--shard`), kept before grading so
        // that a merge can tell a shard that did not finish.
        let shard = options.shard ?? .whole
        let members = shard.members(of: students)
        do {
            try book.assign(shard, students: members.map { (students[$0], submissions[$0]) })
            try book.keepStarter(StudentVersion(of: master).text)
            for index in members { if let text = readings[index].notebook?.source { try book.keepSource(text, of: students[index]) } }
        } catch {
            write("\(GradingError.notWritten(GradebookDatabase.path(in: directory), SystemErrorText.describe(error)))")
            return 2
        }

        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, options.jobs)
        let lock = NSLock()
        var done = 0
        var unrecorded: [String] = []
        for index in members {
            let student = students[index], path = submissions[index], reading = readings[index]
            queue.addOperation {
                let grade = gradeOne(student: student, path: path, reading: reading, master: master, masterSHA: masterSHA,
                                     earlier: earlier[student], directory: directory, work: work, options: options)
                lock.lock()
                defer { lock.unlock() }
                done += 1
                do {
                    try book.record(grade)
                } catch {
                    unrecorded.append(student)
                    write("\(GradingError.notWritten(GradebookDatabase.path(in: directory), SystemErrorText.describe(error)))")
                }
                write("[\(done)/\(members.count)] \(student): \(grade.status.rawValue), "
                      + "\(Points.text(grade.total)) of \(Points.text(grade.maximum))"
                      + String(format: " (%.1f s)", grade.seconds))
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        do {
            try book.compareSubmissions()
        } catch {
            unrecorded.append(GradebookDatabase.fileName)
            write("\(GradingError.notWritten(GradebookDatabase.path(in: directory), SystemErrorText.describe(error)))")
        }
        book.write(students: [])
        let manual = book.manualDiagnostics
        let manualFormatter = DiagnosticFormatter(fileName: URL(fileURLWithPath: directory).appendingPathComponent("manual.csv").path)
        for diagnostic in manual { write(manualFormatter.format(diagnostic)) }
        let grades = book.grades
        let notGraded = grades.filter { $0.status != .graded }
        write("graded \(grades.count - notGraded.count) of \(grades.count) submissions into \(directory)/"
              + (shard == .whole ? "" : " (shard \(shard))")
              + (notGraded.isEmpty ? "" : " (" + notGraded.map { "\($0.student): \($0.status.rawValue)" }.joined(separator: ", ") + ")"))
        return notGraded.isEmpty && manual.isEmpty && unrecorded.isEmpty ? 0 : 1
    }

    /// `labbook gradebook DIR`: the gradebook files written again from the grades in `DIR`,
    /// with `manual.csv` folded in. Returns 0, 1 when `manual.csv` has an error or `DIR` is a
    /// merge that lacks a shard, 2 when `DIR` holds no gradebook.
    public static func rewrite(_ directory: String, write: (String) -> Void = StandardError.write) -> Int32 {
        let loaded: Gradebook?
        do {
            loaded = try Gradebook.load(directory)
        } catch {
            write("\(GradingError.unreadableGradebook(GradebookDatabase.path(in: directory), SystemErrorText.describe(error)))")
            return 2
        }
        guard let book = loaded else {
            write("error: \(directory) holds no gradebook (grade a class into it first)")
            return 2
        }
        book.write()
        let formatter = DiagnosticFormatter(fileName: URL(fileURLWithPath: directory).appendingPathComponent("manual.csv").path)
        for diagnostic in book.manualDiagnostics { write(formatter.format(diagnostic)) }
        for problem in book.problems { write("error: \(problem)") }
        write("wrote the gradebook of \(book.grades.count) submissions in \(directory)/")
        return book.manualDiagnostics.isEmpty && book.problems.isEmpty ? 0 : 1
    }

    /// One submission: its `earlier` row reused when neither it nor the master (nor the engine)
    /// changed, else run in a child.
    private static func gradeOne(student: String, path: String, reading: NotebookReading, master: Notebook, masterSHA: String,
                                 earlier: SubmissionGrade?, directory: String, work: URL, options: GradeOptions) -> SubmissionGrade {
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        let submissionSHA = sha256(bytes)
        if let earlier, earlier.sha256 == submissionSHA, earlier.master == masterSHA, earlier.engine == EngineInfo.version,
           earlier.file == path {
            return earlier
        }
        var grade = SubmissionGrade(student: student, file: path, sha256: submissionSHA, master: masterSHA,
                                    engine: EngineInfo.version, status: .unreadable, questions: [], notes: [], seconds: 0)
        let start = Date()
        guard let submission = reading.notebook else {
            grade.notes = reading.diagnostics.map(reading.diagnosticFormatter().format)
            grade.questions = Scoring.score(master: master, graded: GradedNotebook(master: master, submission: master),
                                            tests: [], failures: [])
            return grade
        }
        let graded = GradedNotebook(master: master, submission: submission)
        let notebook = work.appendingPathComponent(student + ".md")
        let progress = GradingProgress(path: work.appendingPathComponent(student + ".progress.jsonl").path)
        let stderr = work.appendingPathComponent(student + ".stderr").path
        do {
            try Data(graded.text.utf8).write(to: notebook, options: .atomic)
            try progress.reset()
        } catch {
            grade.status = .crashed
            grade.notes = [SystemErrorText.describe(error)]
            return grade
        }
        let checks = graded.putBack.filter(\.isCheck).map(\.label).joined(separator: ",")
        let ending = ChildProcess.run(options.executable, [
            "grade-submission", notebook.path, "--checks", checks, "--output", directory,
            "--progress", progress.path, "--memory", String(options.memoryMB), "--parent", String(getpid()),
        ], timeout: options.timeout, stderr: stderr)
        let events = progress.events()
        let tests = events.compactMap { if case .test(let t) = $0 { t } else { nil } }
        let failures = events.compactMap { if case .failure(let f) = $0 { f } else { nil } }
        grade.questions = Scoring.score(master: master, graded: graded, tests: tests, failures: failures)
        grade.seconds = Date().timeIntervalSince(start)
        let finished = events.compactMap { if case .finished(let memory, let shadowed) = $0 { (memory, shadowed) } else { nil } }.last
        switch (ending, finished) {
        case (.exited(0), let finished?):
            grade.status = finished.0 ? .memory : .graded
            grade.notes = finished.1.map { GradingMessages.shadowed($0) }
        case (.timedOut, _):
            grade.status = .timeout
            grade.notes = [GradingMessages.timedOut(options.timeout)]
        default:
            let log = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
            grade.status = log.localizedCaseInsensitiveContains("memory") ? .memory : .crashed
            grade.notes = [GradingMessages.ended(ending, log: log)]
        }
        return grade
    }

    static func sha256(_ data: Data) -> String { sha256Hex(Array(data)) }
}
