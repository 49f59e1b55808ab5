/// Where the state keeps large byte arrays (tensor elements), each stored once under a key
/// derived from its contents, so that a data set held by every block's state is written once.
public protocol StateBlobStore {
    /// Keeps `bytes` and returns the key under which ``load(_:)`` gives them back.
    func store(_ bytes: UnsafeRawBufferPointer) throws -> String
    /// The bytes kept under `key`; throws when they are missing or damaged.
    func load(_ key: String) throws -> [UInt8]
}
