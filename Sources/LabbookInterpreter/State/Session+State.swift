/// A session's state as bytes, so that a notebook can restart after an unchanged block
/// instead of from its first block:
///
///     8 bytes   "LBSTATE" and a zero byte
///     8 bytes   the format version (``Session/stateFormat``), little-endian
///     parts     for each state part the library registered, its name and contents
///     names     their count, then each global name: the name, `let` or `var`, its annotation,
///               its value (see `Value+State.swift`)
///     8 bytes   FNV-1a of every byte before, so that a damaged file is noticed
///
/// Large byte arrays (tensor elements) are kept in the ``StateBlobStore`` and referenced by key.
extension Session {
    /// The version of the format written; a state of another version is not read.
    public static let stateFormat = 2
    static let stateMagic = Array("LBSTATE\u{0}".utf8)

    /// The state of every global name and of the library's state parts.
    ///
    /// - Throws: ``StateError/unsaveable(name:reason:)`` naming the first global that cannot be
    ///   saved (a closure over local variables, a native value without a codec).
    public func saveState(blobs: StateBlobStore) throws -> [UInt8] {
        var writer = StateWriter(blobs: blobs, session: self)
        for byte in Self.stateMagic { writer.write(byte) }
        writer.write(Self.stateFormat)
        writer.write(library.stateParts.count)
        for part in library.stateParts {
            writer.currentName = part.name
            writer.write(part.name)
            try part.save(&writer)
        }
        let names = definedNames
        writer.write(names.count)
        for name in names {
            guard let variable = globals.lookup(name) else { continue }
            writer.currentName = name
            writer.write(name)
            writer.write(variable.isConstant)
            writer.write(variable.type)
            try writer.write(variable.value)
        }
        var bytes = writer.bytes
        withUnsafeBytes(of: Self.checksum(bytes[...]).littleEndian) { bytes += $0 }
        return bytes
    }

    /// Restores a state written by ``saveState(blobs:)`` into this session, which should be
    /// new: its library's state parts and every global name.
    ///
    /// - Throws: ``StateError/unreadable(_:)`` when the bytes are truncated, damaged, of another
    ///   format version or written by a library with other state parts. The session may then
    ///   be partly restored: use a new one.
    public func restoreState(_ bytes: [UInt8], blobs: StateBlobStore) throws {
        let magic = Self.stateMagic
        guard bytes.count >= magic.count + 16, Array(bytes[0..<magic.count]) == magic else {
            throw StateError.unreadable(Messages.stateNotAState)
        }
        var reader = StateReader(bytes: bytes, from: magic.count, to: bytes.count - 8, blobs: blobs, session: self)
        let version = try reader.readInt()
        guard version == Self.stateFormat else { throw StateError.unreadable(Messages.stateOtherFormat(version, Self.stateFormat)) }
        var trailer = StateReader(bytes: bytes, from: bytes.count - 8, blobs: blobs, session: nil)
        guard try trailer.readUInt64() == Self.checksum(bytes[..<(bytes.count - 8)]) else {
            throw StateError.unreadable(Messages.stateChecksum)
        }
        let parts = try reader.readCount()
        guard parts == library.stateParts.count else { throw reader.damaged("it has \(parts) state parts, not \(library.stateParts.count)") }
        for part in library.stateParts {
            let name = try reader.readString()
            guard name == part.name else { throw reader.damaged("state part '\(name)' is not '\(part.name)'") }
            try part.restore(&reader)
        }
        var variables: [(String, Variable)] = []
        for _ in 0..<(try reader.readCount()) {
            let name = try reader.readString()
            let isConstant = try reader.readBool()
            let type = try reader.readTypeSpec()
            variables.append((name, Variable(try reader.readValue(), isConstant: isConstant, type: type)))
        }
        guard reader.isAtEnd else { throw reader.damaged("bytes follow the last name") }
        for check in reader.finalChecks { try check() }
        for (name, variable) in variables { globals.define(name, variable) }
    }

    /// FNV-1a, 64 bits.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
