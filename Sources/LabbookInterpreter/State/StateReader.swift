/// Reads what a ``StateWriter`` wrote. Every read is checked: reading past the end, a count
/// larger than the bytes left, invalid UTF-8 or an unknown object number throws
/// ``StateError/unreadable(_:)``, so that damaged bytes are reported, never trusted.
public struct StateReader {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    let blobs: StateBlobStore
    /// Objects read so far, by number (nil while its contents are being read).
    private var objects: [AnyObject?] = []
    /// Checks run once everything is read (see ``afterReading(_:)``).
    private(set) var finalChecks: [() throws -> Void] = []
    /// The session being restored (functions are re-declared in it).
    let session: Session?
    var depth = 0

    init(bytes: [UInt8], from start: Int = 0, to end: Int? = nil, blobs: StateBlobStore, session: Session?) {
        self.bytes = bytes
        position = start
        self.end = end ?? bytes.count
        self.blobs = blobs
        self.session = session
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position == end }

    /// An error saying that the state is damaged.
    public func damaged(_ what: String) -> StateError {
        .unreadable(Messages.stateDamaged(what, at: position))
    }

    public mutating func readByte() throws -> UInt8 {
        guard position < end else { throw damaged("it ends too early") }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func readUInt64() throws -> UInt64 {
        guard end - position >= 8 else { throw damaged("it ends too early") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return value
    }

    public mutating func readInt() throws -> Int { Int(Int64(bitPattern: try readUInt64())) }

    public mutating func readBool() throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let byte: throw damaged("\(byte) is not a Bool")
        }
    }

    public mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    /// A count of things that each take at least `size` bytes: never more than the bytes left,
    /// so that a damaged count cannot make a huge allocation.
    public mutating func readCount(elementSize size: Int = 1) throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= (end - position) / max(1, size) else { throw damaged("a count of \(count) is impossible") }
        return count
    }

    public mutating func readString() throws -> String {
        let count = try readCount()
        defer { position += count }
        guard let text = String(validating: bytes[position..<position + count], as: UTF8.self) else {
            throw damaged("a string is not UTF-8")
        }
        return text
    }

    public mutating func readOptionalString() throws -> String? {
        try readBool() ? try readString() : nil
    }

    public mutating func readInts() throws -> [Int] {
        try (0..<readCount(elementSize: 8)).map { _ in try readInt() }
    }

    /// The bytes of a blob written by ``StateWriter/writeBlob(_:)``.
    public mutating func readBlob() throws -> [UInt8] {
        let key = try readString()
        do {
            return try blobs.load(key)
        } catch let error as StateError {
            throw error
        } catch {
            throw StateError.unreadable(Messages.stateBlobMissing(key, "\(error)"))
        }
    }

    /// Reads an object written by ``StateWriter/writeObject(_:contents:)``: `contents` makes it
    /// the first time; a later reference gives back the same object.
    public mutating func readObject<T>(_ type: T.Type, contents: (inout StateReader) throws -> T) throws -> T {
        switch try readByte() {
        case 0:
            // Numbered before its contents, as the writer numbers it.
            let number = objects.count
            objects.append(nil)
            let object = try contents(&self)
            objects[number] = object as AnyObject
            return object
        case 1:
            let number = try readInt()
            guard objects.indices.contains(number), let object = objects[number].flatMap({ $0 as? T }) else {
                throw damaged("object \(number) is not a \(T.self)")
            }
            return object
        case let byte:
            throw damaged("\(byte) is not an object marker")
        }
    }

    /// Runs `check` once the whole state is read, when every object exists (a layer checks
    /// that a model rebuilt its weights).
    public mutating func afterReading(_ check: @escaping () throws -> Void) {
        finalChecks.append(check)
    }
}
