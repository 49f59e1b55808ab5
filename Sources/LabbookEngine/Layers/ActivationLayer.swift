/// Keras's `Activation(.relu)` layer: an activation on its own.
public final class ActivationLayer: Layer, LogitsProducing {
    public let typeName = "Activation"
    public var name = "activation"
    public let activation: Activation
    var receivesLogitGradient = false
    var outputActivation: Activation { activation }
    var logits: Tensor? { input }

    private var input: Tensor?
    private var output: Tensor?
    private var outputBuffer = Workspace(), gradientBuffer = Workspace()

    public init(_ activation: Activation) { self.activation = activation }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let columns = input.shape.last ?? 1
        let y = outputBuffer.tensor(input.shape)
        input.withUnsafeBufferPointer { x in
            activation.forward(x.baseAddress!, y.pointer, rows: input.count / max(1, columns), columns: columns)
        }
        self.input = input
        output = y
        return y
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient, let input, let output else { return nil }
        if receivesLogitGradient { return outputGradient }
        let columns = input.shape.last ?? 1
        let dz = gradientBuffer.tensor(input.shape)
        activation.backward(z: input.pointer, y: output.pointer, dy: outputGradient.pointer, dz: dz.pointer,
                            rows: input.count / max(1, columns), columns: columns)
        return dz
    }

    public var spec: LayerSpec { .activation(activation) }
}
