import LabbookNotebook

/// Every message of the block cache, in one voice: what happened to which file, and what the
/// render does instead. Each is one line.
enum CacheMessages {
    static func unreadable(_ path: String, _ reason: String) -> String { "\(path) cannot be read (\(reason)); ignoring it" }
    static func otherFormat(_ path: String, _ format: Int) -> String { "\(path) is of another format (\(format)); ignoring it" }
    static func notWritten(_ error: Error) -> String {
        "the block cache could not be written (\(SystemErrorText.describe(error))); the next render runs every block"
    }
    static func stateUnreadable(_ path: String, label: String, _ reason: String) -> String {
        "the state saved after block '\(label)' (\(path)) cannot be restored: \(reason); ignoring it"
    }
    static func stateUnsaveable(label: String, _ reason: String) -> String {
        "the state after block '\(label)' cannot be saved (\(reason)); an edit below it re-runs from an earlier block"
    }
    static func stateNotWritten(label: String, _ error: Error) -> String {
        "the state after block '\(label)' could not be written (\(SystemErrorText.describe(error)))"
    }
    static func restarted(after label: String, replayed: Int) -> String {
        "restarted after block '\(label)' from its saved state (\(replayed) block\(replayed == 1 ? "" : "s") replayed from the cache)"
    }
    static func blobMissing(_ key: String) -> String { "its tensor data \(key.prefix(12))… is missing" }
    static func blobDamaged(_ key: String) -> String { "its tensor data \(key.prefix(12))… is damaged" }
}
