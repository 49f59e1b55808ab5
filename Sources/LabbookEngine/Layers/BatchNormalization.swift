/// Keras's `BatchNormalization` on the last axis (momentum 0.99, ε 0.001): while training,
/// each feature is normalised with the batch's mean and (biased) variance and the moving
/// statistics move towards them; at inference the moving statistics are used. `gamma` and
/// `beta` are trained; `moving_mean` and `moving_variance` are not.
public final class BatchNormalization: Layer {
    public let typeName = "BatchNormalization"
    public var name = "batch_normalization"
    public let momentum: Float
    public let epsilon: Float
    public private(set) var parameters: [Parameter] = []

    private var normalized = Workspace(), outputBuffer = Workspace(), gradientBuffer = Workspace()
    private var xHat: Tensor?
    /// Per feature: the batch's 1/√(var + ε), and scratch sums for backward.
    private var inverseStd: [Float] = [], sumGradient: [Float] = [], sumGradientXHat: [Float] = []

    /// Keras's defaults: momentum 0.99, ε 0.001.
    public init(momentum: Double = 0.99, epsilon: Double = 0.001) throws {
        guard momentum >= 0, momentum <= 1, epsilon > 0 else {
            throw EngineError.invalidArgument("BatchNormalization needs 0 ≤ momentum ≤ 1 and ε > 0")
        }
        self.momentum = Float(momentum)
        self.epsilon = Float(epsilon)
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        guard !inputShape.isEmpty else { throw EngineError.layerInputShape(layer: name, expected: "[..., features]", found: inputShape) }
        return inputShape
    }

    public func parameterCount(forInput inputShape: [Int]) -> (trainable: Int, nonTrainable: Int) {
        let features = inputShape.last ?? 0
        return (2 * features, 2 * features)
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        let features = inputShape.last ?? 0
        let gamma = try Parameter(name: "gamma", shape: [features])
        Initializer.ones.fill(&gamma.value, stream: stream("gamma"))
        let beta = try Parameter(name: "beta", shape: [features])
        let movingMean = try Parameter(name: "moving_mean", shape: [features], trainable: false)
        let movingVariance = try Parameter(name: "moving_variance", shape: [features], trainable: false)
        Initializer.ones.fill(&movingVariance.value, stream: stream("moving_variance"))
        parameters = [gamma, beta, movingMean, movingVariance]
        inverseStd = [Float](repeating: 0, count: features)
        sumGradient = inverseStd
        sumGradientXHat = inverseStd
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let features = parameters[0].count
        guard input.shape.last == features else {
            throw EngineError.layerInputShape(layer: name, expected: "[..., \(features)]", found: input.shape)
        }
        let rows = input.count / features
        let y = outputBuffer.tensor(input.shape)
        let gamma = parameters[0].value.pointer, beta = parameters[1].value.pointer
        let movingMean = parameters[2].value.pointer, movingVariance = parameters[3].value.pointer
        let x = input.pointer, out = y.pointer
        guard training else {
            for f in 0..<features { inverseStd[f] = 1 / (movingVariance[f] + epsilon).squareRoot() }
            for r in 0..<rows {
                for f in 0..<features {
                    let i = r * features + f
                    out[i] = gamma[f] * (x[i] - movingMean[f]) * inverseStd[f] + beta[f]
                }
            }
            xHat = nil
            return y
        }
        // Batch statistics, accumulated in Float64 in row order.
        var mean = [Double](repeating: 0, count: features), variance = mean
        for r in 0..<rows { for f in 0..<features { mean[f] += Double(x[r * features + f]) } }
        for f in 0..<features { mean[f] /= Double(max(1, rows)) }
        for r in 0..<rows {
            for f in 0..<features {
                let d = Double(x[r * features + f]) - mean[f]
                variance[f] += d * d
            }
        }
        for f in 0..<features {
            variance[f] /= Double(max(1, rows))
            inverseStd[f] = Float(1 / (variance[f] + Double(epsilon)).squareRoot())
            movingMean[f] = movingMean[f] * momentum + Float(mean[f]) * (1 - momentum)
            movingVariance[f] = movingVariance[f] * momentum + Float(variance[f]) * (1 - momentum)
        }
        let normalizedValues = normalized.tensor(input.shape)
        let h = normalizedValues.pointer
        let meanF = mean.map(Float.init)
        for r in 0..<rows {
            for f in 0..<features {
                let i = r * features + f
                h[i] = (x[i] - meanF[f]) * inverseStd[f]
                out[i] = gamma[f] * h[i] + beta[f]
            }
        }
        xHat = normalizedValues
        return y
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard let xHat else { return nil }
        let features = parameters[0].count
        let rows = outputGradient.count / features
        let dy = outputGradient.pointer, h = xHat.pointer
        for f in 0..<features {
            sumGradient[f] = 0
            sumGradientXHat[f] = 0
        }
        for r in 0..<rows {
            for f in 0..<features {
                let i = r * features + f
                sumGradient[f] += dy[i]
                sumGradientXHat[f] += dy[i] * h[i]
            }
        }
        // dGamma = Σ dy·x̂, dBeta = Σ dy.
        let dGamma = parameters[0].gradient.pointer, dBeta = parameters[1].gradient.pointer
        for f in 0..<features {
            dGamma[f] = sumGradientXHat[f]
            dBeta[f] = sumGradient[f]
        }
        guard needsInputGradient else { return nil }
        // dx = γ/(N·σ) · (N·dy − Σdy − x̂·Σ(dy·x̂)).
        let dx = gradientBuffer.tensor(outputGradient.shape)
        let out = dx.pointer, gamma = parameters[0].value.pointer
        let n = Float(rows)
        for r in 0..<rows {
            for f in 0..<features {
                let i = r * features + f
                out[i] = gamma[f] * inverseStd[f] / n * (n * dy[i] - sumGradient[f] - h[i] * sumGradientXHat[f])
            }
        }
        return dx
    }

    public var spec: LayerSpec { .batchNormalization(momentum: Double(momentum), epsilon: Double(epsilon)) }
}
