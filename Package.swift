// swift-tools-version: 6.0
import PackageDescription

/// The hot loops: exclusivity checks off inside the engine and the plots (their buffers are
/// accessed through unsafe pointers whose aliasing the code itself controls), and AVX2 code for
/// the SIMD kernels (every x86-64 server since 2013 has it; the generic target would split each
/// 16-lane vector into four SSE registers and spill them).
let fastMath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked", "-target-cpu", "haswell"])]

let package = Package(
    name: "labbook",
    platforms: [.macOS(.v13)],
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
    ],
    targets: [
        // C libraries, each through a module map and its pkg-config name.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

        // The training engine: tensors, layers, optimizers, losses, callbacks, data.
        .target(
            name: "LabbookEngine",
            dependencies: ["CBLAS", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: fastMath
        ),

        // Figures: line charts and gray images drawn with cairo, written with libpng.
        .target(name: "LabbookPlots", dependencies: ["CCairo", "CPNG"], swiftSettings: fastMath),

        // The experiment language: lexer, parser, interpreter, diagnostics. Knows nothing of the engine.
        .target(
            name: "LabbookInterpreter",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),

        // The engine's and the plots' names, registered into the interpreter.
        .target(name: "LabbookBindings", dependencies: ["LabbookEngine", "LabbookPlots", "LabbookInterpreter"]),

        // The notebook: front matter, libcmark's tree, cells, inline expressions, questions, and
        // running the cells in one interpreter session.
        .target(
            name: "LabbookNotebook",
            dependencies: ["CCmark", "LabbookInterpreter", "LabbookBindings", "LabbookPlots", .product(name: "Yams", package: "Yams")]
        ),

        // The report: a plain model rendered as index.html (mustache), report.md and results.json,
        // written atomically. The default template is compiled in as a Swift string (so the binary
        // works from any folder); templates/report.html.mustache is the canonical copy, and a test
        // checks that the two are identical (LABBOOK_UPDATE_GOLDEN=1 regenerates the string).
        .target(
            name: "LabbookReport",
            dependencies: [
                "LabbookNotebook", "LabbookPlots", "LabbookBindings", "LabbookInterpreter", "LabbookEngine",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        .executableTarget(
            name: "labbook",
            dependencies: [
                "LabbookEngine", "LabbookInterpreter", "LabbookNotebook", "LabbookReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "LabbookEngineTests", dependencies: ["LabbookEngine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabbookPlotsTests", dependencies: ["LabbookPlots"]),
        .testTarget(name: "LabbookInterpreterTests", dependencies: ["LabbookInterpreter"], resources: [.copy("Programs")]),
        .testTarget(name: "LabbookBindingsTests", dependencies: ["LabbookBindings"], exclude: ["Programs"]),
        .testTarget(name: "LabbookNotebookTests", dependencies: ["LabbookNotebook"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabbookReportTests", dependencies: ["LabbookReport"], exclude: ["Golden", "Notebooks", "DiffFixtures", "Hostile"]),
    ],
    swiftLanguageModes: [.v5]
)
