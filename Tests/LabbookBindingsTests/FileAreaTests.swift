import Foundation
import LabbookBindings
import LabbookInterpreter
import Testing

/// The notebook's folder: relative paths resolve inside it; absolute paths, `..` out of it and
/// links out of it are refused; the data sets' folders may be read by absolute path.
struct FileAreaTests {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-area-\(UUID().uuidString)")
        .resolvingSymlinksInPath()
    var root: String { base.appendingPathComponent("files").path }

    func area() throws -> FileArea {
        try FileManager.default.createDirectory(at: base.appendingPathComponent("data"), withIntermediateDirectories: true)
        return FileArea(root: root, readableFolders: [base.appendingPathComponent("data").path])
    }

    func refusal(_ path: String, forWriting: Bool = true) throws -> String? {
        do {
            _ = try area().resolve(path, forWriting: forWriting)
            return nil
        } catch let error as NativeError {
            return error.message
        }
    }

    @Test func relativePathsResolveInsideAndTheirFoldersAreMade() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        let area = try area()
        #expect(try area.resolve("model.safetensors", forWriting: true) == root + "/model.safetensors")
        #expect(try area.resolve("./a/../b/./m.bin", forWriting: true) == root + "/b/m.bin")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: root + "/b", isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test func pathsThatLeaveAreRefused() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(try refusal("/etc/passwd") == "'/etc/passwd' is an absolute path; a notebook's files stay inside its folder "
                + "\(root): give a relative path such as 'model.safetensors'")
        #expect(try refusal("a/../../x") == "'a/../../x' leaves the notebook's folder \(root) through '..'; a notebook's "
                + "files stay inside it")
        #expect(try refusal("") == "the file name is empty")
        #expect(try refusal("a/..") == "'a/..' names the notebook's folder itself, not a file in it")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: base.path)
        #expect(try refusal("out/x") == "'out/x' leads out of the notebook's folder \(root) through a symbolic link; "
                + "a notebook's files stay inside it")
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("x").path))
        // A link that stays inside is fine.
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/alias", withDestinationPath: root + "/real")
        #expect(try refusal("alias/x") == nil)
    }

    @Test func theDataFoldersMayBeReadNotWritten() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        let data = base.appendingPathComponent("data/train.idx").path
        #expect(try refusal(data, forWriting: false) == nil)
        #expect(try refusal(data, forWriting: true)?.hasSuffix("give a relative path such as 'model.safetensors'") == true)
        #expect(try refusal(base.appendingPathComponent("elsewhere.idx").path, forWriting: false) != nil)
    }
}
