import Foundation
import LabbookDiagnostics

/// One notebook's interpreter state: the names its blocks define, kept from block to block as
/// in a Jupyter kernel, and the library (standard and registered by the bindings).
///
/// ```swift
/// let session = Session()
/// Bindings.install(into: session.library, context: context)  // LabbookBindings: the engine's names
/// let sink = OutputBuffer()
/// let result = session.run(blockSource, firstLine: 42, sink: sink,
///                          limits: ExecutionLimits(timeout: .seconds(600)))
/// ```
public final class Session {
    public let library: Library
    /// Set it from another thread (Ctrl-C) to stop the running block; reset before each run.
    public let cancellation = CancellationFlag()
    let globals = Environment(parent: nil)
    /// The interpreter of the block running now; native code calls closures back through it.
    private(set) var activeInterpreter: Interpreter?

    /// Stack reserved for running a block: recursion in the experiment language recurses in the
    /// tree-walking interpreter, and the depth limit must be reached long before the stack ends.
    static let stackSize = 512 << 20

    public init(library: Library = Library()) {
        self.library = library
    }

    /// Parses and runs one block. Outputs go to `sink` as they are produced (so they survive an
    /// error, a timeout or a cancellation); the error that ended the block, if any, is also
    /// emitted there as ``Output/diagnostic(_:)``. Syntax errors stop the block before it runs.
    ///
    /// - Parameters:
    ///   - firstLine: the notebook line of the block's first line; every position in the
    ///     diagnostics is a notebook line.
    ///   - libraryNamesFirst: the library's names (`expect`, `Tensor`, ...) mean the library's
    ///     even where the session has defined a name of its own the same: for a teacher's check
    ///     run in a student's session.
    public func run(_ source: String, firstLine: Int = 1, sink: OutputSink,
                    limits: ExecutionLimits = ExecutionLimits(), libraryNamesFirst: Bool = false) -> RunResult {
        let parsed = ParsedBlock(source, firstLine: firstLine)
        guard parsed.diagnostics.isEmpty else {
            for diagnostic in parsed.diagnostics { sink.emit(.diagnostic(diagnostic)) }
            return RunResult(status: .failed, diagnostics: parsed.diagnostics)
        }
        let interpreter = Interpreter(session: self, sink: sink, limits: limits, source: source)
        interpreter.libraryNamesFirst = libraryNamesFirst
        var result = RunResult(status: .completed, diagnostics: [])
        onLargeStack {
            let previous = activeInterpreter
            activeInterpreter = interpreter
            defer { activeInterpreter = previous }
            do {
                try interpreter.run(parsed.statements)
            } catch let diagnostic as Diagnostic {
                result = RunResult(status: .failed, diagnostics: [diagnostic])
            } catch let interruption as Interruption {
                result = RunResult(status: interruption.status, diagnostics: [interruption.diagnostic])
            } catch {
                let location = SourceRange(at: SourceLocation(line: firstLine, column: 1, offset: 0))
                result = RunResult(status: .failed, diagnostics: [Diagnostic(.error, Messages.nativeFailure("\(error)"), at: location)])
            }
        }
        for diagnostic in result.diagnostics { sink.emit(.diagnostic(diagnostic)) }
        return result
    }

    /// The names the session's blocks defined at the top level that are also the library's
    /// (a student's own `expect`), sorted.
    public var shadowedLibraryNames: [String] {
        let library = Set(self.library.globalNames)
        return globals.visibleNames.filter { library.contains($0) }.sorted()
    }

    /// Every syntax error of a block, without running it (`labbook check`).
    public static func check(_ source: String, firstLine: Int = 1) -> [Diagnostic] {
        ParsedBlock(source, firstLine: firstLine).diagnostics
    }

    /// Evaluates one expression in the session, for an inline `` `{swift} expr` `` in prose.
    public func evaluate(_ expression: String, line: Int = 1, sink: OutputSink,
                         limits: ExecutionLimits = ExecutionLimits()) -> Result<Value, Diagnostic> {
        var lexer = Lexer(expression, firstLine: line)
        var parser = Parser(tokens: lexer.tokenize())
        let expr: Expr
        do {
            expr = try parser.expression()
            if !parser.check(.eof) {
                throw Diagnostic(.error, Messages.unexpected(parser.peek.kind), at: parser.peek.range)
            }
        } catch let diagnostic as Diagnostic {
            return .failure(lexer.diagnostics.first ?? diagnostic)
        } catch {
            return .failure(Diagnostic(.error, "\(error)", at: SourceRange(at: SourceLocation(line: line, column: 1, offset: 0))))
        }
        if let first = lexer.diagnostics.first ?? parser.diagnostics.first { return .failure(first) }
        let interpreter = Interpreter(session: self, sink: sink, limits: limits, source: expression)
        var result: Result<Value, Diagnostic> = .success(.void)
        onLargeStack {
            let previous = activeInterpreter
            activeInterpreter = interpreter
            defer { activeInterpreter = previous }
            do {
                result = .success(try interpreter.evaluate(expr, in: globals))
            } catch let diagnostic as Diagnostic {
                result = .failure(diagnostic)
            } catch let interruption as Interruption {
                result = .failure(interruption.diagnostic)
            } catch {
                result = .failure(Diagnostic(.error, Messages.nativeFailure("\(error)"), at: expr.range))
            }
        }
        return result
    }

    /// The value a block left in a global name.
    public func value(of name: String) -> Value? {
        globals.lookup(name)?.value
    }

    /// The names the blocks have defined so far, sorted (for saving a session's state).
    public var definedNames: [String] {
        globals.visibleNames.sorted()
    }

    /// Whether a global name was declared with `let`.
    public func isConstant(_ name: String) -> Bool? {
        globals.lookup(name)?.isConstant
    }

    /// Defines (or redefines) a global name, as a block's `let` or `var` would (for restoring
    /// a saved state, or for names the notebook layer provides).
    public func define(_ name: String, _ value: Value, isConstant: Bool) {
        globals.define(name, Variable(value, isConstant: isConstant))
    }

    /// Runs `body` on a thread with a large stack and waits for it; reentrant calls (a native
    /// function running an inline evaluation) run directly.
    private func onLargeStack(_ body: () -> Void) {
        if Thread.current.stackSize >= Self.stackSize {
            body()
            return
        }
        withoutActuallyEscaping(body) { body in
            let done = DispatchSemaphore(value: 0)
            let box = UncheckedBox(body)
            let thread = Thread {
                box.value?()
                // Release `body` before signalling: it must not outlive this call.
                box.value = nil
                done.signal()
            }
            thread.stackSize = Self.stackSize
            thread.start()
            done.wait()
        }
    }
}

/// Carries a non-Sendable closure to the thread that runs it while its caller waits.
private final class UncheckedBox<T>: @unchecked Sendable {
    var value: T?
    init(_ value: T) { self.value = value }
}

/// How a block ended.
public struct RunResult: Sendable {
    public enum Status: String, Sendable {
        case completed, failed, timedOut, cancelled
        /// The session's memory went past its budget (``ExecutionLimits/maximumMemory``).
        case outOfMemory
    }

    public var status: Status
    /// The error that ended the block, or every syntax error when it could not be parsed.
    public var diagnostics: [Diagnostic]
}
