import Foundation
import LabbookDiagnostics

/// What reading a notebook gives: the notebook (nil when the file could not be read at all) and
/// every diagnostic, sorted by position. Errors do not stop the reading: a notebook with a
/// duplicate label is still returned, so `check` can list every problem at once.
public struct NotebookReading: Sendable {
    /// The notebook's path as the user gave it.
    public var file: String
    public var notebook: Notebook?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The formatter for this notebook's diagnostics, quoting its lines.
    public func diagnosticFormatter() -> DiagnosticFormatter {
        DiagnosticFormatter(fileName: file, source: notebook?.source)
    }
}

/// Reads notebooks: file → text → front matter → cmark tree → parts, cells, questions.
public enum NotebookReader {
    /// The largest notebook read (the coursework is 60 KB).
    public static let maximumBytes = 16 << 20

    /// Reads the notebook at `path`. A missing file, a directory, a device, a file too large,
    /// an unreadable or non-UTF-8 file gives no notebook and one error; an empty file gives an
    /// empty notebook and a warning.
    public static func read(path: String) -> NotebookReading {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return NotebookReading(file: path, notebook: nil, diagnostics: [.error(Messages.noSuchFile(path))])
        }
        guard !isDirectory.boolValue else {
            return NotebookReading(file: path, notebook: nil, diagnostics: [.error(Messages.isDirectory(path))])
        }
        // A device or a FIFO would never end, or block: only regular files are notebooks.
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            return NotebookReading(file: path, notebook: nil, diagnostics: [.error(Messages.notRegularFile(path))])
        }
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else {
            return NotebookReading(file: path, notebook: nil, diagnostics: [.error(Messages.tooLarge(path, bytes: size, limit: maximumBytes))])
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return NotebookReading(file: path, notebook: nil, diagnostics: [.error(Messages.permissionDenied(path))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return NotebookReading(file: path, notebook: nil, diagnostics: [.error(Messages.unreadable(path))])
        }
        return read(data: data, file: path)
    }

    /// Reads a notebook from its bytes; `file` names it in diagnostics.
    public static func read(data: Data, file: String) -> NotebookReading {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let before = bytes[..<bad]
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            // Columns before the bad byte are whole characters (everything before it is valid).
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
            return NotebookReading(file: file, notebook: nil, diagnostics: [
                .error(Messages.notUTF8(byte: bytes[bad], offset: bad), line: line, column: column),
            ])
        }
        return parse(String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Reads a notebook from its text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) -> NotebookReading {
        var builder = NotebookBuilder(text: text, file: file)
        let notebook = builder.build()
        return NotebookReading(file: file, notebook: notebook, diagnostics: builder.diagnostics.sortedByPosition())
    }

    /// Every diagnostic of reading the notebook at `path` (front matter, fences, cell options,
    /// duplicate labels, questions), nothing run: what `labbook check` reports.
    public static func check(path: String) -> [Diagnostic] {
        read(path: path).diagnostics
    }

    /// The byte offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F  // no surrogates
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }
}
