import Foundation
import LabbookInterpreter
import LabbookNotebook

/// The interpreter states saved after each block, in `.cache/states/KEY.state` (KEY is the
/// block's cache key), their tensors in `.cache/blobs/` (see ``BlobStore``). A render whose
/// notebook changed at block k restores the state saved after the last unchanged block before
/// it and runs only from there.
final class StateCache {
    let directory: String
    let blobs: BlobStore
    /// The blobs of each state saved during this render, by block key.
    private(set) var saved: [String: [String]] = [:]
    /// What went wrong while saving, one line each ("note: ..." or "warning: ...").
    private(set) var messages: [String] = []
    /// Whether the last block's state could not be saved: a closure stays in scope for many
    /// blocks, and is reported once.
    private var unsaveable = false

    /// The states of the report in `reportDirectory`.
    init(reportDirectory: String) {
        directory = BlockCache.directory(forReport: reportDirectory)
        blobs = BlobStore(directory: (directory as NSString).appendingPathComponent("blobs"))
    }

    func path(forKey key: String) -> String {
        ((directory as NSString).appendingPathComponent("states") as NSString).appendingPathComponent(key + ".state")
    }

    /// Saves the state `session` is in after `cell`, whose key is `key`.
    func save(_ session: Session, after cell: Cell, key: String) {
        blobs.startRecording()
        do {
            let bytes = try session.saveState(blobs: blobs)
            let path = path(forKey: key)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            saved[key] = blobs.recorded.sorted()
            unsaveable = false
        } catch StateError.unsaveable(let name, let reason) {
            if !unsaveable {
                messages.append("note: " + CacheMessages.stateUnsaveable(label: cell.label, "\(StateError.unsaveable(name: name, reason: reason))"))
            }
            unsaveable = true
        } catch {
            messages.append("warning: " + CacheMessages.stateNotWritten(label: cell.label, error))
        }
    }

    /// Restores the state saved under `key` into `session` (a new one).
    ///
    /// - Throws: a one-line reason when the file is missing, truncated, damaged, of another
    ///   format, or its tensors are.
    func restore(into session: Session, key: String) throws {
        let path = path(forKey: key)
        guard let data = FileManager.default.contents(atPath: path) else { throw StateError.unreadable("it is missing") }
        try session.restoreState([UInt8](data), blobs: blobs)
    }

    /// Deletes every state not in `kept` and every blob none of them uses.
    func removeAll(except kept: [String: [String]]) {
        let folder = (directory as NSString).appendingPathComponent("states")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where kept[(name as NSString).deletingPathExtension] == nil {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
        blobs.removeAll(except: Set(kept.values.joined()))
    }
}
