// swift-tools-version: 6.0
// libFuzzer targets for the experiment language's lexer, parser and interpreter, and for the
// notebook reader (front matter, cmark, cells, options, questions, inline expressions), kept out of
// the main package because it links only with `-sanitize=fuzzer` (libFuzzer supplies `main`).
// `make fuzz` builds and runs it.
import PackageDescription

let package = Package(
    name: "labbook-fuzz",
    dependencies: [.package(name: "labbook", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "ParserFuzzer",
            dependencies: ["FuzzDriver", .product(name: "LabbookInterpreter", package: "labbook")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "NotebookFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "LabbookNotebook", package: "labbook"), .product(name: "LabbookInterpreter", package: "labbook"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
