/// Keras's `Conv2D` on channels-last images: `[batch, height, width, channels]` →
/// `[batch, outHeight, outWidth, filters]`, with a `[kh, kw, channels, filters]` kernel.
///
/// The convolution is computed by one of three methods, chosen by the layer's geometry alone (so
/// the same on every machine): Winograd's F(2×2, 3×3) for 3×3 windows at stride 1 over enough
/// channels (``WinogradConvolution``), straight from the image for windows of few values
/// (``DirectConvolution``: a first layer's one channel), im2col + one product otherwise
/// (``Im2ColConvolution``). The bias and the activation follow (the direct method applies a
/// bias and ReLU as it stores its outputs); all buffers are reused from batch to batch.
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

    /// The most values a method gathers or transforms at once in one of its buffers (16 MB of
    /// Float32): larger batches are taken a chunk of examples at a time.
    static let valueBudget = 1 << 22

    /// Set by the model when the max pooling after this ReLU layer applies ReLU's derivative
    /// as it routes its gradient (``MaxPooling2D/appliesReLUDerivative``): the gradient that
    /// reaches this layer is then the pre-activation's, and its own pass over the maps is skipped.
    var receivesPreActivationGradient = false
    /// The input `[height, width, channels]` and the output positions the layer was built for.
    private var layout: PatchLayout?
    /// The method the layer's geometry chose (nil before the layer is built).
    private(set) var method: ConvolutionMethod?
    private var input: Tensor?
    private var activated: ActivatedOutput
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
        let layout = PatchLayout(height: inputShape[0], width: inputShape[1], channels: inputShape[2], window: window, rows: y, columns: x)
        self.layout = layout
        if WinogradLayout.applies(to: window, channels: inputShape[2]) {
            method = WinogradConvolution(WinogradLayout(height: inputShape[0], width: inputShape[1], channels: inputShape[2],
                                                        filters: filters, rows: y, columns: x))
        } else if DirectConvolution.applies(patchSize: layout.patchSize, filters: filters) {
            method = DirectConvolution(layout, filters: filters)
        } else {
            method = Im2ColConvolution(layout, filters: filters)
        }
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

    /// Whether the layer computes its convolution by Winograd's method (nil before it is built).
    var usesWinograd: Bool? { method.map { $0 is WinogradConvolution } }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let layout, let method, Array(input.shape.dropFirst()) == [layout.height, layout.width, layout.channels] else {
            let expected = EngineMessages.imageBatch(layout.map { ($0.height, $0.width, $0.channels) })
            throw EngineError.layerInputShape(layer: name, expected: expected, found: input.shape,
                                              hint: Window.channelsHint(Array(input.shape.dropFirst())))
        }
        let batch = input.shape[0], rows = batch * layout.positions
        let shape = [batch, layout.rows.count, layout.columns.count, filters]
        self.input = input
        if let direct = method as? DirectConvolution, activation == .relu || activation == .linear {
            // The bias and ReLU as the outputs are stored, not in passes of their own; with ReLU
            // only its output is stored (its derivative reads the output, nothing the values before).
            let relu = activation == .relu
            let y = relu ? activated.outputTensor(shape) : zBuffer.tensor(shape)
            input.withUnsafeBufferPointer { x in
                direct.forward(x.baseAddress!, batch: batch, kernel: parameters[0].value.pointer,
                               epilogue: .init(bias: useBias ? UnsafePointer(parameters[1].value.pointer) : nil,
                                               output: y.pointer, appliesReLU: relu))
            }
            activated.adopt(preActivation: nil, output: y)
            return y
        }
        let z = zBuffer.tensor(shape)
        input.withUnsafeBufferPointer { x in
            method.forward(x.baseAddress!, batch: batch, kernel: parameters[0].value.pointer, into: z.pointer)
        }
        if useBias { Bias.add(parameters[1].value.pointer, to: z.pointer, rows: rows, columns: filters) }
        return activated.apply(to: z, rows: rows, columns: filters)
    }

    /// The forward pass of a training step straight into `pooling`, the next layer: computed
    /// one example at a time by the direct method and pooled while in the cache, the maps never
    /// stored whole. Taken when the activation's derivative needs no output: linear, or ReLU's
    /// applied by the pooling (``receivesPreActivationGradient``); otherwise the two layers'
    /// own passes. The same values, bit for bit.
    func forward(_ input: Tensor, into pooling: MaxPooling2D) throws -> Tensor {
        guard let layout, let direct = method as? DirectConvolution,
              activation == .linear || (activation == .relu && receivesPreActivationGradient),
              Array(input.shape.dropFirst()) == [layout.height, layout.width, layout.channels] else {
            return try pooling.forward(forward(input, training: true), training: true)
        }
        let batch = input.shape[0]
        self.input = input
        activated.forget()
        return try pooling.forward(batch: batch, mapShape: [layout.rows.count, layout.columns.count, filters]) { sink in
            input.withUnsafeBufferPointer { x in
                direct.forward(x.baseAddress!, batch: batch, kernel: parameters[0].value.pointer,
                               bias: useBias ? UnsafePointer(parameters[1].value.pointer) : nil,
                               appliesReLU: activation == .relu) { example, maps in sink.pool(maps, example: example) }
            }
        }
    }

    /// The backward pass of a training step from the output gradient of `pooling`, the next
    /// layer, with the pooling's own backward pass folded in: each example's gradient of the maps
    /// is written by the pooling into the thread's buffer and summed into the kernel's and the
    /// bias's gradients while in the cache, never stored whole. Taken by the direct method when
    /// no input gradient is needed, the pooling's windows share no cell and the activation's
    /// derivative needs no output (as ``forward(_:into:)``); otherwise the two layers' own
    /// passes. The same values, bit for bit.
    func backward(_ outputGradient: Tensor, through pooling: MaxPooling2D, needsInputGradient: Bool) -> Tensor? {
        guard !needsInputGradient, let direct = method as? DirectConvolution, let input, pooling.writesExampleGradients,
              activation == .linear || (activation == .relu && receivesPreActivationGradient) else {
            return pooling.backward(outputGradient, needsInputGradient: true).flatMap {
                backward($0, needsInputGradient: needsInputGradient)
            }
        }
        let dy = UnsafePointer(outputGradient.pointer)
        input.withUnsafeBufferPointer { x in
            direct.backward(x.baseAddress!, batch: input.shape[0], kernelGradient: parameters[0].gradient.pointer,
                            biasGradient: useBias ? parameters[1].gradient.pointer : nil) { example, channels, maps in
                pooling.writeGradient(ofExample: example, channels: channels, from: dy, into: maps)
            }
        }
        return nil
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let layout, let method, let input else { return nil }
        let batch = input.shape[0], rows = batch * layout.positions
        // dz: [rows, filters], the gradient with respect to the pre-activation values.
        let dz = activated.preActivationGradient(outputGradient, rows: rows, columns: filters,
                                                 throughLogits: receivesPreActivationGradient)
        let kernel = parameters[0]
        let dx = needsInputGradient ? inputGradientBuffer.tensor(input.shape) : nil
        input.withUnsafeBufferPointer { x in
            method.backward(x.baseAddress!, batch: batch, dz: dz.pointer, kernel: kernel.value.pointer,
                            kernelGradient: kernel.gradient.pointer, inputGradient: dx?.pointer)
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
