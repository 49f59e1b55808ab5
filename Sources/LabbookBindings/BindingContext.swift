import LabbookEngine
import LabbookInterpreter

/// What the bindings of one notebook session share: the session's random streams, where data
/// comes from, the folder its files stay in, which data files were read (for `results.json`),
/// and how training shows its progress (the command line's progress bar).
public final class BindingContext {
    /// The seed and model count of the session; `setSeed` reseeds it.
    public let random: RandomContext
    /// `--data DIR`, if given.
    public var dataDirectory: String?
    /// The folder `model.save`, `Sequential.load` and `loadIDX` resolve paths in.
    public let files: FileArea
    /// Makes the callback that shows one `fit`'s progress (nil: no progress shown).
    public var progress: ((_ epochs: Int) -> Callback)?
    /// The language of the report's fixed words (`es` or `en`), for the tables builtins make.
    public var language = "en"
    /// Every data file read so far, with its checksum.
    public private(set) var dataFiles: [CheckedFile] = []

    /// - Parameter filesDirectory: the one folder the notebook's files are written to and read
    ///   from (the data sets' folders may be read too).
    public init(seed: UInt64, dataDirectory: String? = nil, filesDirectory: String) {
        random = RandomContext(seed: seed)
        self.dataDirectory = dataDirectory
        let dataFolders = [FashionMNIST.dataset, MNIST.dataset].flatMap { $0.searchFolders(dataDirectory: dataDirectory) }
        files = FileArea(root: filesDirectory, readableFolders: dataFolders)
    }

    func record(_ files: [CheckedFile]) {
        for file in files where !dataFiles.contains(file) { dataFiles.append(file) }
    }

    /// The data files a restored session had read.
    func restore(dataFiles files: [CheckedFile]) { dataFiles = files }
}

/// Installs the engine's and the plots' names into a session's library: data, tensors, models,
/// layers, optimizers, losses, metrics, callbacks, histories, and the output builtins.
public enum Bindings {
    public static func install(into library: Library, context: BindingContext) {
        let types = EngineTypes(library: library)
        types.registerEnumerations()
        types.registerTensor()
        types.registerLayers()
        types.registerOptimizers()
        types.registerCallbacks(context: context)
        types.registerHistory()
        types.registerModel(context: context)
        types.registerIntrospection()
        types.registerData(context: context)
        types.registerPlots(context: context)
        types.registerStateCodecs(context: context)
        library.function("setSeed", [Parameter(nil, "Int", name: "seed")]) { args in
            context.random.reseed(UInt64(bitPattern: Int64(try args.int(0))))
            return .void
        }
    }
}

/// The registered types, so that each registration can refer to the others.
struct EngineTypes {
    let library: Library
    let tensor: NativeType<Tensor>
    let dtype: NativeType<DType>
    let layer: NativeType<any Layer>
    let model: NativeType<Sequential>
    let optimizer: NativeType<Optimizer>
    let schedule: NativeType<LearningRate>
    let activation: NativeType<Activation>
    let initializer: NativeType<Initializer>
    let regularizer: NativeType<Regularizer>
    let loss: NativeType<Loss>
    let metric: NativeType<Metric>
    let metricName: NativeType<MetricName>
    let callback: NativeType<any Callback>
    let action: NativeType<CallbackAction>
    let history: NativeType<History>
    let logs: NativeType<LogValues>

    init(library: Library) {
        self.library = library
        tensor = library.registerType(Tensor.self, name: "Tensor", semantics: .value)
        tensor.byteSize = { $0.count * MemoryLayout<Float>.stride }
        dtype = library.registerType(DType.self, name: "DType", semantics: .value)
        layer = library.registerType((any Layer).self, name: "Layer", semantics: .reference)
        model = library.registerType(Sequential.self, name: "Sequential", semantics: .reference)
        optimizer = library.registerType(Optimizer.self, name: "Optimizer", semantics: .reference)
        schedule = library.registerType(LearningRate.self, name: "LearningRateSchedule", semantics: .value)
        activation = library.registerType(Activation.self, name: "Activation", semantics: .value)
        initializer = library.registerType(Initializer.self, name: "Initializer", semantics: .value)
        regularizer = library.registerType(Regularizer.self, name: "Regularizer", semantics: .value)
        loss = library.registerType(Loss.self, name: "Loss", semantics: .value)
        metric = library.registerType(Metric.self, name: "Metric", semantics: .value)
        metricName = library.registerType(MetricName.self, name: "MetricName", semantics: .value)
        callback = library.registerType((any Callback).self, name: "Callback", semantics: .reference)
        action = library.registerType(CallbackAction.self, name: "CallbackAction", semantics: .value)
        history = library.registerType(History.self, name: "History", semantics: .value)
        logs = library.registerType(LogValues.self, name: "Logs", semantics: .value)
    }
}

/// The metrics of one epoch or batch, as callbacks see them (`logs.loss`, `logs["val_loss"]`).
struct LogValues {
    let values: Logs
}
