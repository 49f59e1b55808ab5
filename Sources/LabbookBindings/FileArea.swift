import Foundation
import LabbookInterpreter

/// The one folder whose files a notebook may write and read (`model.save`, `Sequential.load`,
/// `loadIDX`): the report's `files/` folder, or the folder the command line names. A relative
/// path resolves inside it; an absolute path, a `..` that leaves it, or a symbolic link that
/// points out of it is an error at the call's line. The data sets' folders may also be read.
public struct FileArea: Sendable {
    /// The folder, absolute, as the user named it (for messages).
    public let root: String
    /// Folders that may be read from by absolute path as well (the data sets' search path).
    public let readableFolders: [String]

    public init(root: String, readableFolders: [String] = []) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.readableFolders = readableFolders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The absolute path a notebook's `path` stands for, creating the folders it needs when
    /// `forWriting`.
    public func resolve(_ path: String, forWriting: Bool) throws -> String {
        guard !path.isEmpty else { throw NativeError(BindingMessages.emptyPath) }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            let readable = !forWriting && readableFolders.contains { Self.isInside(Self.real(path), Self.real($0)) }
            guard readable else { throw NativeError(BindingMessages.absolutePath(path, root: root)) }
            return path
        }
        var components: [String] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { throw NativeError(BindingMessages.leavesArea(path, root: root)) }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        guard !components.isEmpty else { throw NativeError(BindingMessages.notAFile(path)) }
        let resolved = ([root] + components).joined(separator: "/")
        if forWriting { try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        // The deepest existing part of the path, symbolic links followed, must still be inside.
        guard Self.isInside(Self.real(resolved), Self.real(root)) else {
            throw NativeError(BindingMessages.linkLeavesArea(path, root: root))
        }
        if forWriting {
            try? FileManager.default.createDirectory(atPath: (resolved as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
        }
        return resolved
    }

    /// `path` with every symbolic link of its deepest existing ancestor (or itself) resolved.
    static func real(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", !exists(existing) && !isLink(existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let resolved = realpath(existing, nil) else { return path }
        defer { free(resolved) }
        return ([String(cString: resolved)] + rest).joined(separator: "/")
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    private static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeSymbolicLink
    }
}
