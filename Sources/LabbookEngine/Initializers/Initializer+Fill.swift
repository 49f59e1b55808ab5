extension Initializer {
    /// The seed given to the initializer itself, if any.
    var seed: Int? {
        switch self {
        case .zeros, .ones, .constant: return nil
        case let .randomNormal(_, _, seed), let .randomUniform(_, _, seed), let .truncatedNormal(_, _, seed),
             let .glorotUniform(seed), let .glorotNormal(seed), let .heUniform(seed), let .heNormal(seed),
             let .lecunUniform(seed), let .lecunNormal(seed), let .orthogonal(_, seed):
            return seed
        }
    }

    /// Fills `tensor` with this initializer's values. `stream` is the weight's own stream; an
    /// initializer with its own `seed` uses a stream of that seed instead, so that it gives the
    /// same values wherever it is used (Keras's seeded initializers do).
    public func fill(_ tensor: inout Tensor, stream: RandomStream) {
        var random = seed.map { RandomStream(seed: UInt64(bitPattern: Int64($0)), name: "initializer") } ?? stream
        let (fanIn, fanOut) = Initializer.fans(tensor.shape)
        let shape = tensor.shape
        tensor.withUnsafeMutableBufferPointer { w in
            switch self {
            case .zeros: w.update(repeating: 0)
            case .ones: w.update(repeating: 1)
            case let .constant(value): w.update(repeating: Float(value))
            case let .randomNormal(mean, stddev, _):
                for i in w.indices { w[i] = Float(mean + stddev * random.normal()) }
            case let .randomUniform(minval, maxval, _):
                for i in w.indices { w[i] = Float(minval + (maxval - minval) * random.uniformDouble()) }
            case let .truncatedNormal(mean, stddev, _):
                for i in w.indices { w[i] = Float(mean + stddev * random.truncatedNormal()) }
            case .glorotUniform: Initializer.varianceScalingUniform(w, scale: 1, fan: (fanIn + fanOut) / 2, &random)
            case .glorotNormal: Initializer.varianceScalingNormal(w, scale: 1, fan: (fanIn + fanOut) / 2, &random)
            case .heUniform: Initializer.varianceScalingUniform(w, scale: 2, fan: fanIn, &random)
            case .heNormal: Initializer.varianceScalingNormal(w, scale: 2, fan: fanIn, &random)
            case .lecunUniform: Initializer.varianceScalingUniform(w, scale: 1, fan: fanIn, &random)
            case .lecunNormal: Initializer.varianceScalingNormal(w, scale: 1, fan: fanIn, &random)
            case let .orthogonal(gain, _): Initializer.orthogonal(w, shape: shape, gain: gain, &random)
            }
        }
    }

    /// Keras's `VarianceScaling(distribution="uniform")`: U(−limit, limit), limit = √(3·scale/fan).
    static func varianceScalingUniform(_ w: UnsafeMutableBufferPointer<Float>, scale: Double, fan: Double,
                                       _ random: inout RandomStream) {
        let limit = (3 * scale / max(1, fan)).squareRoot()
        for i in w.indices { w[i] = Float(-limit + 2 * limit * random.uniformDouble()) }
    }

    /// Keras's `VarianceScaling(distribution="truncated_normal")`: a normal truncated at two
    /// standard deviations, whose stddev is divided by 0.87962566103423978 (the stddev of a
    /// unit normal truncated to [−2, 2]) so that the draws have variance scale/fan.
    static func varianceScalingNormal(_ w: UnsafeMutableBufferPointer<Float>, scale: Double, fan: Double,
                                      _ random: inout RandomStream) {
        let stddev = (scale / max(1, fan)).squareRoot() / 0.87962566103423978
        for i in w.indices { w[i] = Float(stddev * random.truncatedNormal()) }
    }
}
