/// Writes a session's state as bytes: little-endian integers, doubles by bit pattern,
/// length-prefixed strings, shared objects once each (later references by number), and large
/// byte arrays through the ``StateBlobStore``. Bindings write their native values with it (see
/// ``NativeType/stateCodec(encode:decode:)``).
public struct StateWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    let blobs: StateBlobStore
    /// The session being saved (functions are checked against its globals and library).
    let session: Session
    /// The number of each object already written, by identity.
    private var objects: [ObjectIdentifier: Int] = [:]
    /// Objects written, kept alive so that their identifiers stay unique while writing.
    private var retained: [AnyObject] = []
    /// Blob keys by address and size: within one save nothing changes, so a tensor shared by
    /// several values is hashed once.
    private var blobKeys: [BlobAddress: String] = [:]
    /// The global name being written, for the message when something cannot be saved.
    var currentName = ""
    /// How deep the value being written is nested (bounded, so that no input exhausts the stack).
    var depth = 0

    struct BlobAddress: Hashable {
        let address: UnsafeRawPointer?
        let count: Int
    }

    init(blobs: StateBlobStore, session: Session) {
        self.blobs = blobs
        self.session = session
    }

    public mutating func write(_ value: UInt8) { bytes.append(value) }

    public mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    public mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    public mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    /// A Double by its bit pattern, so that NaN payloads and -0 come back as they were.
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    public mutating func write(_ value: String) {
        write(value.utf8.count)
        bytes += value.utf8
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ values: [Int]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Keeps `raw` in the blob store and writes its key.
    public mutating func writeBlob(_ raw: UnsafeRawBufferPointer) throws {
        let address = BlobAddress(address: raw.baseAddress, count: raw.count)
        if let key = blobKeys[address] {
            write(key)
            return
        }
        let key = try blobs.store(raw)
        blobKeys[address] = key
        write(key)
    }

    /// Writes an object shared by reference: its contents the first time (through `contents`),
    /// its number afterwards, so that reading gives back one object wherever it was referenced.
    public mutating func writeObject(_ object: AnyObject, contents: (inout StateWriter) throws -> Void) throws {
        let id = ObjectIdentifier(object)
        if let number = objects[id] {
            write(UInt8(1))
            write(number)
            return
        }
        objects[id] = objects.count
        retained.append(object)
        write(UInt8(0))
        try contents(&self)
    }

    /// Stops saving: `reason` says what cannot be saved; the message names the global name.
    public func unsaveable(_ reason: String) -> StateError {
        .unsaveable(name: currentName, reason: reason)
    }
}
