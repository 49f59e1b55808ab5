import Foundation
import LabbookEngine
import LabbookInterpreter

/// The large byte arrays of saved states (tensor elements), each kept once in
/// `.cache/blobs/SHA256.bin` however many states hold it: the training images are written once,
/// not once per block. Reading checks the bytes against their name; a damaged blob is deleted
/// (so that the next save writes it again) and reported.
final class BlobStore: StateBlobStore {
    let directory: String
    /// The keys stored or found since the last ``startRecording()``: the blobs one state uses.
    private(set) var recorded: Set<String> = []
    /// The blobs whose file was checked (or written) by this store: each is read once per render.
    private var verified: Set<String> = []

    init(directory: String) {
        self.directory = directory
    }

    func startRecording() { recorded = [] }

    func store(_ bytes: UnsafeRawBufferPointer) throws -> String {
        let key = sha256Hex(bytes)
        recorded.insert(key)
        // A file already there is trusted once it has been read back whole (it may have been
        // damaged since it was written).
        if verified.contains(key) || (try? load(key)) != nil { return key }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path(key)), options: .atomic)
        verified.insert(key)
        return key
    }

    func load(_ key: String) throws -> [UInt8] {
        let path = self.path(key)
        guard key.count == 64, key.allSatisfy(\.isHexDigit), let data = FileManager.default.contents(atPath: path) else {
            throw StateError.unreadable(CacheMessages.blobMissing(key))
        }
        let bytes = [UInt8](data)
        guard sha256Hex(bytes) == key else {
            try? FileManager.default.removeItem(atPath: path)
            throw StateError.unreadable(CacheMessages.blobDamaged(key))
        }
        verified.insert(key)
        return bytes
    }

    /// Deletes every blob not in `kept`.
    func removeAll(except kept: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where !kept.contains((name as NSString).deletingPathExtension) {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    private func path(_ key: String) -> String {
        (directory as NSString).appendingPathComponent(key + ".bin")
    }
}
