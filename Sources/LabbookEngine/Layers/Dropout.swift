/// Keras's `Dropout(rate)`: while training, each value is zeroed with probability `rate` and the
/// others scaled by 1/(1−rate) (inverted dropout); at inference, the identity. The mask comes
/// from the layer's stream for the current epoch (or from `seed`, as Keras's `seed` argument).
public final class Dropout: Layer {
    public let typeName = "Dropout"
    public var name = "dropout"
    public let rate: Double
    public let seed: Int?
    /// Set at the start of each epoch (`epochBegan`).
    var stream = RandomStream(seed: 0, name: "dropout")
    private var mask = Workspace(), outputBuffer = Workspace(), gradientBuffer = Workspace()
    private var lastMask: Tensor?

    public init(_ rate: Double, seed: Int? = nil) throws {
        guard rate >= 0, rate < 1 else {
            throw EngineError.invalidArgument(EngineMessages.dropoutRate(rate))
        }
        self.rate = rate
        self.seed = seed
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] { inputShape }

    /// The epoch's mask stream: from the model's seed, or from the layer's own `seed`.
    public func epochBegan(seed: UInt64, stream: (_ purpose: String, _ seed: UInt64) -> RandomStream) {
        self.stream = stream("dropout", self.seed.map { UInt64(bitPattern: Int64($0)) } ?? seed)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training, rate > 0 else {
            lastMask = nil
            return input
        }
        let keep = Float(1 - rate), scale = 1 / Float(1 - rate)
        let m = mask.tensor(input.shape), y = outputBuffer.tensor(input.shape)
        let mp = m.pointer, yp = y.pointer, xp = input.pointer, count = input.count
        // Value i takes the stream's i-th draw: each range of values jumps its own copy of the
        // stream to its first draw, so the split changes no bit, and the range that ends the
        // mask leaves the stream where drawing them all in one go would.
        let start = stream
        var end = stream
        Parallel.forEachChunk(count) { range in
            var draws = start.advanced(by: range.lowerBound)
            Self.mask(range, from: &draws, keep: keep, scale: scale, x: xp, mask: mp, y: yp)
            if range.upperBound == count { end = draws }
        }
        stream = end
        lastMask = m
        return y
    }

    /// Mask values `range` (1/(1−rate) where the draw is below `keep`, else 0) and the output
    /// `x·mask`, from `draws`, standing at draw `range.lowerBound`.
    static func mask(_ range: Range<Int>, from draws: inout RandomStream, keep: Float, scale: Float,
                     x: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>) {
        var stream = draws  // a local copy, whose state the loop keeps in registers
        for i in range {
            let kept: Float = stream.uniform() < keep ? scale : 0
            mask[i] = kept
            y[i] = x[i] * kept
        }
        draws = stream
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard let m = lastMask else { return outputGradient }
        let dx = gradientBuffer.tensor(outputGradient.shape)
        let g = outputGradient.pointer, mp = m.pointer, out = dx.pointer
        Parallel.forEachChunk(outputGradient.count) { range in
            for i in range { out[i] = g[i] * mp[i] }
        }
        return dx
    }

    public var spec: LayerSpec { .dropout(rate: rate, seed: seed) }
}
