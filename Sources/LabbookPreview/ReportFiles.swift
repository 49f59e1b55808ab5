import Foundation

/// The files `preview` may serve: the regular files inside the report folder and nothing else.
/// A request path is percent-decoded once and refused (nil, a 404) when any part of it is
/// empty, `.`, `..` or hidden (the cache's `.labbook/`), when it holds a backslash or a NUL,
/// when it names a folder (there is no listing), or when, symbolic links resolved, it lands
/// outside the folder. `/` is `index.html`.
struct ReportFiles: Sendable {
    /// The report folder, its symbolic links resolved.
    let root: String

    init(folder: String) {
        root = ReportFiles.resolved(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    /// The file a request for `requestPath` (the URL's path, still percent-encoded) serves.
    func file(for requestPath: String) -> String? {
        guard requestPath.hasPrefix("/"), let decoded = requestPath.removingPercentEncoding,
              !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
        let relative = decoded == "/" ? "index.html" : String(decoded.dropFirst())
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return nil }
        guard let real = ReportFiles.resolved(root + "/" + relative), real.hasPrefix(root + "/") else { return nil }
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return real
    }

    /// `path` with every symbolic link resolved; nil when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The `Content-Type` of a file served.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "png": return "image/png"
        case "json": return "application/json"
        case "md": return "text/markdown; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "csv": return "text/csv; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
