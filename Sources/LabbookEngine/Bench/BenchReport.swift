import Foundation

/// The figures of one `labbook bench` run, as a table and as JSON.
public struct BenchReport {
    public let ceiling: Double
    /// OpenBLAS's sgemm on the same threads, for comparison.
    public let openBLASCeiling: Double
    public let results: [Benchmark.Result]

    /// The figures as the terminal shows them.
    public var table: String {
        var lines = ["bench  s/epoch  examples/s  GFLOP/s  of ceiling  in BLAS  val acc  Keras s/epoch  speed-up"]
        for r in results {
            let keras = r.kerasSecondsPerEpoch.map { String(format: "%13.2f  %7.1f×", $0, $0 / r.secondsPerEpoch) } ?? ""
            lines.append(String(format: "%-5@ %8.3f %11.0f %8.1f %10.1f%% %7.1f%%  %7@  ",
                                r.name, r.secondsPerEpoch, r.examplesPerSecond, r.gflops, 100 * r.gflops / ceiling,
                                100 * r.blasShare, r.valAccuracy.map { String(format: "%.4f", $0) } ?? "—") + keras)
        }
        return lines.joined(separator: "\n")
    }

    /// The figures as `--json FILE` writes them (docs/engine.md names the fields).
    public func json() throws -> Data {
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
