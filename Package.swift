// swift-tools-version: 6.0
import PackageDescription

import Foundation

/// The processor the engine is built for, which is its reproducibility class (see
/// docs/engine.md): x86-64-v3 (AVX2 and FMA, every x86-64 processor since 2013) when the
/// building machine has them, the plain x86-64 baseline when it has not, or the building
/// machine's own architecture elsewhere. `LABBOOK_CPU=x86-64` forces the baseline build
/// (`make generic-check` uses it to test that path on any machine).
enum EngineTarget {
    case x86_64_v3, x86_64, other

    static var current: EngineTarget {
        #if arch(x86_64)
        if let requested = ProcessInfo.processInfo.environment["LABBOOK_CPU"] {
            return requested == "x86-64" ? .x86_64 : .x86_64_v3
        }
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return .x86_64 }
        let names = Set(flags.split(separator: " "))
        return names.contains("avx2") && names.contains("fma") ? .x86_64_v3 : .x86_64
        #else
        return .other
        #endif
    }

    /// What the engine's and the plots' hot loops are compiled with: exclusivity checks off
    /// (their buffers are accessed through unsafe pointers whose aliasing the code controls);
    /// on x86-64-v3, AVX2 code (the generic target would split each 16-lane vector into four
    /// SSE registers and spill them) and the fused multiply-add of the fixed-order product.
    var hotLoopSettings: [SwiftSetting] {
        switch self {
        case .x86_64_v3:
            return [.unsafeFlags(["-enforce-exclusivity=unchecked", "-target-cpu", "haswell"]),
                    .define("LABBOOK_X86_64_V3"), .define("LABBOOK_FMA")]
        case .x86_64:
            return [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        case .other:
            // arm64's vector unit always has a fused multiply-add.
            return [.unsafeFlags(["-enforce-exclusivity=unchecked"]), .define("LABBOOK_FMA")]
        }
    }

    /// What the executable needs to know of it (the processor check at start-up).
    var executableSettings: [SwiftSetting] { self == .x86_64_v3 ? [.define("LABBOOK_X86_64_V3")] : [] }
}

let fastMath = EngineTarget.current.hotLoopSettings

