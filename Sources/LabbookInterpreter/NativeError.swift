/// An error a native function (a binding) throws to report a problem in student terms; the
/// interpreter turns it (and any other `Error`) into a ``Diagnostic`` located at the call.
public struct NativeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var help: String?

    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    public var description: String { message }
}
