import ArgumentParser
import LabbookEngine
import LabbookNotebook

/// `labbook bench`: trains the reference models of engine.md on the real data and prints how
/// fast the engine is against the machine's `sgemm` ceiling and against Keras.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine on the reference models B1–B6 (real Fashion-MNIST data)."
    )

    @Option(help: "Epochs per training benchmark (B4: predictions timed).")
    var epochs = 3

    @Option(help: "Write the figures as JSON to this file.")
    var json: String?

    @Option(help: "Run only these benchmarks, comma-separated (e.g. B1,B3).")
    var only: String?

    @Option(help: "Folder with the Fashion-MNIST IDX files (default: the search path of the docs).")
    var data: String?

    @Option(help: "Engine threads (default: every logical processor).")
    var threads: Int?

    @Option(help: "The seed of the models' weights, shuffling and dropout.")
    var seed: UInt64 = 0

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        if let threads, !(1...FrontMatter.maximumThreads).contains(threads) {
            throw ValidationError("--threads must be from 1 to \(FrontMatter.maximumThreads)")
        }
        if let unknown = selected.first(where: { !Benchmark.names.contains($0) }) {
            throw ValidationError("unknown benchmark '\(unknown)'; the benchmarks are \(Benchmark.names.joined(separator: ", "))")
        }
    }

    private var selected: [String] {
        only.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
            ?? Benchmark.names
    }

    func run() throws {
        do {
            let report = try BenchSuite.run(selected, epochs: epochs, seed: seed, dataDirectory: data, threads: threads,
                                            jsonPath: json, log: StandardError.write)
            print(report.table)
        } catch {
            throw CleanExit.message("error: \(error)")
        }
    }
}
