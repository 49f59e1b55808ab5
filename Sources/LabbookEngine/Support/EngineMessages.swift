/// Every message of the engine, in one voice: what was expected, what was found, and where it
/// helps, what to try. Entries are texts; which `EngineError` carries one is decided where it is
/// thrown, and `EngineError.description` renders its own cases with the entries under "Errors".
/// Parts of messages (a reason, a hint, what a size counts) are entries too. Names of layers,
/// weights and model entries are quoted with single quotes, those inside a safetensors file with
/// double quotes; shapes are written `[64, 28, 10]`.
enum EngineMessages {
    // MARK: Errors

    static func invalidShape(_ shape: [Int], reason: String) -> String {
        "invalid shape \(shapeText(shape)): \(reason)"
    }
    static func shapesDoNotBroadcast(_ a: [Int], _ b: [Int], operation: String) -> String {
        "cannot \(operation) tensors of shapes \(shapeText(a)) and \(shapeText(b)): "
            + "their shapes do not broadcast (each axis, from the last, must be equal or 1)"
    }
    static func layerInputShape(layer: String, expected: String, found: [Int], hint: String?) -> String {
        "layer '\(layer)' expects an input of shape \(expected) but received \(shapeText(found))"
            + (hint.map { "; \($0)" } ?? "")
    }
    static func outputDoesNotMatchLabels(output: [Int], labels: [Int], loss: String, hint: String) -> String {
        "the model outputs \(shapeText(output)) per batch but the labels are \(shapeText(labels)): "
            + "\(loss) \(hint)"
    }
    static func labelOutOfRange(_ label: Int, classes: Int) -> String {
        "label \(label) is out of range for a \(classes)-unit softmax output "
            + "(labels must be in 0..<\(classes))"
    }
    static func nonFiniteLoss(epoch: Int, batch: Int) -> String {
        "the loss became NaN or infinite in epoch \(epoch + 1), batch \(batch + 1); "
            + "try a smaller learning rate, or normalise the inputs"
    }
    /// `elements` is nil when the count does not even fit in an Int.
    static func tooLarge(_ what: String, elements: Int?, limit: Int) -> String {
        guard let elements else {
            return "\(what) would need more than \(Int.max) values, far more than the limit of \(limit)"
        }
        return "\(what) would need \(elements) values, more than the limit of \(limit)"
    }
    static func valueDoesNotFit(_ value: Double, dtype: DType, hint: String?) -> String {
        let problem = value.isFinite
            ? "value \(wholeText(value)) does not fit in \(dtype) (\(range(of: dtype)))"
            : "\(value.isNaN ? "NaN" : value < 0 ? "-inf" : "inf") cannot be converted to \(dtype)"
        return problem + (hint.map { "; \($0)" } ?? "")
    }
    static func integerOverflow(_ operation: String, result: Double, dtype: DType) -> String {
        "\(dtype) \(operation) gives \(wholeText(result)), which does not fit in \(dtype) (\(range(of: dtype))); "
            + "convert first with .asType(.float32)"
    }
    /// `axis` is nil for a reduction of the whole tensor.
    static func emptyReduction(_ operation: String, shape: [Int], axis: Int?) -> String {
        let call = axis.map { "\(operation)(axis: \($0))" } ?? "\(operation)()"
        let what = axis.map { "axis \($0) of a tensor of shape \(shapeText(shape)) is empty" }
            ?? "the tensor of shape \(shapeText(shape)) is empty"
        return "\(call) has no value: \(what), and max, min and argmax need at least one element"
    }
    static func indexOutOfRange(_ index: Int, axis: Int, size: Int) -> String {
        "index \(index) is out of range for axis \(axis) of size \(size)"
    }

    // MARK: Shapes and tensors

