import FuzzDriver
import LabbookInterpreter

/// One libFuzzer input: any bytes, read as a block's source, checked (lexer and parser), then
/// run with a small step limit and time limit. Any trap, leak or memory error is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Session.check(source)
    let session = Session()
    _ = session.run(source, sink: OutputBuffer(),
                    limits: ExecutionLimits(timeout: .milliseconds(200), maximumSteps: 20_000, maximumCollectionCount: 100_000))
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`; this one hands over to libFuzzer.
@_cdecl("ParserFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzOneInput)
}
