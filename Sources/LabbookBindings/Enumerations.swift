import LabbookEngine
import LabbookInterpreter

/// The enum-like types: each Swift spelling is an implicit member (`.relu`,
/// `.leakyRelu(alpha: 0.1)`, `.sparseCategoricalCrossentropy`), each Keras spelling a string
/// (`"relu"`, `"sparse_categorical_crossentropy"`), and both give the same value.
extension EngineTypes {
    func registerEnumerations() {
        registerActivation()
        registerInitializer()
        registerRegularizer()
        registerLoss()
        registerMetric()
        registerMetricName()
        registerDType()
        registerCallbackAction()
    }

    private func registerActivation() {
        for value in Activation.all {
            if case .leakyRelu = value {
                activation.staticMethod("leakyRelu", [Parameter("alpha", "Double", default: .double(0.2))]) { [activation] args in
                    activation.wrap(.leakyRelu(alpha: try args.double(0)))
                }
            } else {
                activation.staticMember(Convert.camelCase(value.kerasName), activation.wrap(value))
            }
        }
        activation.spellings(Activation.all.map(\.kerasName)) { [activation] in Activation.named($0).map(activation.wrap) }
        activation.describe { $0.kerasName }
        activation.equality(==)
        // `Activation(.relu)` is also the layer that applies it.
        activation.constructorReturningValue([Parameter(nil, "Activation", name: "activation")]) { [activation, layer] args in
            layer.wrap(ActivationLayer(try args.native(0, as: activation)))
        }
    }

    private func registerInitializer() {
        let seed = Parameter("seed", .optional("Int"), default: .nil)
        func seedArgument(_ args: Arguments, _ index: Int) throws -> Int? { try args.optional(index) { try args.int($0) } }
        let simple: [(String, (Int?) -> Initializer)] = [
            ("glorotUniform", { .glorotUniform(seed: $0) }), ("glorotNormal", { .glorotNormal(seed: $0) }),
            ("heUniform", { .heUniform(seed: $0) }), ("heNormal", { .heNormal(seed: $0) }),
            ("lecunUniform", { .lecunUniform(seed: $0) }), ("lecunNormal", { .lecunNormal(seed: $0) }),
        ]
        for (name, make) in simple {
            initializer.staticMethod(name, [seed]) { [initializer] args in initializer.wrap(make(try seedArgument(args, 0))) }
            // The Keras class-style constructor: `GlorotUniform(seed: 1)`.
            library.function(name.prefix(1).uppercased() + name.dropFirst(), [seed]) { [initializer] args in
                initializer.wrap(make(try seedArgument(args, 0)))
            }
        }
        initializer.staticMember("zeros", initializer.wrap(.zeros))
        initializer.staticMember("ones", initializer.wrap(.ones))
        library.function("Zeros") { [initializer] _ in initializer.wrap(.zeros) }
        library.function("Ones") { [initializer] _ in initializer.wrap(.ones) }
        let constant = [Parameter(nil, "Double", name: "value", default: .double(0))]
        initializer.staticMethod("constant", constant) { [initializer] args in initializer.wrap(.constant(try args.double(0))) }
        library.function("Constant", [Parameter("value", "Double", default: .double(0))]) { [initializer] args in
            initializer.wrap(.constant(try args.double(0)))
        }
        let normal = [Parameter("mean", "Double", default: .double(0)), Parameter("stddev", "Double", default: .double(0.05)), seed]
        let uniform = [Parameter("minval", "Double", default: .double(-0.05)), Parameter("maxval", "Double", default: .double(0.05)), seed]
        let families: [(String, [Parameter], (Arguments) throws -> Initializer)] = [
            ("randomNormal", normal, { .randomNormal(mean: try $0.double(0), stddev: try $0.double(1), seed: try seedArgument($0, 2)) }),
            ("truncatedNormal", normal, { .truncatedNormal(mean: try $0.double(0), stddev: try $0.double(1), seed: try seedArgument($0, 2)) }),
            ("randomUniform", uniform, { .randomUniform(minval: try $0.double(0), maxval: try $0.double(1), seed: try seedArgument($0, 2)) }),
            ("orthogonal", [Parameter("gain", "Double", default: .double(1)), seed],
             { .orthogonal(gain: try $0.double(0), seed: try seedArgument($0, 1)) }),
        ]
        for (name, parameters, make) in families {
            initializer.staticMethod(name, parameters) { [initializer] args in initializer.wrap(try make(args)) }
            library.function(name.prefix(1).uppercased() + name.dropFirst(), parameters) { [initializer] args in
                initializer.wrap(try make(args))
            }
        }
        let keras: [String: Initializer] = [
            "zeros": .zeros, "ones": .ones, "random_normal": .randomNormal(), "random_uniform": .randomUniform(),
            "truncated_normal": .truncatedNormal(), "glorot_uniform": .glorotUniform(), "glorot_normal": .glorotNormal(),
            "he_uniform": .heUniform(), "he_normal": .heNormal(), "lecun_uniform": .lecunUniform(),
            "lecun_normal": .lecunNormal(), "orthogonal": .orthogonal(),
        ]
        initializer.spellings(keras.keys.sorted()) { [initializer] in keras[$0].map(initializer.wrap) }
        initializer.describe { "\($0)" }
        initializer.equality(==)
    }

