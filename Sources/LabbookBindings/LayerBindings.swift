import LabbookEngine
import LabbookInterpreter

/// The layers: `Dense(128, activation: .relu)`, `Flatten(inputShape: [28, 28])`, ...; each is
/// a `Layer`, shared by reference (a layer belongs to one model).
extension EngineTypes {
    func registerLayers() {
        let layer = self.layer
        layer.describe { l in
            switch l.spec {
            case let .dense(units, activation, _, _, _, _, _, _): return "Dense(\(units), activation: .\(Convert.camelCase(activation.kerasName)))"
            case .flatten: return "Flatten()"
            case let .reshape(target, _): return "Reshape(\(target))"
            case let .input(shape): return "Input(shape: \(shape))"
            case let .activation(activation): return "Activation(.\(Convert.camelCase(activation.kerasName)))"
            case let .dropout(rate, _): return "Dropout(\(rate))"
            case .batchNormalization: return "BatchNormalization()"
            case let .conv2D(filters, kernelSize, _, _, activation, _, _, _, _, _, _):
                return "Conv2D(\(filters), kernelSize: \(kernelSize), activation: .\(Convert.camelCase(activation.kerasName)))"
            case let .maxPooling2D(poolSize, _, _): return "MaxPooling2D(poolSize: \(poolSize))"
            case let .averagePooling2D(poolSize, _, _): return "AveragePooling2D(poolSize: \(poolSize))"
            case .globalAveragePooling2D: return "GlobalAveragePooling2D()"
            }
        }
        layer.property("name") { .string($0.name) }
        layer.property("parameterCount") { .int($0.parameters.reduce(0) { $0 + $1.count }) }
        layer.method("getWeights") { [tensor] l, _ in .array(l.parameters.map { tensor.wrap($0.value.copied()) }) }

        let inputShape = Parameter("inputShape", .optional(.array("Int")), default: .nil)
        func shape(_ args: Arguments, _ index: Int) throws -> [Int]? { try args.optional(index) { try args.ints($0) } }

        subtype("Dense").constructorReturningValue([
            Parameter(nil, "Int", name: "units"),
            Parameter("activation", "Activation", default: activation.wrap(LayerDefaults.activation)),
            Parameter("useBias", "Bool", default: .bool(LayerDefaults.useBias)),
            Parameter("kernelInitializer", "Initializer", default: initializer.wrap(LayerDefaults.kernelInitializer)),
            Parameter("biasInitializer", "Initializer", default: initializer.wrap(LayerDefaults.biasInitializer)),
            Parameter("kernelRegularizer", .optional("Regularizer"), default: .nil),
            Parameter("biasRegularizer", .optional("Regularizer"), default: .nil),
            inputShape,
        ]) { [activation, initializer, regularizer] args in
            layer.wrap(try Dense(try args.int(0), activation: try args.native(1, as: activation), useBias: try args.bool(2),
                                 kernelInitializer: try args.native(3, as: initializer),
                                 biasInitializer: try args.native(4, as: initializer),
                                 kernelRegularizer: try args.optional(5) { try args.native($0, as: regularizer) },
                                 biasRegularizer: try args.optional(6) { try args.native($0, as: regularizer) },
                                 inputShape: try shape(args, 7)))
        }
        subtype("Flatten").constructorReturningValue([inputShape]) { args in layer.wrap(Flatten(inputShape: try shape(args, 0))) }
        subtype("Input").constructorReturningValue([Parameter("shape", .array("Int"))]) { args in
            layer.wrap(try Input(shape: try args.ints(0)))
        }
        subtype("Reshape").constructorReturningValue([Parameter(nil, .array("Int"), name: "targetShape"), inputShape]) { args in
            layer.wrap(try Reshape(try args.ints(0), inputShape: try shape(args, 1)))
        }
        subtype("Dropout").constructorReturningValue([Parameter(nil, "Double", name: "rate"),
                                                      Parameter("seed", .optional("Int"), default: .nil)]) { args in
            layer.wrap(try Dropout(try args.double(0), seed: try args.optional(1) { try args.int($0) }))
        }
        subtype("BatchNormalization").constructorReturningValue([
            Parameter("momentum", "Double", default: .double(LayerDefaults.batchNormalizationMomentum)),
            Parameter("epsilon", "Double", default: .double(LayerDefaults.batchNormalizationEpsilon)),
        ]) { args in
            layer.wrap(try BatchNormalization(momentum: try args.double(0), epsilon: try args.double(1)))
        }
        registerConvolutionLayers()
    }

    /// A layer kind's name as a type (`Dense` in annotations), accepted wherever a `Layer` is.
    func subtype(_ name: String) -> NativeType<any Layer> {
        library.registerType((any Layer).self, name: name, semantics: .reference, parent: layer)
    }
}