    static let negativeSizes = "sizes cannot be negative"
    static let twoWildcards = "only one size can be -1"
    static func valuesDoNotFill(_ count: Int, given: Int) -> String { "it holds \(count) values but \(given) were given" }
    static func cannotArrange(_ count: Int) -> String { "\(count) values cannot be arranged in it" }
    static func reshapeCount(_ newCount: Int, tensor shape: [Int], count: Int) -> String {
        "it holds \(newCount) values but the tensor \(shapeText(shape)) has \(count)"
    }
    /// What `tooLarge` counts when nothing more specific is known.
    static func tensor(_ shape: [Int]) -> String { "a tensor of shape \(shapeText(shape))" }
    static let largeIntegersHint = "use float32 for larger numbers"
    static let integerScalarHint = "write it as a Double, or convert the tensor first with .asType(.float32)"
    static let scalarNotIndexable = "a scalar tensor cannot be indexed"
    static let scalarNotSliceable = "a scalar tensor cannot be sliced"
    static func tooManyIndices(_ count: Int, rank: Int) -> String { "\(count) indices given for a tensor of rank \(rank)" }
    static func axisOutOfRange(_ axis: Int, rank: Int) -> String { "axis \(axis) is out of range for a tensor of rank \(rank)" }
    static let argmaxIndicesHint = "argmax() of the whole tensor gives its indices as Ints"

    // MARK: Layers

    static func denseUnits(_ units: Int) -> String { "Dense needs a positive number of units, not \(units)" }
    static func dropoutRate(_ rate: Double) -> String { "the rate of Dropout must be in [0, 1), not \(rate)" }
    static let batchNormalizationSettings = "BatchNormalization needs 0 ≤ momentum ≤ 1 and ε > 0"
    /// The expected input of a layer that works on the last axis.
    static let anyFeatures = "[..., features]"
    static func features(_ count: Int) -> String { "[..., \(count)]" }
    static let reshapeTarget = "Reshape takes positive sizes and at most one -1"
    static func reshapeTargetSize(_ target: [Int]) -> String { "Reshape's target shape \(shapeText(target))" }
    /// `known`: the product of the target's sizes other than -1.
    static func cannotReshape(layer: String, input: [Int], count: Int, target: [Int], known: Int) -> String {
        let needs = target.contains(-1) ? "a multiple of \(known) values" : "\(known) values"
        return "layer '\(layer)' cannot reshape an input of shape \(shapeText(input)) "
            + "(\(count) values per example) to \(shapeText(target)), which needs \(needs)"
    }
    static let inputShapeSizes = "an input shape has positive sizes (without the batch axis)"
    static func inputPerExample(_ shape: [Int]) -> String { "an input of shape \(shapeText(shape)) per example" }

    // MARK: Convolutions and poolings

    static func convolutionFilters(_ filters: Int) -> String { "Conv2D needs a positive number of filters, not \(filters)" }
    static func windowSize(_ layer: String, _ size: [Int]) -> String {
        "\(layer) needs a positive window size (an Int or two), not \(size)"
    }
    static func windowStrides(_ layer: String, _ strides: [Int]) -> String {
        "\(layer) needs positive strides (an Int or two), not \(strides)"
    }
    static let imageExample = "[height, width, channels] per example"
    /// The batch a spatial layer expects: its built size, or the names of the axes before it is built.
    static func imageBatch(_ size: (height: Int, width: Int, channels: Int)?) -> String {
        size.map { "[batch, \($0.height), \($0.width), \($0.channels)]" } ?? "[batch, height, width, channels]"
    }
    static func windowDoesNotFit(height: Int, width: Int) -> String {
        "at least \(height)×\(width) pixels for its \(height)×\(width) window"
    }
    static let windowDoesNotFitHint = "use padding: \"same\", a smaller window, or fewer poolings before it"
    /// `shape`: the input's shape with the channel axis it lacks.
    static func channelAxisHint(_ shape: [Int]) -> String {
        "images need a channel axis: add Reshape(\(shape)) before it (or start the model with Input(shape: \(shape)))"
    }
    static func windows(ofLayer layer: String) -> String { "the windows of layer '\(layer)'" }

    // MARK: Building a model

    static let inputFirst = "Input(shape:) must come before every other layer of the model"
    static func layerAlreadyInModel(_ layer: String) -> String {
        "layer '\(layer)' is already in this model; make a new layer instead"
    }
    static func builtForOtherInput(built: [Int], given: [Int]) -> String {
        "the model was built for inputs of shape \(shapeText(built)) per example, not \(shapeText(given))"
    }
    static func modelAtLayer(_ layer: String) -> String { "the model (at layer '\(layer)')" }
    static func layerOutput(_ layer: String, _ shape: [Int]) -> String {
        "the output of layer '\(layer)' (\(shapeText(shape)) per example)"
    }
    static let noLayers = "the model has no layers: add some with model.add(...) before training it"
    static let notBuiltForSummary = "the model is not built yet, so its shapes are unknown: give the first layer "
        + "an inputShape (or start with Input(shape:)), or call fit first"
    static let notBuiltForSave = "the model is not built yet, so it has no weights to save: give the first "
        + "layer an inputShape, or train it first"
    static func weightCount(needed: Int, given: Int) -> String {
        "setWeights needs \(needed) tensors for this model, not \(given)"
    }
    static func weightShape(_ weight: String, expected: [Int], given: [Int]) -> String {
        "weight '\(weight)' has shape \(shapeText(expected)), not \(shapeText(given))"
    }

