import ArgumentParser
import Foundation
import LabbookEngine

/// `labbook bench`: trains the reference models of engine.md on the real data and prints how
/// fast the engine is against the machine's `sgemm` ceiling and against Keras.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine on the reference models B1–B5 (real Fashion-MNIST data)."
    )

    @Option(help: "Epochs per training benchmark (B4: predictions timed).")
    var epochs = 3

    @Option(help: "Write the figures as JSON to this file.")
    var json: String?

    @Option(help: "Run only these benchmarks, comma-separated (e.g. B1,B3).")
    var only: String?

    @Option(help: "Folder with the Fashion-MNIST IDX files (default: the search path of the docs).")
    var data: String?

    @Option(help: "Engine threads (default: one per two logical processors).")
    var threads: Int?

    @Option(help: "The seed of the models' weights, shuffling and dropout.")
    var seed: UInt64 = 0

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be from 1 to 256") }
        if let unknown = selected.first(where: { !Benchmark.names.contains($0) }) {
            throw ValidationError("unknown benchmark '\(unknown)'; the benchmarks are \(Benchmark.names.joined(separator: ", "))")
        }
    }

    private var selected: [String] {
        only.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
            ?? Benchmark.names
    }

    func run() throws {
        if let threads { EngineSettings.threads = threads }
        let splits: DatasetSplits
        do {
            splits = try FashionMNIST.loadData(dataDirectory: data)
        } catch {
            throw CleanExit.message("error: \(error)")
        }
        let train = (try splits.train.images.dividing(by: 255), splits.train.labels)
        let test = (try splits.test.images.dividing(by: 255), splits.test.labels)
        let ceiling = Benchmark.sgemmCeiling()
        let openBLAS = Benchmark.sgemmCeiling(openBLAS: true)
        printError(EngineInfo.description)
        printError(String(format: "sgemm ceiling: %.1f GFLOP/s (the engine's product, 2048³, best of 3, %d thread%@); ",
                          ceiling, BLAS.threads, BLAS.threads == 1 ? "" : "s")
                   + String(format: "%@: %.1f GFLOP/s", Benchmark.openBLASBuild, openBLAS))
        var results: [Benchmark.Result] = []
        for name in selected {
            let result = try Benchmark.run(name, epochs: epochs, seed: seed, train: train, test: test) { printError($0) }
            results.append(result)
        }
        print(BenchReport(ceiling: ceiling, openBLASCeiling: openBLAS, results: results).table)
        if let json {
            let data = try BenchReport(ceiling: ceiling, openBLASCeiling: openBLAS, results: results).json()
            try data.write(to: URL(fileURLWithPath: json), options: .atomic)
        }
    }
}

/// The figures of one `labbook bench` run, as a table and as JSON.
struct BenchReport {
    let ceiling: Double
    /// OpenBLAS's sgemm on the same threads, for comparison.
    let openBLASCeiling: Double
    let results: [Benchmark.Result]

    var table: String {
        var lines = ["bench  s/epoch  examples/s  GFLOP/s  of ceiling  in BLAS  val acc  Keras s/epoch  speed-up"]
        for r in results {
            let keras = r.kerasSecondsPerEpoch.map { String(format: "%13.2f  %7.1f×", $0, $0 / r.secondsPerEpoch) } ?? ""
            lines.append(String(format: "%-5@ %8.3f %11.0f %8.1f %10.1f%% %7.1f%%  %7@  ",
                                r.name, r.secondsPerEpoch, r.examplesPerSecond, r.gflops, 100 * r.gflops / ceiling,
                                100 * r.blasShare, r.valAccuracy.map { String(format: "%.4f", $0) } ?? "—") + keras)
        }
        return lines.joined(separator: "\n")
    }

    func json() throws -> Data {
        struct Engine: Encodable { let version: String; let blas: String; let threads: Int }
        struct Document: Encodable {
            let engine: Engine
            let sgemmCeilingGflops: Double
            let openBLASCeilingGflops: Double
            let threads: Int
            let benchmarks: [Benchmark.Result]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(Document(engine: Engine(version: EngineInfo.version, blas: BLAS.build, threads: BLAS.threads),
                                           sgemmCeilingGflops: ceiling, openBLASCeilingGflops: openBLASCeiling,
                                           threads: BLAS.threads, benchmarks: results))
    }
}

/// Writes a line to standard error (progress, never the figures themselves).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
