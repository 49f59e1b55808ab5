import Foundation
@testable import LabbookNotebook

/// Reads a notebook from text, as file "nb.md".
func reading(_ text: String) -> NotebookReading {
    NotebookReader.parse(text, file: "nb.md")
}

func notebook(_ text: String) -> Notebook {
    reading(text).notebook!
}

/// Diagnostics as "LINE:COL: severity: message" strings, file name dropped, for compact tables.
func located(_ reading: NotebookReading) -> [String] {
    reading.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
}

/// The path of a fixture notebook shipped with the tests.
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
}

/// A temporary file holding `bytes`; removed by the caller.
func temporaryFile(_ bytes: [UInt8], name: String = "nb.md") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-notebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}