    // MARK: Training and evaluation

    /// `method`: `fit` or `evaluate`.
    static func notCompiled(before method: String) -> String {
        "the model must be compiled before \(method): call model.compile(optimizer:loss:metrics:)"
    }
    static let negativeEpochs = "epochs must not be negative"
    static func validationSplitRange(_ split: Double) -> String { "validationSplit must be in [0, 1), not \(split)" }
    static func validationSplitEmpty(_ split: Double, examples: Int) -> String {
        "validationSplit \(split) of \(examples) examples leaves "
            + "no validation examples; use a larger validationSplit or more data"
    }
    static let noTrainingExamples = "fit needs at least one training example"
    static func batchSize(_ size: Int) -> String { "batchSize must be positive, not \(size)" }
    static func lengthMismatch(inputs: Int, labels: Int) -> String {
        "the inputs have \(inputs) examples but the labels have \(labels); they must have the same number"
    }
    /// The batch a model built for `inputShape` expects (`[batch, 28, 28]`).
    static func batch(of inputShape: [Int]?) -> String {
        "[batch" + (inputShape ?? []).map { ", \($0)" }.joined() + "]"
    }
    static let scalarBatch = "the model needs a batch of examples, not a scalar"
    static let scalarPredict = "predict needs a batch of inputs, not a scalar"
    static let classScoresHint = "needs one row of class scores per label; is a Flatten() missing before the first Dense?"
    static let classIndexHint = "needs one class index per example"
    static let sameShapeLabelsHint = "needs labels of the same shape as the output"
    static func notClassIndex(_ label: Float) -> String {
        "labels must be whole class indices; found \(label.isNaN ? "NaN" : wholeText(Double(label)))"
    }

    // MARK: Optimizers, schedules and callbacks

    static func gradientSize(_ weight: String, gradient: Int, weightCount: Int) -> String {
        "the gradient of '\(weight)' has \(gradient) values but the weight has \(weightCount)"
    }
    static func decaySteps(_ steps: Int) -> String { "decaySteps must be positive, not \(steps)" }
    static func warmupSteps(_ steps: Int) -> String { "warmupSteps must not be negative, not \(steps)" }
    static func plateauFactor(_ factor: Double) -> String { "ReduceLROnPlateau needs a factor below 1, not \(factor)" }

    // MARK: Saved models

    static func optimizerSlots(_ optimizer: String, saved: Int, expected: Int) -> String {
        "a saved \(optimizer) optimizer has \(saved) slots per weight, not \(expected)"
    }
    static func unknownOptimizer(_ name: String) -> String { "unknown optimizer '\(name)' in a saved model" }
    static let builtWithoutInputShape = "a saved model is built but has no input shape"
    static let unbuiltWithWeights = "a saved model that is not built has weights"
    static func notAModelFile(_ path: String, format: String) -> String {
        "\(path) is not a labbook model file (its metadata has no format \"\(format)\")"
    }
    static func modelEntryMissing(_ path: String, _ key: String) -> String { "\(path): the model's '\(key)' is missing" }
    static func modelEntryUnreadable(_ path: String, _ key: String) -> String {
        "\(path): the model's '\(key)' cannot be read (it is damaged or was not written by labbook)"
    }
    static func savedWeightMissing(_ path: String, _ key: String) -> String {
        "\(path): weight '\(key)' is missing or has the wrong shape"
    }
    static func savedOptimizerStateMissing(_ path: String, _ key: String) -> String {
        "\(path): optimizer state '\(key)' is missing or has the wrong shape"
    }

    // MARK: Safetensors files
    // A damaged file is "FILE is not a valid safetensors file: WHAT", so that every message
    // names the file first.

