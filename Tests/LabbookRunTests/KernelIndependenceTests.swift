import Foundation
import Testing
import LabbookReport
@testable import LabbookRun
import LabbookTestSupport

/// The same notebook renders to the same `report.md` whatever kernel OpenBLAS would pick, and
/// on any thread count: `labbook render` run as a child process with `OPENBLAS_CORETYPE` set to
/// each kernel this processor can run (and on 2 threads), against a render with none set.
@Suite struct KernelIndependenceTests {
    static let notebook = NotebookRenderTests.notebooks.appendingPathComponent("determinism.md").path

    /// The `labbook` executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("labbook")
    }

    /// OpenBLAS's kernels that this processor's instruction set can run.
    static var kernels: [String] {
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("flags") }.map { Set($0.split(separator: " ").map(String.init)) } ?? []
        var kernels = ["Prescott"]
        if flags.contains("avx") { kernels.append("Sandybridge") }
        if flags.contains("avx2") && flags.contains("fma") { kernels += ["Haswell", "Zen"] }
        if flags.contains("avx512f") { kernels.append("SkylakeX") }
        if flags.contains("avx512_bf16") { kernels.append("Cooperlake") }
        return kernels
    }

    /// Renders the notebook in a child process; returns its report.md.
    static func render(environment: [String: String], threads: Int) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["render", notebook, "--output", output.path, "--threads", String(threads), "--no-cache", "--quiet"]
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_CORETYPE"] = nil
        env["OPENBLAS_L2_SIZE"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "labbook render exited \(process.terminationStatus) with \(environment)")
        return try String(contentsOf: output.appendingPathComponent("determinism/report.md"), encoding: .utf8)
    }

    @Test func everyKernelAndThreadCountRendersTheSameReport() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path),
                     "the labbook executable is not built beside the tests: run swift build first")
        let reference = try Self.render(environment: [:], threads: 1)
        #expect(reference.contains("| epoch | loss | accuracy |"))
        for kernel in Self.kernels {
            let report = try Self.render(environment: ["OPENBLAS_CORETYPE": kernel, "OPENBLAS_L2_SIZE": "512"], threads: 2)
            #expect(report == reference, "OPENBLAS_CORETYPE=\(kernel) on 2 threads: \(Self.firstDifference(report, reference))")
        }
        #expect(try Self.render(environment: [:], threads: 3) == reference)
    }

    /// The first line where two reports differ, for the failure message.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (l, r)) in zip(x, y).enumerated() where l != r { return "line \(i + 1): \(l) ≠ \(r)" }
        return "\(x.count) and \(y.count) lines"
    }
}
