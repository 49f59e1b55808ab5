// swift-tools-version: 6.0
import PackageDescription

/// Release builds of the hot loops: exclusivity checks off inside the engine and the plots (their
/// buffers are accessed through unsafe pointers whose aliasing the code itself controls).
let fastMath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "labbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "labbook", targets: ["labbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
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

        .executableTarget(
            name: "labbook",
            dependencies: [
                "LabbookEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "LabbookEngineTests", dependencies: ["LabbookEngine"]),

        // The experiment language: lexer, parser, interpreter, diagnostics. Knows nothing of the engine.
        .target(
            name: "LabbookInterpreter",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        .testTarget(
            name: "LabbookInterpreterTests",
            dependencies: ["LabbookInterpreter"],
            resources: [.copy("Programs")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