    static func headerLengthMissing(_ file: String, bytes: Int) -> String {
        invalidSafeTensors(file, "it has \(bytes) bytes, fewer than the 8 that give the header's length")
    }
    static func headerPastEnd(_ file: String, length: UInt64, fileSize: Int) -> String {
        invalidSafeTensors(file, "its header length (\(length) bytes) runs past the end of the file (\(fileSize) bytes)")
    }
    static func headerTooLarge(_ file: String, length: Int, limit: Int) -> String {
        invalidSafeTensors(file, "its header is \(length) bytes long, more than the limit of \(limit)")
    }
    static func headerNotObject(_ file: String) -> String { invalidSafeTensors(file, "its header is not a JSON object") }
    static func invalidJSON(_ file: String, _ problem: String, at offset: Int) -> String {
        invalidSafeTensors(file, "its header is not valid JSON: \(problem) (at byte \(offset))")
    }
    /// `kind`: what the metadata is instead (`an array`).
    static func metadataNotObject(_ file: String, kind: String) -> String {
        badMetadata(file, "it is \(kind), not an object")
    }
    static func metadataValueNotString(_ file: String, key: String, kind: String) -> String {
        badMetadata(file, "the value of \"\(key)\" is \(kind), not a string")
    }
    static func entryNotObject(_ file: String, _ name: String, kind: String) -> String {
        badEntry(file, name, "it is \(kind), not an object")
    }
    static func entryFieldMissing(_ file: String, _ name: String, key: String) -> String {
        badEntry(file, name, "it has no \"\(key)\"")
    }
    static func entryFieldNotArray(_ file: String, _ name: String, key: String) -> String {
        badEntry(file, name, "its \"\(key)\" is not an array")
    }
    static func entryFieldNotNaturals(_ file: String, _ name: String, key: String) -> String {
        badEntry(file, name, "its \"\(key)\" holds something other than whole numbers ≥ 0")
    }
    static func entryDTypeNotString(_ file: String, _ name: String) -> String {
        badEntry(file, name, "its \"dtype\" is not a string")
    }
    static func entryOffsetCount(_ file: String, _ name: String, count: Int) -> String {
        badEntry(file, name, "its \"data_offsets\" has \(count) numbers, not 2")
    }
    static func entryOffsetsReversed(_ file: String, _ name: String, begin: Int, end: Int) -> String {
        badEntry(file, name, "its \"data_offsets\" [\(begin), \(end)] end before they begin")
    }
    static func entryShapeTooLarge(_ file: String, _ name: String, shape: [Int]) -> String {
        badEntry(file, name, "its shape \(shapeText(shape)) is larger than a tensor may be")
    }
    /// `known`: whether the format defines `dtype` (labbook reads only some of them).
    static func unsupportedDType(_ file: String, _ name: String, _ dtype: String, known: Bool) -> String {
        let supported = SafeTensors.ElementType.allCases.map(\.rawValue).joined(separator: ", ")
        if known {
            return "\(file): tensor \"\(name)\" has dtype \(dtype), which labbook does not read "
                + "(it reads \(supported))"
        }
        return invalidSafeTensors(file, "tensor \"\(name)\" has the unknown dtype \"\(dtype)\"")
    }
    static func offsetsPastEnd(_ file: String, _ name: String, begin: Int, end: Int, dataSize: Int) -> String {
        invalidSafeTensors(file, "tensor \"\(name)\" has data_offsets [\(begin), \(end)], past the end of "
            + "the data section (\(dataSize) bytes)")
    }
    static func dataSizeMismatch(_ file: String, _ name: String, dtype: String, shape: [Int],
                                 needed: Int, found: Int) -> String {
        invalidSafeTensors(file, "tensor \"\(name)\" is \(dtype) of shape \(shapeText(shape)), which takes \(needed) "
            + "bytes, but its data_offsets span \(found)")
    }
    static func tensorsOverlap(_ file: String, _ name: String, _ other: String) -> String {
        invalidSafeTensors(file, "the data of tensors \"\(other)\" and \"\(name)\" overlap")
    }
    static func unclaimedBytes(_ file: String, before name: String, from: Int, to: Int) -> String {
        invalidSafeTensors(file, "bytes \(from)..<\(to) of the data section, before tensor \"\(name)\", belong to no tensor")
    }
    static func unusedData(_ file: String, bytes: Int) -> String {
        invalidSafeTensors(file, "the last \(bytes) bytes of the data section belong to no tensor")
    }
    static func int32OutOfRange(_ file: String, _ name: String, value: Int32) -> String {
        "\(file): tensor \"\(name)\" holds the int32 value \(value), which labbook's int32 tensors cannot hold "
            + "exactly (\(range(of: .int32)))"
    }
    static func reservedTensorName(_ name: String) -> String {
        "cannot save a tensor named \"\(name)\": a name must be non-empty and not \"__metadata__\""
    }
    static func repeatedTensorName(_ name: String) -> String { "cannot save two tensors named \"\(name)\" in one file" }
    static func unrepresentable(_ name: String, value: Float, dtype: DType) -> String {
        "cannot save tensor \"\(name)\": it has dtype \(dtype.rawValue) but holds \(value), "
            + "which that dtype cannot store"
    }

