import LabbookReport
import Foundation
import LabbookEngine
import LabbookNotebook

/// The results of a notebook's blocks kept in `output/NAME/.cache/`, so that re-rendering
/// replays unchanged blocks instead of running them.
///
/// Each block's key is the SHA-256 of the key of the block before it, the front matter, the
/// seed, the engine's version and the block's source with its options: a change to a block
/// changes its key and every later one. Inline values in prose are kept under the key of the
/// block before them and their expression. A block's data files are recorded with their
/// SHA-256 and checked again before replaying. `blocks.json` holds every block's outputs;
/// ``StateCache`` holds the interpreter state after each block.
///
/// When nothing changed, every output is replayed and nothing runs. When block k changed (or
/// an inline value after it, or it has `cache: false`), the blocks before it are replayed and
/// the notebook restarts from the state saved after the last of them that has one: a block
/// whose state could not be saved (a closure over local variables in scope) is not a restart
/// point, and a state that cannot be read is reported and the one before it tried. With no
/// usable state the notebook runs from its first block.
public struct BlockCache {
    /// The file format; a cache of another format is ignored.
    static let format = 3

    struct File: Codable {
        var format: Int
        var engine: String
        var blocks: [String: Block]
        var inline: [String: String]
        var dataFiles: [CachedDataFile]
        /// The blocks whose state after them is saved, by key, with the blobs each uses.
        var states: [String: [String]]
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

    /// The folder of the cache of the report in `directory`.
    static func directory(forReport directory: String) -> String {
        (directory as NSString).appendingPathComponent(".cache")
    }

