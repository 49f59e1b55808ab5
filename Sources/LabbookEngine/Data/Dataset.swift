import Crypto
import Foundation

/// The training and test sets, shaped for `let ((x, y), (xTest, yTest)) = try FashionMNIST.loadData()`.
public typealias DatasetSplits = (train: (images: Tensor, labels: Tensor), test: (images: Tensor, labels: Tensor))

/// One file of an IDX data set: its name without `.gz`, its shape, and the published checksums.
public struct DatasetFile: Sendable, Equatable {
    /// `train-images-idx3-ubyte`; the file on disk is this name with or without `.gz`.
    public let name: String
    /// The shape of the tensor it holds.
    public let shape: [Int]
    /// The SHA-256 (lowercase hex) of the published `.gz` file, if known.
    public let gzipSHA256: String?
    /// The SHA-256 of the same file inflated, if known.
    public let plainSHA256: String?
}

/// A data set made of four IDX files (training images and labels, test images and labels), and
/// where to look for them.
public struct DatasetDescription: Sendable {
    /// "Fashion-MNIST", as messages name it.
    public let name: String
    /// "fashion-mnist", the name of the folder that holds the files.
    public let folderName: String
    /// The command that installs the files, for the not-found message.
    public let installHint: String?
    /// Training images, training labels, test images, test labels, in this order.
    public let files: [DatasetFile]

    /// The folders tried, in order: `dataDirectory` (from `--data DIR`) or else `LABBOOK_DATA`,
    /// each as given and with `folderName` appended; `./data/<folderName>`;
    /// `~/.keras/datasets/<folderName>` (or `$KERAS_HOME/datasets/...`, where Keras keeps its
    /// downloads); `/usr/share/datasets/<folderName>` (Debian's packages).
    public func searchFolders(dataDirectory: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        var folders: [String] = []
        if let chosen = dataDirectory ?? environment["LABBOOK_DATA"], !chosen.isEmpty {
            let absolute = chosen.hasPrefix("/") ? chosen : joined(currentDirectory, chosen)
            folders += [absolute, joined(absolute, folderName)]
        }
        folders.append(joined(currentDirectory, "data/" + folderName))
        if let kerasHome = environment["KERAS_HOME"], !kerasHome.isEmpty {
            folders.append(joined(kerasHome, "datasets/" + folderName))
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append(joined(home, ".keras/datasets/" + folderName))
        }
        folders.append("/usr/share/datasets/" + folderName)
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// The data set from the first folder of `searchFolders` that has its files, read once per
    /// process and folder: later calls return the same tensors, sharing their memory.
    public func load(dataDirectory: String? = nil) throws -> LoadedDataset {
        try load(from: searchFolders(dataDirectory: dataDirectory), cache: .shared)
    }

    /// The data set from the first of `folders` that has any of its files; an error if that
    /// folder lacks some, or if none has any.
    func load(from folders: [String], cache: DatasetCache) throws -> LoadedDataset {
        for folder in folders {
            let paths = files.map { locate($0, in: folder) }
            if paths.allSatisfy({ $0 == nil }) { continue }
            let missing = zip(files, paths).filter { $0.1 == nil }.map(\.0.name)
            guard missing.isEmpty else {
                throw EngineError.data(EngineMessages.incompleteFolder(folder, dataset: name, missing: missing))
            }
            return try cache.dataset(key: name + "\u{0}" + canonical(folder)) {
                try read(folder: folder, paths: paths.map { $0! })
            }
        }
        throw EngineError.data(EngineMessages.datasetNotFound(name, files: files.map(\.name), folders: folders,
                                                              installHint: installHint))
    }
}

/// A data set as loaded: the tensors, the folder they came from, and each file's checksum.
public struct LoadedDataset {
    /// The data set's name.
    public let name: String
    /// The folder the files were read from.
    public let folder: String
    /// The training images and labels.
    public let train: (images: Tensor, labels: Tensor)
    /// The test images and labels.
    public let test: (images: Tensor, labels: Tensor)
    /// The four files read, in the order training images, training labels, test images, test labels.
    public let files: [CheckedFile]

