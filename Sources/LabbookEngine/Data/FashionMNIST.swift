/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 70,000 grayscale 28 × 28 images of clothing in
/// ten classes, as Keras's `keras.datasets.fashion_mnist.load_data()` gives them.
public enum FashionMNIST {
    /// The label names, indexed by label.
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    /// The four files and their published checksums.
    public static let dataset = DatasetDescription(
        name: "Fashion-MNIST",
        folderName: "fashion-mnist",
        installHint: "sudo apt-get install dataset-fashion-mnist",
        files: [
            // The SHA-256 of the published .gz files (the Fashion-MNIST repository's, also
            // Debian's dataset-fashion-mnist), and of their inflated contents, computed once
            // with `zcat /usr/share/datasets/fashion-mnist/NAME.gz | sha256sum`.
            DatasetFile(name: "train-images-idx3-ubyte", shape: [60000, 28, 28],
                        gzipSHA256: "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
                        plainSHA256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            DatasetFile(name: "train-labels-idx1-ubyte", shape: [60000],
                        gzipSHA256: "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
                        plainSHA256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            DatasetFile(name: "t10k-images-idx3-ubyte", shape: [10000, 28, 28],
                        gzipSHA256: "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
                        plainSHA256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            DatasetFile(name: "t10k-labels-idx1-ubyte", shape: [10000],
                        gzipSHA256: "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
                        plainSHA256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
        ])

    /// The training and test sets: images `uint8` `[N, 28, 28]` with values 0…255, labels `uint8`
    /// `[N]` with values 0…9 (N = 60,000 and 10,000). Loaded once per process and shared.
    ///
    /// - Parameter dataDirectory: the folder given with `--data DIR`; when nil, `LABBOOK_DATA`.
    ///   See `DatasetDescription.searchFolders` for the order in which folders are tried.
    public static func loadData(dataDirectory: String? = nil) throws -> DatasetSplits {
        try load(dataDirectory: dataDirectory).splits
    }

    /// The same data, with the folder it came from and the checksums of its files.
    public static func load(dataDirectory: String? = nil) throws -> LoadedDataset {
        try dataset.load(dataDirectory: dataDirectory)
    }
}

/// MNIST (LeCun, Cortes and Burges): 70,000 grayscale 28 × 28 handwritten digits, in the same
/// IDX format and file names as Fashion-MNIST.
///
/// No Debian package ships MNIST, so its files are looked for in the same kind of folders:
/// `--data DIR` / `LABBOOK_DATA`, `./data/mnist/`, `~/.keras/datasets/mnist/`,
/// `/usr/share/datasets/mnist/`. (Keras itself keeps MNIST as one `mnist.npz`, which is not read
/// here: put the four IDX files in one of these folders.) The `.gz` files are checked against the
/// SHA-256 of the published files; uncompressed copies are accepted without a checksum, because
/// no published checksum of the inflated files could be established (their shapes are still
/// checked), and `LoadedDataset.files` then says `verified: false`.
public enum MNIST {
    /// The label names, indexed by label: the digits.
    public static let classNames = (0...9).map(String.init)

    /// The four files and their published checksums.
    public static let dataset = DatasetDescription(
        name: "MNIST",
        folderName: "mnist",
        installHint: nil,
        files: [
            // The SHA-256 of the published .gz files, as TensorFlow Datasets and torchvision
            // check them.
            DatasetFile(name: "train-images-idx3-ubyte", shape: [60000, 28, 28],
                        gzipSHA256: "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                        plainSHA256: nil),
            DatasetFile(name: "train-labels-idx1-ubyte", shape: [60000],
                        gzipSHA256: "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                        plainSHA256: nil),
            DatasetFile(name: "t10k-images-idx3-ubyte", shape: [10000, 28, 28],
                        gzipSHA256: "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                        plainSHA256: nil),
            DatasetFile(name: "t10k-labels-idx1-ubyte", shape: [10000],
                        gzipSHA256: "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                        plainSHA256: nil),
        ])

    /// The training and test sets, as `FashionMNIST.loadData` gives them.
    public static func loadData(dataDirectory: String? = nil) throws -> DatasetSplits {
        try load(dataDirectory: dataDirectory).splits
    }

    /// The same data, with the folder it came from and the checksums of its files.
    public static func load(dataDirectory: String? = nil) throws -> LoadedDataset {
        try dataset.load(dataDirectory: dataDirectory)
    }
}
