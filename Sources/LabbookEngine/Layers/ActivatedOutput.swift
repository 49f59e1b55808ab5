/// The activation step of a layer whose pre-activation values are a `[rows, columns]` matrix
/// (Dense, Conv2D): applied in one pass into a reusable buffer, with what its derivative needs
/// kept for the backward pass.
struct ActivatedOutput {
    let activation: Activation
    /// The pre-activation values of the last forward call (nil for a linear activation, whose
    /// output is those values).
    private(set) var preActivation: Tensor?
    /// The output of the last forward call.
    private(set) var output: Tensor?
    private var outputBuffer = Workspace(), gradientBuffer = Workspace()

    init(_ activation: Activation) { self.activation = activation }

    /// The activation of `z` (itself when linear), remembered for `preActivationGradient`.
    mutating func apply(to z: Tensor, rows: Int, columns: Int) -> Tensor {
        if activation == .linear {
            preActivation = nil
            output = z
            return z
        }
        let y = outputBuffer.tensor(z.shape)
        activation.forward(z.pointer, y.pointer, rows: rows, columns: columns)
        preActivation = z
        output = y
        return y
    }

    /// The buffer the output of `z` (shape `shape`) goes to when a layer computes the activation
    /// in its own pass (then ``adopt(preActivation:output:)``).
    mutating func outputTensor(_ shape: [Int]) -> Tensor { outputBuffer.tensor(shape) }

    /// Remembers the activation `y` computed by the layer itself, and `z` when the layer kept it
    /// (an activation whose derivative reads only its output, ReLU's, needs no `z`); for a
    /// linear activation, `y` is the values themselves.
    mutating func adopt(preActivation z: Tensor?, output y: Tensor) {
        preActivation = activation == .linear ? nil : z
        output = y
    }

    /// Forgets the last output: a layer whose maps went straight into the next layer's pooling,
    /// never stored, and whose derivative needs none of them (``Conv2D/forward(_:into:)``).
    mutating func forget() {
        preActivation = nil
        output = nil
    }

    /// dLoss/dz from dLoss/dOutput for the last `apply`: the gradient itself when linear or when
    /// the loss already gave the logits' gradient (`throughLogits`).
    mutating func preActivationGradient(_ outputGradient: Tensor, rows: Int, columns: Int,
                                        throughLogits: Bool = false) -> Tensor {
        guard activation != .linear, !throughLogits, let output else { return outputGradient }
        let dz = gradientBuffer.tensor(output.shape)
        activation.backward(z: preActivation?.pointer, y: output.pointer, dy: outputGradient.pointer,
                            dz: dz.pointer, rows: rows, columns: columns)
        return dz
    }
}