    /// Where the cache's `blocks.json` of the report in `directory` lives.
    static func path(forReport directory: String) -> String {
        (self.directory(forReport: directory) as NSString).appendingPathComponent("blocks.json")
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

    /// The unchanged beginning of a notebook that changed further on.
    struct Restart {
        /// A block after which the notebook can restart: its part index, label and key.
        struct Point {
            var part: Int
            var label: String
            var key: String
        }

        /// The cached results of the unchanged blocks, by label, with their part index.
        var runs: [String: (part: Int, run: CellRun)]
        /// The cached inline values before the first change, with their part index.
        var inline: [SourcePosition: (part: Int, value: String)]
        /// Blocks with a saved state, the latest first.
        var points: [Point]

        /// The results of the parts up to `point`'s block.
        func replayed(through point: Point) -> (runs: [String: CellRun], inline: [SourcePosition: String]) {
            (runs.filter { $0.value.part <= point.part }.mapValues(\.run),
             inline.filter { $0.value.part <= point.part }.mapValues(\.value))
        }
    }

    /// Inline expressions new to the cache in prose whose blocks are all unchanged: they are
    /// evaluated in the session as the block before them left it (restored from its state), and
    /// no block runs.
    struct PendingInline {
        /// The key and label of the block before them; nil before every block (a fresh session).
        var block: (key: String, label: String)?
        var expressions: [InlineExpression]
    }

    /// What a look-up found.
    enum Lookup {
        /// Every block unchanged: the notebook need not run. `pending` lists the inline
        /// expressions (of edited prose) still to evaluate; `dataFiles`, what the cached run read.
        case replay(runs: [String: CellRun], inline: [SourcePosition: String], dataFiles: [CachedDataFile], pending: [PendingInline])
        /// Something changed after some unchanged blocks whose states are saved.
        case restart(Restart)
        /// Something changed in the first block, or nothing usable was cached: the notebook runs.
        case miss
        /// The cache file is damaged or not a cache; it is ignored (and replaced).
        case unreadable(String)
    }

    /// Looks up every block and inline value of `notebook` in the cache of `directory`.
    static func lookUp(_ notebook: Notebook, seed: Int, directory: String) -> Lookup {
        let file: File
        switch read(directory: directory) {
        case .success(let read)?: file = read
        case .failure(let failure)?: return .unreadable(failure.reason)
        case nil: return .miss
        }
        guard file.engine == EngineInfo.version else { return .miss }
        for dataFile in file.dataFiles {
            guard let bytes = FileManager.default.contents(atPath: dataFile.path), sha256Hex(bytes) == dataFile.sha256 else {
                return .miss
            }
        }
        let (keys, beforePart) = keys(for: notebook, seed: seed)
        var restart = Restart(runs: [:], inline: [:], points: [])
        var unchanged = true
        var pending: [PendingInline] = []
        // The block before the current part, and whether its state is saved.
        var previous: (key: String, label: String, saved: Bool)?
        // The first part whose inline values are missing: where a restart would begin.
        var firstMissing: Int?
        partLoop: for (index, part) in notebook.parts.enumerated() {
            unchanged = false
            switch part {
            case .cell(let cell):
                guard cell.options.eval else { continue }
                guard cell.options.cache, let key = keys[cell.label], let block = file.blocks[cell.label], block.key == key else {
                    break partLoop
                }
                var run = block.run
                run.cached = true
                restart.runs[cell.label] = (index, run)
                previous = (key, cell.label, file.states[key] != nil)
                if firstMissing == nil, file.states[key] != nil {
                    restart.points.insert(Restart.Point(part: index, label: cell.label, key: key), at: 0)
                }
            case .prose(let prose):
                var missing: [InlineExpression] = []
                for expression in prose.inlineExpressions {
                    if let value = file.inline[inlineKey(expression, before: beforePart[index])] {
                        restart.inline[expression.position] = (index, value)
                    } else {
                        missing.append(expression)
                    }
                }
                if !missing.isEmpty {
                    firstMissing = firstMissing ?? index
                    // Without the state after the block before them, they cannot be evaluated alone.
                    if let previous, !previous.saved { break partLoop }
                    pending.append(PendingInline(block: previous.map { ($0.key, $0.label) }, expressions: missing))
                }
            }
            unchanged = true
        }
        if unchanged {
            return .replay(runs: restart.runs.mapValues(\.run), inline: restart.inline.mapValues(\.value),
                           dataFiles: file.dataFiles, pending: pending)
        }
        if let firstMissing { restart.inline = restart.inline.filter { $0.value.part < firstMissing } }
        return restart.points.isEmpty ? .miss : .restart(restart)
    }

    /// Adds inline values (by expression, after the block whose key is given, nil before every
    /// block) to the cache of `directory`, leaving everything else as it was.
    static func addInline(_ values: [(expression: InlineExpression, blockKey: String?, value: String)], notebook: Notebook,
                          seed: Int, directory: String) throws {
        guard case .success(var file)? = read(directory: directory) else { return }
        let start = keys(for: notebook, seed: seed).beforePart.first ?? ""
        for (expression, blockKey, value) in values {
            file.inline[inlineKey(expression, before: blockKey ?? start)] = value
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try encoder.encode(file).write(to: URL(fileURLWithPath: path(forReport: directory)), options: .atomic)
    }

    /// The states listed in the cache of `directory` (none when it cannot be read).
    static func savedStates(directory: String) -> [String: [String]] {
        guard case .success(let file)? = read(directory: directory) else { return [:] }
        return file.states
    }

    /// The cache file of `directory`: nil when there is none, a failure (one line) when it
    /// cannot be read or is of another format.
    private static func read(directory: String) -> Result<File, Failure>? {
        let path = path(forReport: directory)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        if let version = try? JSONDecoder().decode(Version.self, from: data), version.format != format {
            return .failure(Failure(CacheMessages.otherFormat(path, version.format)))
        }
        do {
            return .success(try JSONDecoder().decode(File.self, from: data))
        } catch {
            let reason = error is DecodingError ? "it is damaged or not a labbook cache" : SystemErrorText.describe(error)
            return .failure(Failure(CacheMessages.unreadable(path, reason)))
        }
    }

    private struct Version: Codable { var format: Int }

    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Keeps a report's block results for the next render (written atomically), with the
    /// states `states` lists (block key → blobs); removes the states and blobs not listed.
    static func save(_ report: Report, notebook: Notebook, seed: Int, dataFiles: [CheckedFile], states: [String: [String]],
                     stateCache: StateCache, directory: String) throws {
        let (keys, beforePart) = keys(for: notebook, seed: seed)
        var blocks: [String: Block] = [:]
        // Only what ran to completion is replayed later: an interrupted or timed-out block (and
        // every block after it, which did not run) runs again next time.
        for cell in report.cells where [.ok, .error, .expectedError].contains(cell.status) {
            guard let key = keys[cell.label] else { continue }
            blocks[cell.label] = Block(key: key, run: CellRun(status: cell.status, seconds: cell.seconds, cached: false,
                                                              outputs: cell.outputs))
        }
        var inline: [String: String] = [:]
        for (index, part) in notebook.parts.enumerated() {
            guard case .prose(let prose) = part else { continue }
            for expression in prose.inlineExpressions {
                // A failed inline value is not kept: the next render evaluates and reports it again.
                if let value = report.inlineValues[expression.position], !report.failedInline.contains(expression.position) {
                    inline[inlineKey(expression, before: beforePart[index])] = value
                }
            }
        }
        let kept = states.filter { Set(keys.values).contains($0.key) }
        let file = File(format: format, engine: EngineInfo.version, blocks: blocks, inline: inline,
                        dataFiles: dataFiles.map { CachedDataFile(name: $0.name, path: $0.path, sha256: $0.sha256) },
                        states: kept)
        let path = path(forReport: directory)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try encoder.encode(file).write(to: URL(fileURLWithPath: path), options: .atomic)
        stateCache.removeAll(except: kept)
    }

    private static func frontMatterText(_ notebook: Notebook) -> String {
        let lines = notebook.source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let range = notebook.frontMatter.lines else { return "" }
        return lines[max(0, range.lowerBound - 1)..<min(lines.count, range.upperBound)].joined(separator: "\n")
    }

    static func sha256(_ text: String) -> String { sha256Hex(Array(text.utf8)) }
}