let package = Package(
    name: "labbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "labbook", targets: ["labbook"]),
        // For the fuzzer package in Fuzz/.
        .library(name: "LabbookInterpreter", targets: ["LabbookInterpreter"]),
        .library(name: "LabbookNotebook", targets: ["LabbookNotebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ],
    targets: [
        // C libraries, each through a module map and its pkg-config name.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // Linux's prctl (a child of `grade` ends with its parent), which Swift cannot call (variadic).
        .systemLibrary(name: "CProcessControl"),
        // Compiler builtins: the workers' spin-loop hint, and a value the optimizer cannot see
        // (the engine's SIMD random lanes).
        .systemLibrary(name: "CBuiltins"),

        // The training engine: tensors, layers, optimizers, losses, callbacks, data.
        .target(
            name: "LabbookEngine",
            dependencies: ["CBLAS", "CBuiltins", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
            // Optimized in debug builds too: the tests train real models (two epochs of B1 on
            // Fashion-MNIST took 9 minutes unoptimized, about a second optimized). -O keeps every
            // bit (Swift neither contracts nor reassociates floating-point arithmetic) and the
            // engine has no assert that it would remove.
            swiftSettings: fastMath + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),

        // Figures: line charts and gray images drawn with cairo, written with libpng.
        .target(name: "LabbookPlots", dependencies: ["CCairo", "CPNG"], swiftSettings: fastMath),

        // Diagnostics, the one model of every layer (range, severity, message, notes, help, fix-it)
        // and the one formatter of `check`, `render`, report.md and index.html. Imports nothing.
        .target(name: "LabbookDiagnostics"),

        // The experiment language: lexer, parser, interpreter. Knows nothing of the engine.
        .target(
            name: "LabbookInterpreter",
            dependencies: ["LabbookDiagnostics", .product(name: "OrderedCollections", package: "swift-collections")]
        ),

        // The engine's and the plots' names, registered into the interpreter.
        .target(name: "LabbookBindings", dependencies: ["LabbookEngine", "LabbookPlots", "LabbookInterpreter"]),

        // Reading a notebook: front matter, libcmark's tree, cells, inline expressions,
        // questions, and `labbook check` (its blocks parsed, nothing run). No engine, no bindings.
        .target(
            name: "LabbookNotebook",
            dependencies: ["CCmark", "LabbookDiagnostics", "LabbookInterpreter", "LabbookPlots", .product(name: "Yams", package: "Yams")]
        ),

        // The report: a plain model rendered as index.html (mustache), report.md and results.json,
        // written atomically into a folder labbook owns. It imports neither the engine nor the
        // interpreter. The default template is compiled in as a Swift string (so the binary works
        // from any folder); templates/report.html.mustache is the canonical copy, and a test
        // checks that the two are identical (LABBOOK_UPDATE_GOLDEN=1 regenerates the string).
        .target(
            name: "LabbookReport",
            dependencies: ["LabbookDiagnostics", "LabbookNotebook", "LabbookPlots", .product(name: "Mustache", package: "swift-mustache")]
        ),

        // Running a notebook: the interpreter session with the bindings, block and state caches,
        // restart planning, threads, progress and interruption, the report model filled in.
        .target(
            name: "LabbookRun",
            dependencies: [
                "LabbookDiagnostics", "LabbookNotebook", "LabbookReport", "LabbookInterpreter", "LabbookBindings", "LabbookEngine",
            ]
        ),

        // `labbook diff`: two reports' results.json compared, as text, JSON or an HTML page.
        // It reads metric names (their direction and order) as the engine does.
        .target(name: "LabbookDiff", dependencies: ["LabbookReport", "LabbookNotebook", "LabbookPlots", "LabbookEngine"]),

        // The classroom: `labbook grade` (each submission in a process of its own, its checks put
        // back, partial credit), the gradebook (SQLite through GRDB) and each student's feedback.
        .target(
            name: "LabbookGrading",
            dependencies: [
                "CProcessControl", "LabbookDiagnostics", "LabbookNotebook", "LabbookInterpreter", "LabbookReport", "LabbookRun",
                "LabbookEngine", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // `labbook preview`: the report served on Hummingbird, rendered again on each save, every
        // open page told over a WebSocket.
        .target(
            name: "LabbookPreview",
            dependencies: [
                "LabbookDiagnostics", "LabbookNotebook", "LabbookReport", "LabbookRun", "LabbookEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ]
        ),

        // The command line: it parses arguments and calls one function per command.
        .executableTarget(
            name: "labbook",
            dependencies: [
                "LabbookEngine", "LabbookNotebook", "LabbookReport", "LabbookRun", "LabbookDiff", "LabbookGrading", "LabbookPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: EngineTarget.current.executableSettings
        ),

        .testTarget(name: "LabbookEngineTests", dependencies: ["LabbookEngine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabbookPlotsTests", dependencies: ["LabbookPlots"]),
        .testTarget(name: "LabbookDiagnosticsTests", dependencies: ["LabbookDiagnostics"]),
        .testTarget(name: "LabbookInterpreterTests", dependencies: ["LabbookInterpreter", "LabbookDiagnostics", "LabbookTestSupport"], resources: [.copy("Programs")]),
        .testTarget(name: "LabbookBindingsTests", dependencies: ["LabbookBindings", "LabbookDiagnostics", "LabbookTestSupport"], exclude: ["Programs"]),
        .testTarget(name: "LabbookNotebookTests", dependencies: ["LabbookNotebook", "LabbookDiagnostics", "LabbookTestSupport"],
                    exclude: ["Masters"], resources: [.copy("Fixtures")]),
        // What the tests share: temporary folders, folder snapshots, the repository's paths, the
        // sample notebook and its report, an in-memory blob store. Test code, out of the product.
        .target(name: "LabbookTestSupport", dependencies: ["LabbookDiagnostics", "LabbookReport", "LabbookNotebook", "LabbookPlots", "LabbookInterpreter"],
                path: "Tests/LabbookTestSupport"),
        .testTarget(name: "LabbookReportTests", dependencies: ["LabbookReport", "LabbookDiagnostics", "LabbookTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LabbookRunTests", dependencies: ["LabbookRun", "LabbookDiagnostics", "LabbookTestSupport"],
                    exclude: ["Notebooks", "Hostile", "Golden"]),
        .testTarget(name: "LabbookGradingTests",
                    dependencies: ["LabbookGrading", "LabbookNotebook", "LabbookTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Class"]),
        .testTarget(name: "LabbookPreviewTests",
                    dependencies: ["LabbookPreview", "LabbookTestSupport"]),
        .testTarget(name: "LabbookDiffTests", dependencies: ["LabbookDiff", "LabbookTestSupport"], exclude: ["DiffFixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
