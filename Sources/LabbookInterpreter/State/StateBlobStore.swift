/// Where the state keeps large byte arrays (tensor elements), each stored once under a key
/// derived from its contents, so that a data set held by every block's state is written once.
public protocol StateBlobStore {
    /// Keeps `bytes` and returns the key under which ``load(_:)`` gives them back.
    func store(_ bytes: UnsafeRawBufferPointer) throws -> String
    /// The bytes kept under `key`; throws when they are missing or damaged.
    func load(_ key: String) throws -> [UInt8]
}

/// Blobs kept in memory, numbered in the order they were stored: for a state that is not
/// written to disk (and for tests). It does not share equal blobs; ``StateWriter`` already
/// stores a tensor shared by several values once per save.
public final class MemoryBlobStore: StateBlobStore {
    public private(set) var blobs: [[UInt8]] = []

    public init() {}

    public func store(_ bytes: UnsafeRawBufferPointer) throws -> String {
        blobs.append(Array(bytes))
        return "\(blobs.count - 1)"
    }

    public func load(_ key: String) throws -> [UInt8] {
        guard let index = Int(key), blobs.indices.contains(index) else { throw StateError.unreadable("there is no blob \(key)") }
        return blobs[index]
    }
}
