import Foundation
import Testing
@testable import LabbookEngine

/// The Fashion-MNIST loader, on the real files of Debian's `dataset-fashion-mnist` and on damaged
/// copies made in temporary folders.
@Suite(.tags(.needsFashionMNIST)) struct FashionMNISTTests {
    static let installed = "/usr/share/datasets/fashion-mnist"

    @Test(whereFashionMNISTHas("train-labels-idx1-ubyte.gz"))
    func loadsTheRealFilesOnceAndSharesThem() throws {
        let started = Date()
        let data = try FashionMNIST.load(dataDirectory: Self.installed)
        print("Fashion-MNIST loaded in \(Date().timeIntervalSince(started)) s")

        #expect(data.train.images.shape == [60000, 28, 28])
        #expect(data.train.labels.shape == [60000])
        #expect(data.test.images.shape == [10000, 28, 28])
        #expect(data.test.labels.shape == [10000])
        for tensor in [data.train.images, data.train.labels, data.test.images, data.test.labels] {
            #expect(tensor.dtype == .uint8)
        }
        #expect(Array(data.train.labels.scalars.prefix(4)) == [9, 0, 0, 3])
        #expect(Array(data.test.labels.scalars.prefix(4)) == [9, 2, 1, 1])
        #expect(data.train.images.withUnsafeBufferPointer { $0.max() } == 255)
        // Pixels checked against NumPy's reading of the same files (`np.frombuffer(gzip.open(f).read(),
        // np.uint8, offset=16).reshape(-1, 28, 28)`): row 14 of the first training image, and the
        // pixel sums of the last training image and the first and last test images.
        #expect(try data.train.images.entry([0, 14]).scalars == [
            0, 0, 1, 4, 6, 7, 2, 0, 0, 0, 0, 0, 237, 226, 217, 223, 222, 219, 222, 221, 216, 223, 229, 215, 218, 255, 77, 0])
        #expect(try data.train.images.entry(59_999).scalars.reduce(0, +) == 16_684)
        #expect(try data.test.images.entry(0).scalars.reduce(0, +) == 33_456)
        #expect(try data.test.images.entry(9_999).scalars.reduce(0, +) == 24_390)
        #expect(data.folder == Self.installed)

        #expect(data.files.map(\.name) == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                           "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])
        #expect(data.files.map(\.sha256) == FashionMNIST.dataset.files.map(\.gzipSHA256))
        #expect(data.files.allSatisfy { $0.verified })

        // The second load, spelled differently, reads nothing and shares the same memory.
        let again = try FashionMNIST.loadData(dataDirectory: Self.installed + "/")
        #expect(again.train.images.storage === data.train.images.storage)
        #expect(again.test.labels.storage === data.test.labels.storage)
        #expect(DatasetCache.shared.readCount(dataset: "Fashion-MNIST", folder: Self.installed) == 1)
        let ((trainImages, _), (_, testLabels)) = again
        #expect(trainImages.shape == [60000, 28, 28] && testLabels.shape == [10000])
    }

    /// Threads asking for the same data set at once read its files once and share the result.
    @Test func cacheReadsOnceUnderConcurrentRequests() throws {
        let cache = DatasetCache()
        let reads = Counter()
        let labels = try Tensor([1, 2, 3], dtype: .uint8)
        let stored = LoadedDataset(name: "Toy", folder: "/toy", train: (labels, labels), test: (labels, labels), files: [])
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let loaded = try? cache.dataset(key: "toy") {
                reads.increment()
                Thread.sleep(forTimeInterval: 0.02)
                return stored
            }
            results.append(loaded)
        }
        #expect(reads.value == 1)
        #expect(results.values.count == 8)
        #expect(results.values.allSatisfy { $0?.train.labels.storage === labels.storage })
    }

    @Test func classNames() {
        #expect(FashionMNIST.classNames.count == 10)
        #expect(FashionMNIST.classNames[0] == "T-shirt/top" && FashionMNIST.classNames[9] == "Ankle boot")
        #expect(MNIST.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    }

    @Test func searchesTheFoldersInOrder() {
        let folders = FashionMNIST.dataset.searchFolders(
            dataDirectory: nil, environment: ["LABBOOK_DATA": "mine", "HOME": "/home/ada"], currentDirectory: "/work")
        #expect(folders == ["/work/mine", "/work/mine/fashion-mnist", "/work/data/fashion-mnist",
                            "/home/ada/.keras/datasets/fashion-mnist", "/usr/share/datasets/fashion-mnist"])
        // --data wins over LABBOOK_DATA; KERAS_HOME moves Keras's folder.
        let chosen = MNIST.dataset.searchFolders(
            dataDirectory: "/data", environment: ["LABBOOK_DATA": "mine", "KERAS_HOME": "/k"], currentDirectory: "/w")
        #expect(chosen == ["/data", "/data/mnist", "/w/data/mnist", "/k/datasets/mnist", "/usr/share/datasets/mnist"])
    }

    @Test func listsTheFoldersTriedWhenNoneHasTheFiles() throws {
        let empty = [try temporaryFolder(), try temporaryFolder() + "/nonexistent"]
        expectDataError(containing: ["cannot find the Fashion-MNIST files", "train-images-idx3-ubyte",
                                     "\n  \(empty[0])\n  \(empty[1])\n",
                                     "Install them with: sudo apt-get install dataset-fashion-mnist"]) {
            _ = try FashionMNIST.dataset.load(from: empty, cache: DatasetCache())
        }
    }

    @Test func namesTheMissingFilesOfAnIncompleteFolder() throws {
        let folder = try temporaryFolder()
        try write([], to: folder + "/train-images-idx3-ubyte.gz")
        try write([], to: folder + "/t10k-labels-idx1-ubyte")
        expectDataError(containing: [folder, "not train-labels-idx1-ubyte, t10k-images-idx3-ubyte"]) {
            _ = try FashionMNIST.dataset.load(from: [folder], cache: DatasetCache())
        }
    }

    /// Each damaged copy of the training labels (the first file read) gives its own error, which
    /// names the file. The other three files are empty stand-ins that are never reached.
    @Test(whereFashionMNISTHas("train-labels-idx1-ubyte.gz"),
          arguments: ["truncated", "corrupted", "wrong magic", "checksum", "shape"])
    func reportsDamagedCopies(_ damage: String) throws {
        let published = try FileBytes.read(Self.installed + "/train-labels-idx1-ubyte.gz")
        let inflated = try Gzip.decompress(published, maximumSize: 1 << 20)
        let (bytes, name, message): ([UInt8], String, String)
        switch damage {
        case "truncated":
            (bytes, name, message) = (Array(published.prefix(10_000)), "train-labels-idx1-ubyte.gz",
                                      "is truncated: its gzip stream ends before its end marker")
        case "corrupted":
            var flipped = published
            for i in 14_000..<14_016 { flipped[i] ^= 0x5A }
            (bytes, name, message) = (flipped, "train-labels-idx1-ubyte.gz", "is damaged: its gzip stream cannot be inflated")
        case "wrong magic":
            (bytes, name, message) = ([0x89, 0x50, 0x4E, 0x47] + inflated.dropFirst(4), "train-labels-idx1-ubyte",
                                      "is not an IDX file: it starts with 89 50 4E 47")
        case "checksum":
            var changed = inflated
            changed[8] = 0  // the first label, 9, becomes 0
            (bytes, name, message) = (changed, "train-labels-idx1-ubyte",
                                      "is not the published Fashion-MNIST file: its SHA-256 is ")
        default:
            (bytes, name, message) = (idx([5], [9, 0, 0, 3, 0]), "train-labels-idx1-ubyte",
                                      "holds a tensor of shape [5], but Fashion-MNIST's file of that name holds [60000]")
        }
        let folder = try temporaryFolder()
        try write(bytes, to: folder + "/" + name)
        for stand_in in ["train-images-idx3-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"] {
            try write([], to: folder + "/" + stand_in)
        }
        expectDataError(containing: [folder + "/" + name, message]) {
            _ = try FashionMNIST.dataset.load(from: [folder], cache: DatasetCache())
        }
    }

    /// An uncompressed copy is checked against the SHA-256 of the inflated published file (the
    /// four pasted checksums are checked here too).
    @Test(whereFashionMNISTHas("t10k-labels-idx1-ubyte.gz"))
    func acceptsUncompressedCopies() throws {
        let dataset = FashionMNIST.dataset
        let folder = try temporaryFolder()
        for file in dataset.files {
            let published = try FileBytes.read(Self.installed + "/" + file.name + ".gz")
            let inflated = try Gzip.decompress(published, maximumSize: 1 << 27)
            #expect(sha256Hex(inflated) == file.plainSHA256, "\(file.name)")
            guard file.name.contains("labels") else { continue }
            try write(inflated, to: folder + "/" + file.name)
            let (tensor, checked) = try dataset.read(file, at: folder + "/" + file.name)
            #expect(tensor.shape == file.shape)
            #expect(checked == CheckedFile(name: file.name, path: folder + "/" + file.name,
                                           sha256: file.plainSHA256!, verified: true))
        }
    }

    /// MNIST's uncompressed files have no published checksum: accepted, and marked unverified;
    /// its .gz files are checked.
    @Test func checksMNISTCopiesWhereAChecksumIsKnown() throws {
        let folder = try temporaryFolder()
        let labels = MNIST.dataset.files[3]
        let values = (0..<10_000).map { UInt8($0 % 10) }
        try write(idx([10_000], values), to: folder + "/" + labels.name)
        let (tensor, checked) = try MNIST.dataset.read(labels, at: folder + "/" + labels.name)
        #expect(tensor.shape == [10_000] && tensor.dtype == .uint8)
        #expect(checked.verified == false && checked.sha256.count == 64)

        try write(gzipStored(idx([10_000], values)), to: folder + "/" + labels.name + ".gz")
        expectDataError(containing: [folder + "/" + labels.name + ".gz", "is not the published MNIST file",
                                     "but the published file's is \(labels.gzipSHA256!)"]) {
            _ = try MNIST.dataset.read(labels, at: folder + "/" + labels.name + ".gz")
        }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}


/// A counter and a list that several threads may touch.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [LoadedDataset?] = []
    var values: [LoadedDataset?] { lock.withLock { stored } }
    func append(_ value: LoadedDataset?) { lock.withLock { stored.append(value) } }
}
