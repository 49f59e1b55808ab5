import Foundation

/// A fresh temporary folder.
public func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `directory` (hidden ones included) with its bytes, by relative path.
public func snapshot(_ directory: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let e = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    for case let url as URL in e {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
        files[relative] = FileManager.default.contents(atPath: url.path)
    }
    return files
}

/// The folder of the test file that calls this (for its golden files and notebooks).
public func testsDirectory(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent()
}

/// The repository's root folder (for the notebooks, templates and committed reports).
public let repositoryDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Whether the golden files are to be rewritten (`LABBOOK_UPDATE_GOLDEN=1`) instead of compared.
public var updatingGolden: Bool { ProcessInfo.processInfo.environment["LABBOOK_UPDATE_GOLDEN"] == "1" }
