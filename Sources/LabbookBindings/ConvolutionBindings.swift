import LabbookEngine
import LabbookInterpreter

/// The convolutional layers: `Conv2D(32, kernelSize: 3, activation: .relu)`,
/// `MaxPooling2D(poolSize: 2)`, `AveragePooling2D()`, `GlobalAveragePooling2D()`. Sizes and
/// strides are an Int or two (`kernelSize: [3, 5]`), padding `"valid"` or `"same"`, as in Keras.
extension EngineTypes {
    func registerConvolutionLayers() {
        let layer = self.layer
        let padding = Parameter("padding", "String", default: .string(LayerDefaults.padding.rawValue))
        subtype("Conv2D").constructorReturningValue([
            Parameter(nil, "Int", name: "filters"),
            Parameter("kernelSize", .any),
            Parameter("strides", .any, default: .array(LayerDefaults.convolutionStrides.map(Value.int))),
            padding,
            Parameter("activation", "Activation", default: activation.wrap(LayerDefaults.activation)),
            Parameter("useBias", "Bool", default: .bool(LayerDefaults.useBias)),
            Parameter("kernelInitializer", "Initializer", default: initializer.wrap(LayerDefaults.kernelInitializer)),
            Parameter("biasInitializer", "Initializer", default: initializer.wrap(LayerDefaults.biasInitializer)),
            Parameter("kernelRegularizer", .optional("Regularizer"), default: .nil),
            Parameter("biasRegularizer", .optional("Regularizer"), default: .nil),
            Parameter("inputShape", .optional(.array("Int")), default: .nil),
        ]) { [activation, initializer, regularizer] args in
            layer.wrap(try Conv2D(try args.int(0), kernelSize: try Self.pair(args, 1), strides: try Self.pair(args, 2),
                                  padding: try Self.padding(args, 3), activation: try args.native(4, as: activation),
                                  useBias: try args.bool(5), kernelInitializer: try args.native(6, as: initializer),
                                  biasInitializer: try args.native(7, as: initializer),
                                  kernelRegularizer: try args.optional(8) { try args.native($0, as: regularizer) },
                                  biasRegularizer: try args.optional(9) { try args.native($0, as: regularizer) },
                                  inputShape: try args.optional(10) { try args.ints($0) }))
        }
        let pooling = [Parameter("poolSize", .any, default: .array(LayerDefaults.poolSize.map(Value.int))),
                       Parameter("strides", .any, default: .nil), padding]
        subtype("MaxPooling2D").constructorReturningValue(pooling) { args in
            layer.wrap(try MaxPooling2D(poolSize: try Self.pair(args, 0), strides: try args.optional(1) { try Self.pair(args, $0) },
                                        padding: try Self.padding(args, 2)))
        }
        subtype("AveragePooling2D").constructorReturningValue(pooling) { args in
            layer.wrap(try AveragePooling2D(poolSize: try Self.pair(args, 0), strides: try args.optional(1) { try Self.pair(args, $0) },
                                            padding: try Self.padding(args, 2)))
        }
        subtype("GlobalAveragePooling2D").constructorReturningValue([]) { _ in layer.wrap(GlobalAveragePooling2D()) }
    }

    /// A window size or strides: `3` → `[3, 3]`, `[3, 5]` as given.
    private static func pair(_ args: Arguments, _ index: Int) throws -> [Int] {
        let name = args.parameters[index].label ?? "size"
        switch args[index] {
        case .int(let n): return [n, n]
        case .array(let items) where items.count == 2:
            let values = items.compactMap { item -> Int? in if case .int(let n) = item { return n } else { return nil } }
            if values.count == 2 { return values }
        default: break
        }
        throw NativeError(BindingMessages.sizePair(args.functionName, name, found: args[index]))
    }

    /// `"valid"` or `"same"`, in any case, as Keras reads it.
    private static func padding(_ args: Arguments, _ index: Int) throws -> Padding {
        let text = try args.string(index)
        guard let padding = Padding(rawValue: text.lowercased()) else {
            throw NativeError(BindingMessages.padding(text))
        }
        return padding
    }
}
