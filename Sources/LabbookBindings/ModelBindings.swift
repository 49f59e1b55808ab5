import LabbookEngine
import LabbookInterpreter

/// `Sequential`: built from an array, a builder block or `add`; compiled, trained, evaluated and
/// used to predict. `fit`, `evaluate` and `summary` also emit their tables into the report.
extension EngineTypes {
    func registerModel(context: BindingContext) {
        let model = self.model, layer = self.layer, tensor = self.tensor
        let make: ([Value]) throws -> Sequential = { items in
            let layers = try items.map { item -> any Layer in
                guard let l = layer.unwrap(item) else { throw NativeError(BindingMessages.notALayer(item.typeName)) }
                return l
            }
            return try Sequential(layers, random: context.random)
        }
        model.constructor { _ in try Sequential(random: context.random) }
        model.constructor([Parameter(nil, .array("Layer"), name: "layers")]) { args in try make(try args.array(0)) }
        model.constructor([Parameter(nil, .builder("Layer"), name: "layers")]) { args in try make(try args.array(0)) }
        model.describe { m in (try? m.summary().description) ?? "Sequential(\(m.layers.count) layers, not built)" }

        model.property("layers") { m in .array(m.layers.map(layer.wrap)) }
        model.property("name") { .string($0.name) }
        model.method("add", [Parameter(nil, "Layer", name: "layer")]) { m, args in
            try m.add(try args.native(0, as: layer))
            return .void
        }
        model.method("compile", [
            Parameter("optimizer", .optional("Optimizer"), default: .nil),
            Parameter("loss", "Loss"),
            Parameter("metrics", .array("Metric"), default: .array([])),
        ]) { [optimizer, loss, metric] m, args in
            // Keras's default optimizer, a new one for each model (an optimizer keeps state).
            m.compile(optimizer: try args.optional(0) { try args.native($0, as: optimizer) } ?? RMSprop(),
                      loss: try args.native(1, as: loss),
                      metrics: try args.array(2).map { try metric.unwrap($0).orThrow(BindingMessages.compileMetrics) })
            return .void
        }
        model.method("summary") { m, args in
            args.context.emit(.rich(SummaryOutput(summary: try m.summary())))
            return .void
        }
        model.method("countParams") { m, _ in .int(m.countParams()) }
        model.method("getWeights") { m, _ in .array(m.getWeights().map(tensor.wrap)) }
        model.method("setWeights", [Parameter(nil, .array("Tensor"), name: "weights")]) { m, args in
            try m.setWeights(try args.array(0).map { try tensor.unwrap($0).orThrow(BindingMessages.setWeightsTensors) })
            return .void
        }
        model.method("save", [Parameter(nil, "String", name: "path")]) { m, args in
            try m.save(try context.files.resolve(try args.string(0), forWriting: true))
            return .void
        }
        model.staticMethod("load", [Parameter(nil, "String", name: "path")]) { args in
            model.wrap(try Sequential.load(try context.files.resolve(try args.string(0), forWriting: false)))
        }
        registerFit(context: context)
        registerEvaluation()
    }

    private func registerFit(context: BindingContext) {
        let model = self.model, tensor = self.tensor, history = self.history, callback = self.callback
        model.method("fit", [
            Parameter(nil, "Tensor", name: "x"), Parameter(nil, "Tensor", name: "y"),
            Parameter("epochs", "Int", default: .int(1)), Parameter("batchSize", .optional("Int"), default: .nil),
            Parameter("validationData", .optional(.tuple(["Tensor", "Tensor"])), default: .nil),
            Parameter("validationSplit", "Double", default: .double(0)), Parameter("shuffle", "Bool", default: .bool(true)),
            Parameter("callbacks", .array("Callback"), default: .array([])), Parameter("verbose", .any, default: .int(1)),
            Parameter("initialEpoch", "Int", default: .int(0)),
        ]) { m, args in
            var validation: (Tensor, Tensor)?
            if case .tuple(let items, _) = args[4], items.count == 2, let vx = tensor.unwrap(items[0]), let vy = tensor.unwrap(items[1]) {
                validation = (vx, vy)
            }
            var callbacks = try args.array(7).map { try callback.unwrap($0).orThrow(BindingMessages.fitCallbacks) }
            callbacks.append(InterruptionCallback(context: args.context))
            let epochs = try args.int(2)
            if let progress = context.progress { callbacks.append(progress(epochs)) }
            let result = try m.fit(try args.native(0, as: tensor), try args.native(1, as: tensor), epochs: epochs,
                                   batchSize: try args.optional(3) { try args.int($0) }, validationData: validation,
                                   validationSplit: try args.double(5), shuffle: try args.bool(6), callbacks: callbacks,
                                   initialEpoch: try args.int(9))
            args.context.emit(.rich(FitOutput(history: result)))
            return history.wrap(result)
        }
    }

    private func registerEvaluation() {
        let model = self.model, tensor = self.tensor
        model.method("evaluate", [
            Parameter(nil, "Tensor", name: "x"), Parameter(nil, "Tensor", name: "y"),
            Parameter("batchSize", .optional("Int"), default: .nil), Parameter("verbose", .any, default: .int(1)),
        ]) { m, args in
            let logs = try m.evaluate(try args.native(0, as: tensor), try args.native(1, as: tensor),
                                      batchSize: try args.optional(2) { try args.int($0) })
            args.context.emit(.rich(EvaluationOutput(logs: logs)))
            // Keras returns [loss, metrics...]: a tuple labeled (loss:, accuracy:) reads the same way.
            let ordered = logs.filter { $0.name == "loss" } + logs.filter { $0.name != "loss" }
            return .tuple(ordered.map { .double($0.value) }, labels: ordered.map { Convert.camelCase($0.name) })
        }
        model.method("predict", [Parameter(nil, "Tensor", name: "x"), Parameter("batchSize", .optional("Int"), default: .nil),
                                 Parameter("verbose", .any, default: .int(0))]) { m, args in
            tensor.wrap(try m.predict(try args.native(0, as: tensor), batchSize: try args.optional(1) { try args.int($0) }))
        }
    }
}

extension Optional {
    /// The value, or a `NativeError` with `message`.
    func orThrow(_ message: String) throws -> Wrapped {
        guard let value = self else { throw NativeError(message) }
        return value
    }
}