    private func registerRegularizer() {
        regularizer.staticMethod("l1", [Parameter(nil, "Double", name: "l1", default: .double(0.01))]) { [regularizer] args in
            regularizer.wrap(.l1(try args.double(0)))
        }
        regularizer.staticMethod("l2", [Parameter(nil, "Double", name: "l2", default: .double(0.01))]) { [regularizer] args in
            regularizer.wrap(.l2(try args.double(0)))
        }
        let both = [Parameter("l1", "Double", default: .double(0.01)), Parameter("l2", "Double", default: .double(0.01))]
        regularizer.staticMethod("l1l2", both) { [regularizer] args in
            regularizer.wrap(.l1l2(l1: try args.double(0), l2: try args.double(1)))
        }
        library.function("L1", [Parameter(nil, "Double", name: "l1", default: .double(0.01))]) { [regularizer] args in
            regularizer.wrap(.l1(try args.double(0)))
        }
        library.function("L2", [Parameter(nil, "Double", name: "l2", default: .double(0.01))]) { [regularizer] args in
            regularizer.wrap(.l2(try args.double(0)))
        }
        // The class `L1L2` defaults to no penalty, the function `l1_l2` to 0.01 each, as in Keras.
        let classDefaults = [Parameter("l1", "Double", default: .double(0)), Parameter("l2", "Double", default: .double(0))]
        library.function("L1L2", classDefaults) { [regularizer] args in
            regularizer.wrap(.l1l2(l1: try args.double(0), l2: try args.double(1)))
        }
        let keras: [String: Regularizer] = ["l1": .l1(0.01), "l2": .l2(0.01), "l1_l2": .l1l2(l1: 0.01, l2: 0.01)]
        regularizer.spellings(keras.keys.sorted()) { [regularizer] in keras[$0].map(regularizer.wrap) }
        regularizer.describe { "\($0)" }
        regularizer.equality(==)
    }

    private func registerLoss() {
        let fromLogits = [Parameter("fromLogits", "Bool", default: .bool(Loss.fromLogitsDefault))]
        loss.staticMethod("sparseCategoricalCrossentropy", fromLogits) { [loss] args in
            loss.wrap(.sparseCategoricalCrossentropy(fromLogits: try args.bool(0)))
        }
        loss.staticMethod("categoricalCrossentropy", fromLogits) { [loss] args in
            loss.wrap(.categoricalCrossentropy(fromLogits: try args.bool(0)))
        }
        loss.staticMethod("binaryCrossentropy", fromLogits) { [loss] args in
            loss.wrap(.binaryCrossentropy(fromLogits: try args.bool(0)))
        }
        loss.staticMember("meanSquaredError", loss.wrap(.meanSquaredError))
        loss.staticMember("meanAbsoluteError", loss.wrap(.meanAbsoluteError))
        loss.spellings(Loss.kerasSpellings) { [loss] in Loss.named($0).map(loss.wrap) }
        loss.describe { $0.kerasName }
        loss.equality(==)
    }

    private func registerMetric() {
        metric.staticMember("accuracy", metric.wrap(.accuracy))
        metric.staticMethod("sparseTopKCategoricalAccuracy", [Parameter("k", "Int", default: .int(Metric.defaultTopK))]) { [metric] args in
            metric.wrap(.sparseTopKCategoricalAccuracy(k: try args.int(0)))
        }
        metric.spellings(Metric.kerasSpellings) { [metric] in Metric.named($0).map(metric.wrap) }
        metric.describe { $0.kerasName }
        metric.equality(==)
    }

    /// The names of logged metrics (``MetricName``), written `.valAccuracy` or `"val_accuracy"`.
    private func registerMetricName() {
        // The loss and each metric labbook logs, and their validation names.
        let known = (["loss"] + Metric.all.map(\.kerasName)).flatMap { name in
            [name, MetricName(keras: name).validation.keras]
        }
        for name in known { metricName.staticMember(Convert.camelCase(name), metricName.wrap(MetricName(keras: name))) }
        // Any Keras metric name is a valid string: histories may hold metrics of any name.
        metricName.spellings(known) { [metricName] name in
            name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } ? metricName.wrap(MetricName(keras: name)) : nil
        }
        metricName.describe { $0.keras }
        metricName.equality(==)
    }

    private func registerDType() {
        for value in DType.allCases { dtype.staticMember(value.rawValue, dtype.wrap(value)) }
        dtype.spellings(DType.allCases.map(\.rawValue)) { [dtype] in DType(rawValue: $0).map(dtype.wrap) }
        dtype.describe { $0.rawValue }
        dtype.equality(==)
    }

    private func registerCallbackAction() {
        action.staticMember("stop", action.wrap(.stop))
        action.staticMember("continue", action.wrap(.continue))
        action.spellings(["stop", "continue"]) { [action] in
            $0 == "stop" ? action.wrap(.stop) : ($0 == "continue" ? action.wrap(.continue) : nil)
        }
        action.describe { $0 == .stop ? "stop" : "continue" }
        action.equality(==)
    }
}
