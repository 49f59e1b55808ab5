// swift-tools-version: 6.0
// A libFuzzer target for the experiment language's lexer, parser and interpreter, kept out of
// the main package because it links only with `-sanitize=fuzzer` (libFuzzer supplies `main`).
// `make fuzz` builds and runs it.
import PackageDescription

let package = Package(
    name: "labbook-fuzz",
    dependencies: [.package(name: "labbook", path: "..")],
    targets: [
        .executableTarget(
            name: "ParserFuzzer",
            dependencies: [.product(name: "LabbookInterpreter", package: "labbook")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
