import Foundation

/// `labbook bench` as one call: the data loaded, both sgemm ceilings measured, the selected
/// benchmarks run, the table on standard output and the JSON written where asked.
public enum BenchSuite {
    /// Runs `names` for `epochs` epochs each; `log` receives the progress lines.
    public static func run(_ names: [String], epochs: Int, seed: UInt64, dataDirectory: String?, threads: Int?,
                           jsonPath: String?, log: @escaping (String) -> Void) throws -> BenchReport {
        if let threads { EngineSettings.threads = threads }
        let splits = try FashionMNIST.loadData(dataDirectory: dataDirectory)
        let train = (try splits.train.images.dividing(by: 255), splits.train.labels)
        let test = (try splits.test.images.dividing(by: 255), splits.test.labels)
        let ceiling = Benchmark.sgemmCeiling()
        let openBLAS = Benchmark.sgemmCeiling(openBLAS: true)
        log(EngineInfo.description)
        log(String(format: "sgemm ceiling: %.1f GFLOP/s (the engine's product, 2048³, best of 3, %d thread%@); ",
                   ceiling, BLAS.threads, BLAS.threads == 1 ? "" : "s")
            + String(format: "%@: %.1f GFLOP/s", Benchmark.openBLASBuild, openBLAS))
        var results: [Benchmark.Result] = []
        for name in names {
            results.append(try Benchmark.run(name, epochs: epochs, seed: seed, train: train, test: test, progress: log))
        }
        let report = BenchReport(ceiling: ceiling, openBLASCeiling: openBLAS, results: results)
        if let jsonPath { try report.json().write(to: URL(fileURLWithPath: jsonPath), options: .atomic) }
        return report
    }
}
