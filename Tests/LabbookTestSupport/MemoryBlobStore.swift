import LabbookInterpreter

/// Blobs kept in memory, numbered in the order they were stored, for the tests of saved states. It does not share equal blobs; ``StateWriter`` already
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
