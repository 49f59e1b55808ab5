/// The run layer's own messages (the cache's are in ``CacheMessages``).
enum RunMessages {
    /// An output the bindings made that the report has no place for.
    static func cannotShow(_ kind: String) -> String { "labbook cannot show a \(kind) in a report" }
}
