/// Keras's `GlobalAveragePooling2D`: `[batch, height, width, channels]` → `[batch, channels]`,
/// the mean of each channel over the whole image.
public final class GlobalAveragePooling2D: Layer {
    public let typeName = "GlobalAveragePooling2D"
    public var name = "global_average_pooling2d"
    private var outputBuffer = Workspace(), inputGradientBuffer = Workspace()
    private var inputShape: [Int] = []

    public init() {}

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 3 else {
            throw EngineError.layerInputShape(layer: name, expected: EngineMessages.imageExample, found: inputShape,
                                              hint: Window.channelsHint(inputShape))
        }
        return [inputShape[2]]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard input.rank == 4 else {
            throw EngineError.layerInputShape(layer: name, expected: EngineMessages.imageBatch(nil), found: input.shape,
                                              hint: Window.channelsHint(Array(input.shape.dropFirst())))
        }
        let batch = input.shape[0], cells = input.shape[1] * input.shape[2], channels = input.shape[3]
        let y = outputBuffer.tensor([batch, channels])
        let scale = 1 / Float(cells)
        input.withUnsafeBufferPointer { x in
            for n in 0..<batch {
                let out = y.pointer + n * channels
                out.update(repeating: 0, count: channels)
                let image = x.baseAddress! + n * cells * channels
                for cell in 0..<cells {
                    let row = image + cell * channels
                    for c in 0..<channels { out[c] += row[c] }
                }
                for c in 0..<channels { out[c] *= scale }
            }
        }
        inputShape = input.shape
        return y
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        let dx = inputGradientBuffer.tensor(inputShape)
        let batch = inputShape[0], cells = inputShape[1] * inputShape[2], channels = inputShape[3]
        let scale = 1 / Float(cells)
        for n in 0..<batch {
            let dy = outputGradient.pointer + n * channels
            let image = dx.pointer + n * cells * channels
            for cell in 0..<cells {
                let row = image + cell * channels
                for c in 0..<channels { row[c] = dy[c] * scale }
            }
        }
        return dx
    }

    public var spec: LayerSpec { .globalAveragePooling2D }
}