    // MARK: Safetensors headers (JSON); each is the `problem` of `invalidJSON`

    static let jsonTrailingText = "unexpected text after the JSON value"
    static let jsonEndsEarly = "the text ends where a value was expected"
    static let jsonExpectedValue = "expected a value"
    static func jsonTooDeep(_ depth: Int) -> String { "values nested more than \(depth) deep" }
    static let jsonExpectedKey = "expected a quoted key"
    static func jsonRepeatedKey(_ key: String) -> String { "the key \"\(key)\" appears twice" }
    static let jsonExpectedColon = "expected ':' after a key"
    static let jsonExpectedObjectEnd = "expected ',' or '}' in an object"
    static let jsonExpectedArrayEnd = "expected ',' or ']' in an array"
    static let jsonExpectedDigit = "expected a digit"
    static let jsonExpectedFraction = "expected a digit after '.'"
    static let jsonExpectedExponent = "expected a digit in the exponent"
    static let jsonInvalidUTF8 = "a string is not valid UTF-8"
    static let jsonUnclosedString = "a string is not closed"
    static let jsonControlCharacter = "a string contains an unescaped control character"
    static let jsonLoneSurrogate = "a lone UTF-16 surrogate in a \\u escape"
    static let jsonUnknownEscape = "an unknown escape in a string"
    static let jsonExpectedHexDigits = "expected 4 hex digits after \\u"

    // MARK: Reading and writing files

    static func unreadable(_ path: String, reason: String) -> String { "cannot read \(path): \(reason)" }
    static func notARegularFile(_ path: String) -> String { "cannot read \(path): it is not a regular file" }
    static func fileTooLarge(_ path: String, bytes: Int, limit: Int) -> String {
        "cannot read \(path): it is \(bytes) bytes, more than the limit of \(limit) bytes for a data file"
    }
    static func unwritable(_ path: String, reason: String) -> String { "cannot write \(path): \(reason)" }
    /// The `reason` of `unwritable` for a path that ends in `/`.
    static let pathNamesFolder = "the path names a folder, not a file"

    // MARK: Gzip

    /// `declaredBytes`: the size of the IDX file the stream's header declares, once known.
    static func gzip(_ failure: Gzip.Failure, _ path: String, declaredBytes: Int?) -> String {
        switch failure {
        case let .damaged(reason):
            return "\(path) is damaged: its gzip stream cannot be inflated (\(reason)); "
                + "delete it and copy or download it again"
        case .truncated:
            return "\(path) is truncated: its gzip stream ends before its end marker "
                + "(the file was cut short, perhaps by an interrupted download)"
        case let .tooLarge(limit):
            if let declaredBytes, declaredBytes < limit {
                return "\(path) is damaged: it inflates to far more than the \(declaredBytes) bytes "
                    + "its IDX header describes"
            }
            return "\(path) inflates to more than \(limit) bytes, the limit for a data file"
        case let .trailingData(bytes):
            return "\(path) is damaged: \(bytes) unexpected bytes follow the end of its gzip stream"
        }
    }
    // The reasons of `Gzip.Failure.damaged` that zlib does not word itself.
    static let zlibCannotStart = "zlib could not start inflating (out of memory?)"
    static let zlibCannotReset = "zlib could not reset"
    static let gzipPresetDictionary = "the stream asks for a preset dictionary, which gzip files never use"
    static let zlibOutOfMemory = "zlib ran out of memory"
    static func zlibError(_ status: Int32) -> String { "zlib error \(status)" }

    // MARK: IDX

