import Crypto
import Foundation
import LabbookEngine
import LabbookNotebook

/// The results of a notebook's blocks kept in `output/NAME/.cache/`, so that re-rendering a
/// notebook whose blocks did not change replays every output without running anything.
///
/// Each block's key is the SHA-256 of the key of the block before it, the front matter, the
/// seed, the engine's version and the block's source with its options: a change to a block
/// changes its key and every later one. Inline values in prose are kept under the key of the
/// block before them and their expression. A block's data files are recorded with their
/// SHA-256 and checked again before replaying. Replay is all or nothing: when any block or
/// inline value is missing or stale, the whole notebook runs again (restarting from the state
/// after the last unchanged block needs the interpreter's state saved, which is not yet done).
public struct BlockCache {
    /// The file format; a cache of another format is ignored.
    static let format = 1

    struct File: Codable {
        var format: Int
        var engine: String
        var blocks: [String: Block]
        var inline: [String: String]
        var dataFiles: [CachedDataFile]
    }

    struct Block: Codable {
        var key: String
        var run: CellRun
    }

    struct CachedDataFile: Codable, Equatable {
        var name: String
        var path: String
        var sha256: String
    }

    /// Where the cache of the report in `directory` lives.
    static func path(forReport directory: String) -> String {
        ((directory as NSString).appendingPathComponent(".cache") as NSString).appendingPathComponent("blocks.json")
    }

    /// Each evaluated block's key, in order, and the key of the block before each part.
    static func keys(for notebook: Notebook, seed: Int) -> (blocks: [String: String], beforePart: [String]) {
        var previous = sha256("labbook \(EngineInfo.version)\nseed \(seed)\n" + frontMatterText(notebook))
        var blocks: [String: String] = [:]
        var beforePart: [String] = []
        for part in notebook.parts {
            beforePart.append(previous)
            if case .cell(let cell) = part, cell.options.eval {
                previous = sha256(previous + "\n" + cell.source)
                blocks[cell.label] = previous
            }
        }
        return (blocks, beforePart)
    }

    /// The key of an inline expression after the block whose key is `key`.
    static func inlineKey(_ expression: InlineExpression, before key: String) -> String {
        sha256(key + "\n" + expression.code)
    }

    /// What a look-up found.
    enum Lookup {
        /// Every block and inline value, unchanged: the notebook need not run.
        case replay(runs: [String: CellRun], inline: [SourcePosition: String], dataFiles: [DataFile])
        /// Something changed, or nothing was cached: the notebook runs.
        case miss
        /// The cache file is damaged or not a cache; it is ignored (and replaced).
        case unreadable(String)
    }

    /// Looks up every block and inline value of `notebook` in the cache of `directory`.
    static func lookUp(_ notebook: Notebook, seed: Int, directory: String) -> Lookup {
        let path = path(forReport: directory)
        guard let data = FileManager.default.contents(atPath: path) else { return .miss }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            return .unreadable("\(path) cannot be read (\(error.localizedDescription)); ignoring it")
        }
        guard file.format == format else { return .unreadable("\(path) is of another format (\(file.format)); ignoring it") }
        guard file.engine == EngineInfo.version else { return .miss }
        let (keys, beforePart) = keys(for: notebook, seed: seed)
        var runs: [String: CellRun] = [:]
        var inline: [SourcePosition: String] = [:]
        for (index, part) in notebook.parts.enumerated() {
            switch part {
            case .cell(let cell):
                guard cell.options.eval else { continue }
                guard cell.options.cache, let block = file.blocks[cell.label], block.key == keys[cell.label] else { return .miss }
                var run = block.run
                run.cached = true
                runs[cell.label] = run
            case .prose(let prose):
                for expression in prose.inlineExpressions {
                    guard let value = file.inline[inlineKey(expression, before: beforePart[index])] else { return .miss }
                    inline[expression.position] = value
                }
            }
        }
        for dataFile in file.dataFiles {
            guard let bytes = FileManager.default.contents(atPath: dataFile.path), sha256(bytes) == dataFile.sha256 else {
                return .miss
            }
        }
        return .replay(runs: runs, inline: inline, dataFiles: file.dataFiles.map { DataFile(name: $0.name, sha256: $0.sha256) })
    }

    /// Keeps a report's block results for the next render (written atomically).
    static func save(_ report: Report, notebook: Notebook, seed: Int, dataFiles: [CheckedFile], directory: String) throws {
        let (keys, beforePart) = keys(for: notebook, seed: seed)
        var blocks: [String: Block] = [:]
        for cell in report.cells {
            guard let key = keys[cell.label], cell.status != .skipped else { continue }
            blocks[cell.label] = Block(key: key, run: CellRun(status: cell.status, seconds: cell.seconds, cached: false,
                                                              outputs: cell.outputs))
        }
        var inline: [String: String] = [:]
        for (index, part) in notebook.parts.enumerated() {
            guard case .prose(let prose) = part else { continue }
            for expression in prose.inlineExpressions {
                if let value = report.inlineValues[expression.position] {
                    inline[inlineKey(expression, before: beforePart[index])] = value
                }
            }
        }
        let file = File(format: format, engine: EngineInfo.version, blocks: blocks, inline: inline,
                        dataFiles: dataFiles.map { CachedDataFile(name: $0.name, path: $0.path, sha256: $0.sha256) })
        let path = path(forReport: directory)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try encoder.encode(file).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func frontMatterText(_ notebook: Notebook) -> String {
        let lines = notebook.source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let range = notebook.frontMatter.lines else { return "" }
        return lines[max(0, range.lowerBound - 1)..<min(lines.count, range.upperBound)].joined(separator: "\n")
    }

    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
