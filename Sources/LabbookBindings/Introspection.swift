import LabbookEngine
import LabbookInterpreter

/// What a check needs to look at a student's work: each layer's kind and settings, the model's
/// optimizer, loss and metrics, the optimizer's Keras name and settings. A setting a layer does
/// not have is `nil` (`Flatten().units`), as an optional property in Swift.
extension EngineTypes {
    func registerIntrospection() {
        let layer = self.layer, activation = self.activation, initializer = self.initializer
        layer.property("kind") { .string($0.typeName) }
        layer.property("units") { l in
            if case let .dense(units, _, _, _, _, _, _, _) = l.spec { return .int(units) }
            return .nil
        }
        layer.property("filters") { l in
            if case let .conv2D(filters, _, _, _, _, _, _, _, _, _, _) = l.spec { return .int(filters) }
            return .nil
        }
        layer.property("kernelSize") { l in
            if case let .conv2D(_, kernelSize, _, _, _, _, _, _, _, _, _) = l.spec { return .array(kernelSize.map(Value.int)) }
            return .nil
        }
        layer.property("poolSize") { l in
            switch l.spec {
            case let .maxPooling2D(poolSize, _, _), let .averagePooling2D(poolSize, _, _): return .array(poolSize.map(Value.int))
            default: return .nil
            }
        }
        layer.property("activation") { l in
            switch l.spec {
            case let .dense(_, a, _, _, _, _, _, _), let .conv2D(_, _, _, _, a, _, _, _, _, _, _), let .activation(a):
                return activation.wrap(a)
            default: return .nil
            }
        }
        layer.property("useBias") { l in
            switch l.spec {
            case let .dense(_, _, useBias, _, _, _, _, _), let .conv2D(_, _, _, _, _, useBias, _, _, _, _, _): return .bool(useBias)
            default: return .nil
            }
        }
        layer.property("kernelInitializer") { l in
            switch l.spec {
            case let .dense(_, _, _, k, _, _, _, _), let .conv2D(_, _, _, _, _, _, k, _, _, _, _): return initializer.wrap(k)
            default: return .nil
            }
        }
        layer.property("biasInitializer") { l in
            switch l.spec {
            case let .dense(_, _, _, _, b, _, _, _), let .conv2D(_, _, _, _, _, _, _, b, _, _, _): return initializer.wrap(b)
            default: return .nil
            }
        }
        layer.property("rate") { l in
            if case let .dropout(rate, _) = l.spec { return .double(rate) }
            return .nil
        }

        let model = self.model, optimizer = self.optimizer, loss = self.loss, metric = self.metric
        model.property("optimizer") { m in m.optimizer.map(optimizer.wrap) ?? .nil }
        model.property("loss") { m in m.loss.map(loss.wrap) ?? .nil }
        model.property("metrics") { m in .array(m.metrics.map(metric.wrap)) }

        // `optimizer.name` is the string Keras's `optimizers.get` takes (`adam`, `rmsprop`); each
        // hyper-parameter is a property under its label (`beta1`, `momentum`, `nesterov`).
        optimizer.property("name") { o in .string(OptimizerRegistry.entry(savedAs: o.kerasName)?.lookupName ?? o.kerasName) }
        // (Weight decay is every optimizer's, AdamW's among its own too: one property below.)
        for parameter in Set(OptimizerRegistry.entries.flatMap(\.parameters).map(\.key)).subtracting(["weight_decay"]).sorted() {
            let isFlag = OptimizerRegistry.entries.contains { $0.parameters.contains { $0.key == parameter && $0.isFlag } }
            optimizer.property(Convert.camelCase(parameter)) { o in
                guard let value = o.config.first(where: { $0.0 == parameter })?.1 else { return .nil }
                return isFlag ? .bool(value != 0) : .double(value)
            }
        }
        optimizer.property("clipnorm") { o in o.clipnorm.map(Value.double) ?? .nil }
        optimizer.property("clipvalue") { o in o.clipvalue.map(Value.double) ?? .nil }
        optimizer.property("weightDecay") { o in o.weightDecay.map(Value.double) ?? .nil }
    }
}
