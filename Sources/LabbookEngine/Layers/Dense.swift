/// A fully connected layer, Keras's `Dense`: `y = activation(x · kernel + bias)` on the last
/// axis of its input (a `[batch, 28, 28]` input gives `[batch, 28, units]`, as Keras 3 does).
/// The products are single `sgemm` calls on the input viewed as `[rows, inputSize]`; bias and
/// activation are one pass over the output.
public final class Dense: Layer, LogitsProducing {
    public let typeName = "Dense"
    public var name = "dense"
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?
    public let biasRegularizer: Regularizer?
    public let declaredInputShape: [Int]?
    public private(set) var parameters: [Weight] = []

    var receivesLogitGradient = false
    var outputActivation: Activation { activation }
    var logits: Tensor? { activation == .linear ? activated.output : activated.preActivation }

    private var input: Tensor?
    private var activated: ActivatedOutput
    private var zBuffer = Workspace(), inputGradientBuffer = Workspace()

    /// Keras's defaults (``LayerDefaults``): linear activation, bias, `glorot_uniform` kernel, `zeros` bias.
    public init(_ units: Int, activation: Activation = LayerDefaults.activation, useBias: Bool = LayerDefaults.useBias,
                kernelInitializer: Initializer = LayerDefaults.kernelInitializer,
                biasInitializer: Initializer = LayerDefaults.biasInitializer,
                kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
                inputShape: [Int]? = nil) throws {
        guard units > 0 else { throw EngineError.invalidArgument(EngineMessages.denseUnits(units)) }
        self.units = units
        self.activation = activation
        self.activated = ActivatedOutput(activation)
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
        self.biasRegularizer = biasRegularizer
        self.declaredInputShape = inputShape
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        guard let last = inputShape.last, last > 0 else {
            throw EngineError.layerInputShape(layer: name, expected: EngineMessages.anyFeatures, found: inputShape)
        }
        return inputShape.dropLast() + [units]
    }

    public func parameterCount(forInput inputShape: [Int]) -> (trainable: Int, nonTrainable: Int) {
        let kernel = Checked.product([inputShape.last ?? 0, units])
        return (kernel.flatMap { Checked.sum($0, useBias ? units : 0) } ?? .max, 0)
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        let kernel = try Weight(name: "kernel", shape: [inputShape.last ?? 0, units], regularizer: kernelRegularizer)
        kernelInitializer.fill(&kernel.value, stream: stream("kernel"))
        parameters = [kernel]
        if useBias {
            let bias = try Weight(name: "bias", shape: [units], regularizer: biasRegularizer)
            biasInitializer.fill(&bias.value, stream: stream("bias"))
            parameters.append(bias)
        }
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let inputSize = parameters[0].value.shape[0]
        guard input.shape.last == inputSize else {
            throw EngineError.layerInputShape(layer: name, expected: EngineMessages.features(inputSize), found: input.shape)
        }
        let rows = input.count / inputSize
        let shape = Array(input.shape.dropLast()) + [units]
        let z = zBuffer.tensor(shape)
        input.withUnsafeBufferPointer { x in
            parameters[0].value.withUnsafeBufferPointer { w in
                BLAS.gemm(x.baseAddress!, w.baseAddress!, z.pointer, m: rows, n: units, k: inputSize)
            }
        }
        if useBias { Bias.add(parameters[1].value.pointer, to: z.pointer, rows: rows, columns: units) }
        self.input = input
        return activated.apply(to: z, rows: rows, columns: units)
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let input, activated.output != nil else { return nil }
        let inputSize = parameters[0].value.shape[0]
        let rows = input.count / inputSize
        // dz: [rows, units], the gradient with respect to the pre-activation values.
        let dz = activated.preActivationGradient(outputGradient, rows: rows, columns: units,
                                                 throughLogits: receivesLogitGradient)
        // dKernel [inputSize, units] = xᵀ · dz.
        let kernel = parameters[0]
        input.withUnsafeBufferPointer { x in
            BLAS.gemm(x.baseAddress!, transposeA: true, dz.pointer, kernel.gradient.pointer,
                      m: inputSize, n: units, k: rows)
        }
        if useBias { Bias.gradient(of: dz.pointer, into: parameters[1].gradient.pointer, rows: rows, columns: units) }
        guard needsInputGradient else { return nil }
        // dInput [rows, inputSize] = dz · kernelᵀ.
        let dx = inputGradientBuffer.tensor(input.shape)
        BLAS.gemm(dz.pointer, kernel.value.pointer, transposeB: true, dx.pointer, m: rows, n: inputSize, k: units)
        return dx
    }

    public var spec: LayerSpec {
        .dense(units: units, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer,
               biasInitializer: biasInitializer, kernelRegularizer: kernelRegularizer, biasRegularizer: biasRegularizer,
               inputShape: declaredInputShape)
    }
}
