/// Keras's `Conv2D` on channels-last images: `[batch, height, width, channels]` →
/// `[batch, outHeight, outWidth, filters]`, with a `[kh, kw, channels, filters]` kernel.
///
/// The convolution is im2col + one `sgemm`: the batch's patches are gathered as rows of a
/// `[positions, kh·kw·channels]` matrix (``PatchLayout``) and multiplied by the kernel read as a
/// `[kh·kw·channels, filters]` matrix, which gives the channels-last output directly. Backward
/// is two more products: the kernel's gradient `patchesᵀ · dz` and the patches' gradient
/// `dz · kernelᵀ`, scattered back onto the input. Large batches (a whole test set at once) are
/// taken a chunk of examples at a time so the patch matrix stays bounded; all buffers are
/// reused from batch to batch.
public final class Conv2D: Layer {
    public let typeName = "Conv2D"
    public var name = "conv2d"
    public let filters: Int
    public let window: Window
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?
    public let biasRegularizer: Regularizer?
    public let declaredInputShape: [Int]?
    public private(set) var parameters: [Weight] = []

    /// The most patch values gathered at once (16 MB of Float32).
    static let patchBudget = 1 << 22

    private var layout: PatchLayout?
    private var input: Tensor?
    private var activated: ActivatedOutput
    /// Whether `patches` holds the whole last batch (then backward does not gather again).
    private var patchesHoldBatch = false
    private var patches = Workspace(), patchGradient = Workspace()
    private var zBuffer = Workspace(), inputGradientBuffer = Workspace()

    /// Keras's defaults: stride 1, `valid` padding, linear activation, bias, `glorot_uniform`
    /// kernel, `zeros` bias. `kernelSize` and `strides` are `[height, width]`.
    public init(_ filters: Int, kernelSize: [Int], strides: [Int] = LayerDefaults.convolutionStrides,
                padding: Padding = LayerDefaults.padding,
                activation: Activation = LayerDefaults.activation, useBias: Bool = LayerDefaults.useBias,
                kernelInitializer: Initializer = LayerDefaults.kernelInitializer,
                biasInitializer: Initializer = LayerDefaults.biasInitializer,
                kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
                inputShape: [Int]? = nil) throws {
        guard filters > 0 else { throw EngineError.invalidArgument(EngineMessages.convolutionFilters(filters)) }
        self.filters = filters
        self.window = try Window(size: kernelSize, strides: strides, padding: padding, what: "Conv2D")
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
        let (y, x) = try window.positions(inputShape, layer: name)
        return [y.count, x.count, filters]
    }

    public func parameterCount(forInput inputShape: [Int]) -> (trainable: Int, nonTrainable: Int) {
        let channels = inputShape.count == 3 ? inputShape[2] : 0
        let kernel = Checked.product([window.height, window.width, channels, filters])
        return (kernel.flatMap { Checked.sum($0, useBias ? filters : 0) } ?? .max, 0)
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        let (y, x) = try window.positions(inputShape, layer: name)
        layout = PatchLayout(height: inputShape[0], width: inputShape[1], channels: inputShape[2], window: window, rows: y, columns: x)
        let kernel = try Weight(name: "kernel", shape: [window.height, window.width, inputShape[2], filters],
                                   regularizer: kernelRegularizer)
        kernelInitializer.fill(&kernel.value, stream: stream("kernel"))
        parameters = [kernel]
        if useBias {
            let bias = try Weight(name: "bias", shape: [filters], regularizer: biasRegularizer)
            biasInitializer.fill(&bias.value, stream: stream("bias"))
            parameters.append(bias)
        }
    }

    /// How many examples are gathered at once.
    private func chunk(_ layout: PatchLayout) -> Int { max(1, Conv2D.patchBudget / max(1, layout.positions * layout.patchSize)) }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let layout, Array(input.shape.dropFirst()) == [layout.height, layout.width, layout.channels] else {
            let expected = EngineMessages.imageBatch(layout.map { ($0.height, $0.width, $0.channels) })
            throw EngineError.layerInputShape(layer: name, expected: expected, found: input.shape,
                                              hint: Window.channelsHint(Array(input.shape.dropFirst())))
        }
        let batch = input.shape[0], rows = batch * layout.positions
        let shape = [batch, layout.rows.count, layout.columns.count, filters]
        let z = zBuffer.tensor(shape)
        let chunk = chunk(layout)
        let gathered = patches.tensor([min(batch, chunk) * layout.positions, layout.patchSize])
        let kernel = parameters[0].value.pointer
        input.withUnsafeBufferPointer { x in
            for start in stride(from: 0, to: batch, by: chunk) {
                let count = min(chunk, batch - start)
                layout.gather(x.baseAddress! + start * layout.exampleSize, examples: count, into: gathered.pointer)
                BLAS.gemm(gathered.pointer, kernel, z.pointer + start * layout.positions * filters,
                          m: count * layout.positions, n: filters, k: layout.patchSize)
            }
        }
        patchesHoldBatch = batch <= chunk
        if useBias { Bias.add(parameters[1].value.pointer, to: z.pointer, rows: rows, columns: filters) }
        self.input = input
        return activated.apply(to: z, rows: rows, columns: filters)
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let layout, let input, activated.output != nil else { return nil }
        let batch = input.shape[0], rows = batch * layout.positions
        // dz: [rows, filters], the gradient with respect to the pre-activation values.
        let dz = activated.preActivationGradient(outputGradient, rows: rows, columns: filters)
        let kernel = parameters[0]
        let chunk = chunk(layout)
        let gathered = patches.tensor([min(batch, chunk) * layout.positions, layout.patchSize])
        let dx = needsInputGradient ? inputGradientBuffer.tensor(input.shape) : nil
        let dPatches = needsInputGradient ? patchGradient.tensor([min(batch, chunk) * layout.positions, layout.patchSize]) : nil
        input.withUnsafeBufferPointer { x in
            for start in stride(from: 0, to: batch, by: chunk) {
                let count = min(chunk, batch - start), chunkRows = count * layout.positions
                let dzChunk = dz.pointer + start * layout.positions * filters
                if !patchesHoldBatch {
                    layout.gather(x.baseAddress! + start * layout.exampleSize, examples: count, into: gathered.pointer)
                }
                // dKernel [kh·kw·channels, filters] += patchesᵀ · dz.
                BLAS.gemm(gathered.pointer, transposeA: true, dzChunk, kernel.gradient.pointer,
                          m: layout.patchSize, n: filters, k: chunkRows, beta: start == 0 ? 0 : 1)
                guard let dx, let dPatches else { continue }
                // dPatches [rows, kh·kw·channels] = dz · kernelᵀ, added back onto the input.
                BLAS.gemm(dzChunk, kernel.value.pointer, transposeB: true, dPatches.pointer,
                          m: chunkRows, n: layout.patchSize, k: filters)
                layout.scatter(dPatches.pointer, examples: count, into: dx.pointer + start * layout.exampleSize)
            }
        }
        if useBias { Bias.gradient(of: dz.pointer, into: parameters[1].gradient.pointer, rows: rows, columns: filters) }
        return dx
    }

    public var spec: LayerSpec {
        .conv2D(filters: filters, kernelSize: [window.height, window.width], strides: [window.strideY, window.strideX],
                padding: window.padding, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer,
                biasInitializer: biasInitializer, kernelRegularizer: kernelRegularizer, biasRegularizer: biasRegularizer,
                inputShape: declaredInputShape)
    }
}
