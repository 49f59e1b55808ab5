/// Why a session's state could not be saved or restored.
public enum StateError: Error, Equatable, CustomStringConvertible {
    /// The state holds something that cannot be written (a closure over local variables, a
    /// native value without a codec); `name` is the global name that holds it.
    case unsaveable(name: String, reason: String)
    /// The bytes are not a state this build can read: truncated, corrupted, another format.
    case unreadable(String)

    public var description: String {
        switch self {
        case let .unsaveable(name, reason): return Messages.stateUnsaveable(name: name, reason: reason)
        case let .unreadable(reason): return reason
        }
    }
}