    /// The tensors, as `loadData()` returns them.
    public var splits: DatasetSplits { (train, test) }
}

/// A file that was read, with its SHA-256 (for `results.json`).
public struct CheckedFile: Sendable, Equatable {
    /// The file's name, `train-images-idx3-ubyte.gz`.
    public let name: String
    /// Its full path.
    public let path: String
    /// The SHA-256 of its bytes as stored (lowercase hex).
    public let sha256: String
    /// Whether `sha256` was compared with a published checksum (and matched: a mismatch is an
    /// error); false when no published checksum is known for this kind of copy.
    public let verified: Bool

    public init(name: String, path: String, sha256: String, verified: Bool) {
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.verified = verified
    }
}

extension DatasetDescription {
    /// The path of `file` in `folder`, the `.gz` copy first, or nil if neither is there.
    private func locate(_ file: DatasetFile, in folder: String) -> String? {
        for candidate in [file.name + ".gz", file.name] {
            let path = joined(folder, candidate)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                return path
            }
        }
        return nil
    }

    /// Reads and checks the four files, the small label files first so that a damaged copy is
    /// reported before the large image files are inflated.
    func read(folder: String, paths: [String]) throws -> LoadedDataset {
        var tensors = [Tensor?](repeating: nil, count: files.count)
        var checked = [CheckedFile?](repeating: nil, count: files.count)
        for index in [1, 3, 2, 0] {
            (tensors[index], checked[index]) = try read(files[index], at: paths[index])
        }
        return LoadedDataset(name: name, folder: folder, train: (tensors[0]!, tensors[1]!),
                             test: (tensors[2]!, tensors[3]!), files: checked.map { $0! })
    }

    /// One file, checked: its IDX contents, then its shape, then its checksum (in this order so
    /// that the message says the most specific thing that is wrong).
    func read(_ file: DatasetFile, at path: String) throws -> (Tensor, CheckedFile) {
        let bytes = try FileBytes.read(path)
        let tensor = try IDXReader.tensor(fromFileBytes: bytes, file: path)
        guard tensor.shape == file.shape else {
            throw EngineError.data(EngineMessages.unexpectedDatasetShape(path, dataset: name, found: tensor.shape,
                                                                         expected: file.shape))
        }
        let digest = sha256Hex(bytes)
        let published = Gzip.isGzip(bytes) ? file.gzipSHA256 : file.plainSHA256
        if let published, digest != published {
            throw EngineError.data(EngineMessages.checksumMismatch(path, dataset: name, found: digest, expected: published,
                                                                   installHint: installHint))
        }
        let checked = CheckedFile(name: String(path.split(separator: "/").last ?? ""), path: path,
                                  sha256: digest, verified: published != nil)
        return (tensor, checked)
    }

    /// The folder with symbolic links resolved, so two spellings of one folder share a cache entry.
    private func canonical(_ folder: String) -> String {
        URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// The SHA-256 of `bytes` in lowercase hex, as `sha256sum` prints it: the one digest of every
/// layer (data files, notebooks, the block cache's keys and blobs, submissions).
public func sha256Hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    for byte in SHA256.hash(data: bytes) {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0xF)])
    }
    return text
}

private func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

/// The data sets loaded so far, keyed by data set and folder: each is read once per process.
/// Tensors are copy-on-write values, so handing the same ones to every caller is safe.
final class DatasetCache: @unchecked Sendable {
    static let shared = DatasetCache()

    private let lock = NSLock()
    private var entries: [String: LoadedDataset] = [:]
    private var readCounts: [String: Int] = [:]

    /// The cached data set for `key`, or the one `read` returns, cached. The lock is held while
    /// reading, so that two threads asking at once read the files once.
    func dataset(key: String, read: () throws -> LoadedDataset) throws -> LoadedDataset {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[key] { return cached }
        let loaded = try read()
        entries[key] = loaded
        readCounts[key, default: 0] += 1
        return loaded
    }

    /// How many times the files of the data set in `folder` were read (for tests: at most once).
    func readCount(dataset: String, folder: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let key = dataset + "\u{0}" + URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        return readCounts[key, default: 0]
    }
}
