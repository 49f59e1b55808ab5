import LabbookEngine
import LabbookInterpreter

/// The optimizers, with Keras's parameters and defaults: `Adam()`, `SGD(learningRate: 0.1,
/// momentum: 0.9)`, `.adam`, `"adam"` (each a new optimizer, with state of its own), and the
/// learning-rate schedules.
extension EngineTypes {
    func registerOptimizers() {
        let optimizer = self.optimizer, schedule = self.schedule
        optimizer.describe { o in
            let rate: String
            if case .constant(let value) = o.learningRate { rate = Convert.short(value) } else { rate = "\(o.learningRate)" }
            let settings = o.config.map { name, value in
                let boolean = ["amsgrad", "nesterov", "centered"].contains(name)
                return "\(Convert.camelCase(name)): " + (boolean ? "\(value != 0)" : Convert.short(value))
            }
            return "\(o.kerasName)(" + (["learningRate: \(rate)"] + settings).joined(separator: ", ") + ")"
        }
        optimizer.property("iterations") { .int($0.iterations) }
        optimizer.property("learningRate") { o in
            if case .constant(let rate) = o.learningRate { return .double(rate) }
            return schedule.wrap(o.learningRate)
        }

        let clipping = [Parameter("clipnorm", .optional("Double"), default: .nil),
                        Parameter("clipvalue", .optional("Double"), default: .nil),
                        Parameter("globalClipnorm", .optional("Double"), default: .nil)]
        func rate(_ default: Double) -> Parameter { Parameter("learningRate", .any, default: .double(`default`)) }
        func number(_ label: String, _ value: Double) -> Parameter { Parameter(label, "Double", default: .double(value)) }
        func flag(_ label: String) -> Parameter { Parameter(label, "Bool", default: .bool(false)) }

        // name, Keras string, own parameters (after learningRate), maker.
        typealias Maker = (LearningRate, Arguments) throws -> Optimizer
        let kinds: [(String, String, Double, [Parameter], Maker)] = [
            ("SGD", "sgd", 0.01, [number("momentum", 0), flag("nesterov")], { lr, a in
                SGD(learningRate: lr, momentum: try a.double(1), nesterov: try a.bool(2)) }),
            ("Adam", "adam", 0.001, [number("beta1", 0.9), number("beta2", 0.999), number("epsilon", 1e-7), flag("amsgrad")], { lr, a in
                Adam(learningRate: lr, beta1: try a.double(1), beta2: try a.double(2), epsilon: try a.double(3), amsgrad: try a.bool(4)) }),
            ("AdamW", "adamw", 0.001, [number("weightDecay", 0.004), number("beta1", 0.9), number("beta2", 0.999),
                                       number("epsilon", 1e-7), flag("amsgrad")], { lr, a in
                AdamW(learningRate: lr, weightDecay: try a.double(1), beta1: try a.double(2), beta2: try a.double(3),
                      epsilon: try a.double(4), amsgrad: try a.bool(5)) }),
            ("Adamax", "adamax", 0.001, [number("beta1", 0.9), number("beta2", 0.999), number("epsilon", 1e-7)], { lr, a in
                Adamax(learningRate: lr, beta1: try a.double(1), beta2: try a.double(2), epsilon: try a.double(3)) }),
            ("Nadam", "nadam", 0.001, [number("beta1", 0.9), number("beta2", 0.999), number("epsilon", 1e-7)], { lr, a in
                Nadam(learningRate: lr, beta1: try a.double(1), beta2: try a.double(2), epsilon: try a.double(3)) }),
            ("RMSprop", "rmsprop", 0.001, [number("rho", 0.9), number("momentum", 0), number("epsilon", 1e-7), flag("centered")], { lr, a in
                RMSprop(learningRate: lr, rho: try a.double(1), momentum: try a.double(2), epsilon: try a.double(3), centered: try a.bool(4)) }),
            ("Adagrad", "adagrad", 0.001, [number("initialAccumulatorValue", 0.1), number("epsilon", 1e-7)], { lr, a in
                Adagrad(learningRate: lr, initialAccumulatorValue: try a.double(1), epsilon: try a.double(2)) }),
            ("Adadelta", "adadelta", 0.001, [number("rho", 0.95), number("epsilon", 1e-7)], { lr, a in
                Adadelta(learningRate: lr, rho: try a.double(1), epsilon: try a.double(2)) }),
            ("Lion", "lion", 0.001, [number("beta1", 0.9), number("beta2", 0.99)], { lr, a in
                Lion(learningRate: lr, beta1: try a.double(1), beta2: try a.double(2)) }),
        ]
        var byKerasName: [String: () -> Optimizer] = [:]
        for (name, keras, defaultRate, own, make) in kinds {
            let parameters = [rate(defaultRate)] + own + clipping
            let build: (Arguments) throws -> Value = { args in
                let o = try make(try learningRate(args[0]), args)
                o.clipnorm = try args.optional(own.count + 1) { try args.double($0) }
                o.clipvalue = try args.optional(own.count + 2) { try args.double($0) }
                o.globalClipnorm = try args.optional(own.count + 3) { try args.double($0) }
                return optimizer.wrap(o)
            }
            library.function(name, parameters, build)
            optimizer.staticMethod(keras, parameters, build)
            byKerasName[keras] = { Optimizer.named(keras) ?? Adam() }
        }
        optimizer.spellings(kinds.map(\.1)) { name in
            let key = name.lowercased()
            return byKerasName[key].map { optimizer.wrap($0()) }
        }

        schedule.describe { "\($0)" }
        library.function("ExponentialDecay", [
            Parameter("initialLearningRate", "Double"), Parameter("decaySteps", "Int"), Parameter("decayRate", "Double"),
            Parameter("staircase", "Bool", default: .bool(false)),
        ]) { args in
            schedule.wrap(try LearningRate.exponentialDecay(initial: try args.double(0), decaySteps: try args.int(1),
                                                            decayRate: try args.double(2), staircase: try args.bool(3)).checked())
        }
        library.function("CosineDecay", [
            Parameter("initialLearningRate", "Double"), Parameter("decaySteps", "Int"), Parameter("alpha", "Double", default: .double(0)),
            Parameter("warmupTarget", .optional("Double"), default: .nil), Parameter("warmupSteps", "Int", default: .int(0)),
        ]) { args in
            schedule.wrap(try LearningRate.cosineDecay(initial: try args.double(0), decaySteps: try args.int(1), alpha: try args.double(2),
                                                       warmupTarget: try args.optional(3) { try args.double($0) },
                                                       warmupSteps: try args.int(4)).checked())
        }
    }

    /// A learning rate argument: a number or a schedule.
    private func learningRate(_ value: Value) throws -> LearningRate {
        if let rate = Convert.number(value) {
            guard rate > 0, rate.isFinite else { throw NativeError(BindingMessages.learningRate(rate)) }
            return .constant(rate)
        }
        if let schedule = schedule.unwrap(value) { return schedule }
        throw NativeError(BindingMessages.learningRateValue(value.typeName))
    }
}
