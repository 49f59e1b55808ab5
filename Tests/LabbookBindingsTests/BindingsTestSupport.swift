import Foundation
import LabbookBindings
import LabbookEngine
import LabbookInterpreter

/// A session with the bindings installed, running blocks one after another.
final class NotebookSession {
    let session = Session()
    let context: BindingContext

    /// The session's files go to a fresh temporary folder.
    init(seed: UInt64 = 42) {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-bindings-\(UUID().uuidString)")
        context = BindingContext(seed: seed, filesDirectory: files.path)
        Bindings.install(into: session.library, context: context)
    }

    /// Runs a block; returns its outputs and result.
    @discardableResult
    func run(_ source: String) -> (outputs: [Output], result: RunResult, text: String) {
        let buffer = OutputBuffer()
        let result = session.run(source, firstLine: 1, sink: buffer)
        return (buffer.outputs, result, buffer.text)
    }

    /// The messages of the diagnostics of a block that failed.
    func errors(_ source: String) -> [String] {
        run(source).result.diagnostics.map { "\($0.range.line):\($0.range.column): \($0.message)" }
    }
}
