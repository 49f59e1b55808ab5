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
            let flags = Set(OptimizerRegistry.entry(savedAs: o.kerasName)?.parameters.filter(\.isFlag).map(\.key) ?? [])
            let settings = o.config.map { name, value in
                "\(Convert.camelCase(name)): " + (flags.contains(name) ? "\(value != 0)" : Convert.short(value))
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
        for entry in OptimizerRegistry.entries {
            // The labels are Keras's keys in camel case (`beta_1` → `beta1`), the defaults the entry's.
            let own = entry.parameters.map { p in
                Parameter(Convert.camelCase(p.key), p.isFlag ? "Bool" : "Double",
                          default: p.isFlag ? .bool(p.defaultFlag) : .double(p.defaultValue))
            }
            let parameters = [Parameter("learningRate", .any, default: .double(entry.learningRate))] + own + clipping
            let build: (Arguments) throws -> Value = { args in
                let rate = try learningRate(args[0])
                var values: [String: Double] = [:]
                for (index, p) in entry.parameters.enumerated() {
                    values[p.key] = p.isFlag ? (try args.bool(index + 1) ? 1 : 0) : try args.double(index + 1)
                }
                let o = entry.makeOptimizer(learningRate: rate, values: values)
                o.clipnorm = try args.optional(own.count + 1) { try args.double($0) }
                o.clipvalue = try args.optional(own.count + 2) { try args.double($0) }
                o.globalClipnorm = try args.optional(own.count + 3) { try args.double($0) }
                return optimizer.wrap(o)
            }
            library.function(entry.name, parameters, build)
            optimizer.staticMethod(entry.lookupName, parameters, build)
        }
        optimizer.spellings(OptimizerRegistry.entries.map(\.lookupName)) { name in Optimizer.named(name).map(optimizer.wrap) }

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