    static func emptyIDXFile(_ path: String) -> String { "\(path) is empty: an IDX file holds at least a header" }
    static func notIDX(_ path: String, firstBytes: [UInt8]) -> String {
        let found = firstBytes.prefix(4).map { hex($0) }.joined(separator: " ")
        return "\(path) is not an IDX file: it starts with \(found), "
            + "but IDX files start with 00 00 08 01 (labels) or 00 00 08 03 (images)"
    }
    static func unsupportedIDXType(_ path: String, typeCode: UInt8, typeName: String) -> String {
        "\(path) holds \(typeName) (IDX type code 0x\(hex(typeCode))); "
            + "labbook reads IDX files of unsigned bytes (type code 0x08) only"
    }
    static func unsupportedIDXRank(_ path: String, dimensions: Int) -> String {
        "\(path) declares \(dimensions) dimensions; labbook reads IDX files with 1 to 4 dimensions"
    }
    static func idxHeaderTruncated(_ path: String, bytes: Int, needed: Int) -> String {
        "\(path) is truncated: it has \(bytes) bytes, fewer than the \(needed) of its IDX header"
    }
    static func idxTooLarge(_ path: String, shape: [Int]) -> String {
        "\(path) is damaged: its IDX header declares the shape \(shapeText(shape)), "
            + "more than the limit of \(Tensor.elementLimit) values"
    }
    static func idxTruncated(_ path: String, shape: [Int], found: Int, needed: Int) -> String {
        "\(path) is truncated: its IDX header declares \(shapeText(shape)), which needs \(needed) "
            + "bytes of data, but only \(found) follow the header"
    }
    static func idxTrailingData(_ path: String, shape: [Int], extra: Int) -> String {
        "\(path) is damaged: \(extra) unexpected bytes follow the \(shapeText(shape)) values "
            + "its IDX header declares"
    }

    // MARK: Data sets

    static func checksumMismatch(_ path: String, dataset: String, found: String, expected: String,
                                 installHint: String?) -> String {
        var message = "\(path) is not the published \(dataset) file: its SHA-256 is \(found), "
            + "but the published file's is \(expected); it is damaged or was changed. "
            + "Delete it and copy or download it again"
        if let installHint { message += " (or: \(installHint))" }
        return message
    }
    static func unexpectedDatasetShape(_ path: String, dataset: String, found: [Int], expected: [Int]) -> String {
        "\(path) holds a tensor of shape \(shapeText(found)), "
            + "but \(dataset)'s file of that name holds \(shapeText(expected))"
    }
    static func incompleteFolder(_ folder: String, dataset: String, missing: [String]) -> String {
        "\(folder) has some of the \(dataset) files but not "
            + missing.joined(separator: ", ") + "; copy the missing files there or remove the others"
    }
    static func datasetNotFound(_ dataset: String, files: [String], folders: [String], installHint: String?) -> String {
        var message = "cannot find the \(dataset) files (\(files.joined(separator: ", ")), "
            + "each .gz or not) in any of these folders:\n"
            + folders.map { "  \($0)" }.joined(separator: "\n")
        if let installHint {
            message += "\nInstall them with: \(installHint)"
        }
        message += "\nor put them in one of these folders (--data DIR or LABBOOK_DATA=DIR chooses another)."
        return message
    }
}

/// How messages write values and compose their parts.
private extension EngineMessages {
    /// `[64, 28, 10]`, the way shapes are written in every message.
    static func shapeText(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// A number as messages write it: `300`, `2147483648`, `0.5` (no `.0` on whole numbers), and
    /// a tensor's Float32 value with Float32's digits (`1e+30`).
    static func wholeText(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e18 { return String(Int64(value)) }
        return Double(Float(value)) == value ? "\(Float(value))" : "\(value)"
    }

    /// The values a dtype holds, as messages state them.
    static func range(of dtype: DType) -> String {
        switch dtype {
        case .float32: return "any Float32"
        case .int32: return "-16777215...16777215, the whole numbers its Float32 storage holds exactly"
        case .uint8: return "0...255"
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    static func invalidSafeTensors(_ file: String, _ what: String) -> String {
        "\(file) is not a valid safetensors file: \(what)"
    }

    static func badMetadata(_ file: String, _ problem: String) -> String {
        invalidSafeTensors(file, "its \"__metadata__\" must map names to strings, but \(problem)")
    }

    static func badEntry(_ file: String, _ name: String, _ problem: String) -> String {
        invalidSafeTensors(file, "the entry for tensor \"\(name)\" is malformed: \(problem)")
    }
}
