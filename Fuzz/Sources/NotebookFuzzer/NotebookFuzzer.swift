import Foundation
import FuzzDriver
import LabbookInterpreter
import LabbookNotebook

/// One libFuzzer input: any bytes, read as a whole notebook (front matter, cmark's tree, cells,
/// options, questions, inline expressions), then every block and inline expression lexed and
/// parsed as `labbook check` does. Any trap, hang or memory error is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let reading = NotebookReader.read(data: Data(bytes: data, count: size), file: "fuzz.md")
    guard let notebook = reading.notebook else { return 0 }
    for cell in notebook.cells {
        _ = ParsedBlock(cell.code, firstLine: cell.firstCodeLine).diagnostics.count
    }
    for case .prose(let prose) in notebook.parts {
        for expression in prose.inlineExpressions { _ = ParsedBlock(expression.code, firstLine: expression.position.line) }
    }
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`; this one hands over to libFuzzer.
@_cdecl("NotebookFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzOneInput)
}
