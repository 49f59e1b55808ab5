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

/// Where the state keeps large byte arrays (tensor elements), each stored once under a key
/// derived from its contents, so that a data set held by every block's state is written once.
public protocol StateBlobStore {
    /// Keeps `bytes` and returns the key under which ``load(_:)`` gives them back.
    func store(_ bytes: UnsafeRawBufferPointer) throws -> String
    /// The bytes kept under `key`; throws when they are missing or damaged.
    func load(_ key: String) throws -> [UInt8]
}
