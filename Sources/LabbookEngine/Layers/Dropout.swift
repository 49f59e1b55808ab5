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
    private var outputBuffer = Workspace(), gradientBuffer = Workspace()
    /// The last training pass's mask, a byte a value (1 kept, 0 dropped): a quarter of the
    /// memory traffic of a Float mask, for passes that wait on memory.
    private var kept: [UInt8] = []
    /// The number of values the last forward pass masked; nil after an inference pass.
    private var masked: Int?
    /// 1/(1−rate), the kept values' factor.
    private var scale: Float { 1 / Float(1 - rate) }

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
            masked = nil
            return input
        }
        let keep = Float(1 - rate), scale = scale, count = input.count
        let y = outputBuffer.tensor(input.shape)
        let yp = y.pointer, xp = input.pointer
        if kept.count < max(1, count) { kept = [UInt8](repeating: 0, count: max(1, count)) }  // never empty: a base address
        // Value i takes the stream's i-th draw: each range of values jumps its own copy of the
        // stream to its first draw, so the split changes no bit, and the range that ends the
        // mask leaves the stream where drawing them all in one go would.
        let start = stream
        var end = stream
        kept.withUnsafeMutableBufferPointer { kept in
            let kp = kept.baseAddress!
            Parallel.forEachChunk(count) { range in
                let draws = Self.mask(range, drawsFrom: start, keep: keep, scale: scale, x: xp, kept: kp, y: yp)
                if range.upperBound == count { end = draws }
            }
        }
        stream = end
        masked = count
        return y
    }

    /// Masks values `range` (1 where the draw is below `keep`, else 0) and writes the output,
    /// `x·scale` where kept and `x·0` where not: value i takes draw i of `stream`, which stands
    /// at draw 0. Returns the stream standing after the range's last draw.
    ///
    /// A long range is drawn by eight ``RandomLanes``, each over a stretch of whole blocks of
    /// 64 values, the last lane going on through the tail; a short one by the stream alone.
    static func mask(_ range: Range<Int>, drawsFrom stream: RandomStream, keep: Float, scale: Float,
                     x: UnsafePointer<Float>, kept: UnsafeMutablePointer<UInt8>,
                     y: UnsafeMutablePointer<Float>) -> RandomStream {
        // In integers the test needs no branch, which would be mispredicted at random.
        let below = keptBelow(keep), scaleBits = scale.bitPattern
        let lanes = RandomLanes.Words.scalarCount, block = 64
        let stretch = range.count / (lanes * block) * block
        var draws: RandomStream
        var tail = range
        if stretch >= minimumStretch {
            var generator = RandomLanes(stream, first: range.lowerBound, stretch: stretch)
            let belowWords = RandomLanes.Words(repeating: below)
            for offset in stride(from: 0, to: stretch, by: block) {
                // Bit t of lane j: whether value (lane j's stretch) + offset + t is kept.
                var bits = RandomLanes.Words()
                for t in 0..<UInt64(block) {
                    bits |= (((generator.next() &>> 40) &- belowWords) &>> 63) &<< t
                }
                for lane in 0..<lanes {
                    store(bits[lane], at: range.lowerBound + lane * stretch + offset, scaleBits: scaleBits,
                          x: x, kept: kept, y: y)
                }
            }
            draws = generator.lane(lanes - 1)
            tail = range.lowerBound + lanes * stretch..<range.upperBound
        } else {
            draws = stream.advanced(by: range.lowerBound)
        }
        for i in tail {
            let bit = UInt32(truncatingIfNeeded: ((draws.next() >> 40) &- below) >> 63)  // 1: kept
            kept[i] = UInt8(truncatingIfNeeded: bit)
            y[i] = x[i] * Float(bitPattern: scaleBits & (0 &- bit))
        }
        return draws
    }

    /// The shortest stretch worth eight lanes: their jumps share one pass of 256 steps.
    static let minimumStretch = 256

    /// Writes 64 values from `i` on, value i + t kept when bit t of `bits` is 1: the same
    /// `x·scale` or `x·0` as the scalar tail, eight values at a time.
    @inline(__always)
    private static func store(_ bits: UInt64, at i: Int, scaleBits: UInt32, x: UnsafePointer<Float>,
                              kept: UnsafeMutablePointer<UInt8>, y: UnsafeMutablePointer<Float>) {
        for eighth in 0..<8 {
            let at = i + 8 * eighth
            // Byte b of `bytes` is bit b of the eight: spread to every byte, keep bit b of byte b,
            // carry any bit of a byte up to its top (+0x7F, which never leaves the byte), and down.
            let eight = bits &>> UInt64(8 * eighth) & 0xFF
            let spread = (eight &* 0x0101_0101_0101_0101) & 0x8040_2010_0804_0201
            let bytes = ((spread &+ 0x7F7F_7F7F_7F7F_7F7F) &>> 7) & 0x0101_0101_0101_0101
            UnsafeMutableRawPointer(kept + at).storeBytes(of: bytes.littleEndian, as: UInt64.self)
            let keptLanes = SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(bytes.littleEndian, to: SIMD8<UInt8>.self))
            let factor = unsafeBitCast((SIMD8<UInt32>() &- keptLanes) & scaleBits, to: SIMD8<Float>.self)
            (SIMD8<Float>(loading: x + at) * factor).store(to: y + at)
        }
    }

    /// A draw u = k·2⁻²⁴ (k its top 24 bits, ``RandomStream/uniform()``) is below `keep`
    /// exactly when k is below ⌈keep·2²⁴⌉ (keep·2²⁴ is exact: a power of two's multiple).
    static func keptBelow(_ keep: Float) -> UInt64 { UInt64((keep * 0x1p24).rounded(.up)) }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        guard let masked else { return outputGradient }
        precondition(outputGradient.count == masked, "a gradient for the values the last pass masked")
        let dx = gradientBuffer.tensor(outputGradient.shape)
        let g = outputGradient.pointer, out = dx.pointer, scale = scale
        kept.withUnsafeBufferPointer { kept in
            let kp = kept.baseAddress!
            Parallel.forEachChunk(masked) { range in
                for i in range { out[i] = g[i] * (kp[i] != 0 ? scale : 0) }
            }
        }
        return dx
    }

    public var spec: LayerSpec { .dropout(rate: rate, seed: seed) }
}
