import LabbookInterpreter

/// Every message of the bindings, in one voice: what a builtin takes, and what it was given.
/// Entries are texts; the caller wraps them in the error its place needs (`NativeError` at a
/// call, `StateReader.damaged` and `StateWriter.unsaveable` in a saved state). The engine's own
/// messages are in `EngineMessages`, the interpreter's in `Messages`.
enum BindingMessages {
    // MARK: Tensors

    static let tensorValues = "Tensor(_:) takes an array of numbers, such as [1, 2, 3] or [[1, 2], [3, 4]]"
    static let raggedArray = "the rows of this array have different lengths, so it is not a tensor"
    static func notANumber(_ typeName: String) -> String { "a tensor holds numbers, not \(typeName)" }
    /// The hint of an Int literal that int32 tensors cannot hold exactly.
    static func largeIntegerHint(_ value: Int) -> String { "write it as a Double (\(value).0) to make a float32 tensor" }
    static let sliceRange = "a tensor is sliced with a range such as 0..<100"

    // MARK: Layers and models

    static func notALayer(_ typeName: String) -> String { "a model is made of layers, not \(typeName)" }
    /// `function`: the layer's constructor; `parameter`: `poolSize`, `strides`, ...
    static func sizePair(_ function: String, _ parameter: String, found: Value) -> String {
        "\(function)'s \(parameter) is an Int or two Ints ([height, width]), not \(found)"
    }
    static func padding(_ text: String) -> String { "padding is \"valid\" or \"same\", not \"\(text)\"" }
    static let compileMetrics = "metrics are .accuracy or a Keras metric name"
    static let setWeightsTensors = "setWeights takes an array of tensors"
    static let fitCallbacks = "callbacks are EarlyStopping(...) or Callback(...)"

    // MARK: Optimizers and callbacks

    static func learningRate(_ rate: Double) -> String { "the learning rate must be a positive number, not \(rate)" }
    static func learningRateValue(_ typeName: String) -> String {
        "learningRate takes a number or a schedule such as ExponentialDecay(...), not \(typeName)"
    }
    static func monitorMode(_ text: String) -> String { "mode must be \"auto\", \"min\" or \"max\", not \"\(text)\"" }

    // MARK: Histories and plots

    static func historyHasNoMetric(_ metric: String, metrics: [String]) -> String {
        "this history has no metric '\(metric)'; it has " + Convert.listing(metrics)
    }
    static func runHasNoMetric(_ run: String, _ metric: String, metrics: [String]) -> String {
        "run '\(run)' has no metric '\(metric)'; it has " + Convert.listing(metrics)
    }
    static let plotMetrics = "metrics are names such as .valAccuracy"
    static let compareRuns = "compare takes runs as [name: history] or [(name, history)]"
    static let ylim = "ylim takes (low, high) with low < high"
    static func imageShape(_ shape: [Int]) -> String {
        "an image is a tensor of shape [height, width] (up to 2048 × 2048), not \(shape)"
    }
    static func gridShape(_ shape: [Int]) -> String {
        "showGrid takes images of shape [count, height, width], not \(shape)"
    }
    static let gridItems = "showGrid takes tensors of images"
    static let gridValue = "showGrid takes a tensor of images or an array of images"
    static func gridTooLarge(_ count: Int, limit: Int) -> String { "showGrid shows at most \(limit) images, not \(count)" }
    static func gridColumns(_ columns: Int) -> String { "columns must be positive, not \(columns)" }

    // MARK: Files

    static let emptyPath = "the file name is empty"
    static func absolutePath(_ path: String, root: String) -> String {
        "'\(path)' is an absolute path; a notebook's files stay inside its folder \(root): give a relative path "
            + "such as 'model.safetensors'"
    }
    static func leavesArea(_ path: String, root: String) -> String {
        "'\(path)' leaves the notebook's folder \(root) through '..'; a notebook's files stay inside it"
    }
    static func linkLeavesArea(_ path: String, root: String) -> String {
        "'\(path)' leads out of the notebook's folder \(root) through a symbolic link; a notebook's files stay inside it"
    }
    static func notAFile(_ path: String) -> String { "'\(path)' names the notebook's folder itself, not a file in it" }

    // MARK: Saved states

    static func notADType(_ name: String) -> String { "'\(name)' is not a dtype" }
    static func notAStopReason(_ name: String) -> String { "'\(name)' is not a stop reason" }
    static func tensorBytes(_ shape: [Int], bytes: Int) -> String { "a tensor of shape \(shape) has \(bytes) bytes" }
    static func unreadableJSON(_ type: Any.Type, _ error: any Error) -> String { "a \(type) cannot be read (\(error))" }
    static func logEntryValues(_ count: Int) -> String { "a log entry has \(count) values" }
    static func unsaveableCallback(_ type: Any.Type) -> String { "a \(type) callback cannot be saved" }
    static let closureNotFunction = "a callback's closure is not a function"
    static func unknownCallbackKind(_ kind: UInt8) -> String { "\(kind) is not a kind of callback" }
    static func layerOutsideModels(_ name: String) -> String { "layer '\(name)' was built outside every model saved" }
}
