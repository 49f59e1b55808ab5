import ArgumentParser
import Foundation
import LabbookGrading

/// `labbook grade MASTER.md SUBMISSION...`: every submission graded in a process of its own.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade submissions of a master: each in a process of its own, with the hidden checks put back.",
        discussion: "Exit status: 0 every submission graded, 1 some could not be (each has its row and status), "
            + "2 bad usage or a master that release refuses."
    )

    @Argument(help: "The master notebook.")
    var master: String

    @Argument(help: "The students' notebooks.")
    var submissions: [String]

    @Option(help: "The gradebook's folder (default: grades/NAME).")
    var output: String?

    @Option(help: "Submissions graded at a time (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds one submission may run.")
    var timeout: Double = 1800

    @Option(help: "Megabytes one submission may hold.")
    var memory: Int = 4096

    @Option(help: ArgumentHelp("Grade only shard K of N (K from 0 to N-1, as a Slurm array task id): the students sorted "
                               + "by name, dealt out in turn. Merge the shards' folders with `labbook gradebook`.",
                               valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard must be K/N with N at least 1 and K from 0 to N-1 (as 0/3, 1/3, 2/3), not '\(shard)'")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard memory >= 64 else { throw ValidationError("--memory must be at least 64 MB") }
    }

    func run() throws {
        var options = GradeOptions(executable: Executable.path, jobs: jobs)
        options.outputDirectory = output
        options.timeout = timeout
        options.memoryMB = memory
        options.shard = shard.flatMap(Shard.init)
        let status = Grading.run(master: master, submissions: submissions, options: options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `labbook grade-submission`: what `grade` runs in each child process (not for users).
struct GradeSubmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade-submission", shouldDisplay: false)

    @Argument var notebook: String
    @Option var checks: String = ""
    @Option var output: String
    @Option var progress: String
    @Option var memory: Int = 4096
    /// The `grade` process that started this one: this one ends when it does.
    @Option var parent: Int32?

    func run() throws {
        let status = SubmissionRun.run(notebook: notebook, checks: Set(checks.split(separator: ",").map(String.init)),
                                       outputDirectory: output, progress: progress, memoryMB: memory, parent: parent)
        if status != 0 { throw ExitCode(status) }
    }
}

/// This executable's own path, for the child processes.
enum Executable {
    static var path: String {
        let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return link == "/proc/self/exe" ? CommandLine.arguments[0] : link
    }
}

/// `labbook gradebook DIR`: the gradebook written again with the teacher's `manual.csv`;
/// `labbook gradebook SHARD_DIR... --output DIR`: shards' gradebooks merged into one.
struct GradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Write a graded class's gradebook again, with the teacher's scores from DIR/manual.csv folded in; "
            + "with --output, merge the folders of `grade --shard` into one gradebook.",
        discussion: "Exit status: 0 written, 1 manual.csv has an error (each with its line) or a shard is missing or did "
            + "not finish (named in the overview), 2 a folder holds no gradebook or the shards do not belong together."
    )

    @Argument(help: "The folder `labbook grade` wrote, or with --output the shards' folders.")
    var directories: [String]

    @Option(help: "Merge the shards' folders into this gradebook folder.")
    var output: String?

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give the gradebook folder (or, with --output, the shards' folders)") }
        if output == nil, directories.count > 1 {
            throw ValidationError("several folders are merged into one: give it with --output DIR")
        }
    }

    func run() throws {
        let status = if let output { Grading.merge(directories, into: output) } else { Grading.rewrite(directories[0]) }
        if status != 0 { throw ExitCode(status) }
    }
}
