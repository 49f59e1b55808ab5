/// Keras's `BatchNormalization` on the last axis (momentum 0.99, ε 0.001): while training,
/// each feature is normalised with the batch's mean and (biased) variance and the moving
/// statistics move towards them; at inference the moving statistics are used. `gamma` and
/// `beta` are trained; `moving_mean` and `moving_variance` are not.
public final class BatchNormalization: Layer {
    public let typeName = "BatchNormalization"
    public var name = "batch_normalization"
    public let momentum: Float
    public let epsilon: Float
    public private(set) var parameters: [Weight] = []

    private var normalized = Workspace(), outputBuffer = Workspace(), gradientBuffer = Workspace()
    private var xHat: Tensor?
    /// Per feature: the batch's 1/√(var + ε), its mean in Float32, and γ/(N·σ) for backward.
    private var inverseStd: [Float] = [], batchMean: [Float] = [], scale: [Float] = []
    /// The batch's mean and variance per feature, in Float64.
    private var statistics: [Double] = []

    /// Keras's defaults: momentum 0.99, ε 0.001.
    public init(momentum: Double = LayerDefaults.batchNormalizationMomentum,
                epsilon: Double = LayerDefaults.batchNormalizationEpsilon) throws {
        guard momentum >= 0, momentum <= 1, epsilon > 0 else {
            throw EngineError.invalidArgument(EngineMessages.batchNormalizationSettings)
        }
        self.momentum = Float(momentum)
        self.epsilon = Float(epsilon)
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        guard !inputShape.isEmpty else {
            throw EngineError.layerInputShape(layer: name, expected: EngineMessages.anyFeatures, found: inputShape)
        }
        return inputShape
    }

    public func parameterCount(forInput inputShape: [Int]) -> (trainable: Int, nonTrainable: Int) {
        let features = inputShape.last ?? 0
        return (2 * features, 2 * features)
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        let features = inputShape.last ?? 0
        let gamma = try Weight(name: "gamma", shape: [features])
        Initializer.ones.fill(&gamma.value, stream: stream("gamma"))
        let beta = try Weight(name: "beta", shape: [features])
        let movingMean = try Weight(name: "moving_mean", shape: [features], trainable: false)
        let movingVariance = try Weight(name: "moving_variance", shape: [features], trainable: false)
        Initializer.ones.fill(&movingVariance.value, stream: stream("moving_variance"))
        parameters = [gamma, beta, movingMean, movingVariance]
        inverseStd = [Float](repeating: 0, count: features)
        scale = inverseStd
        batchMean = inverseStd
        statistics = [Double](repeating: 0, count: 2 * features)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let features = parameters[0].count
        guard input.shape.last == features else {
            throw EngineError.layerInputShape(layer: name, expected: EngineMessages.features(features), found: input.shape)
        }
        let rows = input.count / features
        let y = outputBuffer.tensor(input.shape)
        let gamma = parameters[0].value.pointer, beta = parameters[1].value.pointer
        let movingMean = parameters[2].value.pointer, movingVariance = parameters[3].value.pointer
        let x = input.pointer, out = y.pointer
        guard training else {
            inverseStd.withUnsafeMutableBufferPointer { inverse in
                for f in 0..<features { inverse[f] = 1 / (movingVariance[f] + epsilon).squareRoot() }
                Parallel.forEachRange(rows, cost: rows * features) { range in
                    for r in range {
                        let row = x + r * features, o = out + r * features
                        for f in 0..<features { o[f] = gamma[f] * (row[f] - movingMean[f]) * inverse[f] + beta[f] }
                    }
                }
            }
            xHat = nil
            return y
        }
        // Batch statistics, accumulated in Float64 in row order. The features are split over the
        // engine's threads for the sums (each feature's sums keep their order, in registers; a
        // part writes only its own features), the rows for the normalization.
        let normalizedValues = normalized.tensor(input.shape)
        let h = normalizedValues.pointer
        let momentum = momentum, epsilon64 = Double(epsilon)
        statistics.withUnsafeMutableBufferPointer { buffer in
            let mean = buffer.baseAddress!, variance = mean + features
            inverseStd.withUnsafeMutableBufferPointer { inverse in
                let inverse = inverse.baseAddress!
                batchMean.withUnsafeMutableBufferPointer { meanFloat in
                    let meanFloat = meanFloat.baseAddress!
                    Parallel.forEachRange(features, cost: 2 * rows * features, alignment: Parallel.columnAlignment) { range in
                        let f0 = range.lowerBound, width = range.count
                        // Each part's sums go straight into its own features' mean and variance.
                        let sum = mean + f0, squares = variance + f0
                        Self.columnSums(x + f0, rows: rows, stride: features, width: width, into: sum)
                        let count = Double(max(1, rows))
                        for f in 0..<width { sum[f] /= count }
                        Self.columnSquares(x + f0, rows: rows, stride: features, width: width, mean: sum, into: squares)
                        for g in range {
                            meanFloat[g] = Float(mean[g])
                            variance[g] /= count
                            inverse[g] = Float(1 / (variance[g] + epsilon64).squareRoot())
                            movingMean[g] = movingMean[g] * momentum + Float(mean[g]) * (1 - momentum)
                            movingVariance[g] = movingVariance[g] * momentum + Float(variance[g]) * (1 - momentum)
                        }
                    }
                    Parallel.forEachRange(rows, cost: rows * features) { range in
                        for r in range {
                            let offset = r * features
                            Self.normalizeRow(x + offset, count: features, mean: meanFloat, inverse: inverse,
                                              gamma: gamma, beta: beta, h: h + offset, out: out + offset)
                        }
                    }
                }
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
        let dGamma = parameters[0].gradient.pointer, dBeta = parameters[1].gradient.pointer
        // dBeta = Σ dy and dGamma = Σ dy·x̂, per feature, accumulated row by row in registers; the
        // features split over the engine's threads, each part writing only its own features.
        Parallel.forEachRange(features, cost: rows * features, alignment: Parallel.columnAlignment) { range in
            let f0 = range.lowerBound, width = range.count
            Self.gradientSums(dy + f0, h + f0, rows: rows, stride: features, width: width, dBeta: dBeta + f0, dGamma: dGamma + f0)
        }
        guard needsInputGradient else { return nil }
        // dx = γ/(N·σ) · (N·dy − Σdy − x̂·Σ(dy·x̂)), the rows split over the engine's threads.
        let dx = gradientBuffer.tensor(outputGradient.shape)
        let out = dx.pointer, gamma = parameters[0].value.pointer
        let n = Float(rows)
        inverseStd.withUnsafeMutableBufferPointer { inverse in
            scale.withUnsafeMutableBufferPointer { scaleBuffer in
                let s = scaleBuffer.baseAddress!
                for f in 0..<features { s[f] = gamma[f] * inverse[f] / n }
                Parallel.forEachRange(rows, cost: rows * features) { range in
                    for r in range {
                        let offset = r * features
                        Self.inputGradientRow(dy + offset, h + offset, count: features, n: n, scale: s, dBeta: dBeta,
                                              dGamma: dGamma, into: out + offset)
                    }
                }
            }
        }
        return dx
    }

    public var spec: LayerSpec { .batchNormalization(momentum: Double(momentum), epsilon: Double(epsilon)) }
}
