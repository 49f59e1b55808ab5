/// How a weight gets its first values, with Keras 3's definitions (`keras/src/initializers`).
/// `seed` makes an initializer draw the same numbers wherever it is used, as in Keras; without
/// one, the weight's own named random stream is used.
public indirect enum Initializer: Codable, Equatable, Sendable {
    case zeros
    case ones
    case constant(Double)
    case randomNormal(mean: Double = 0, stddev: Double = 0.05, seed: Int? = nil)
    case randomUniform(minval: Double = -0.05, maxval: Double = 0.05, seed: Int? = nil)
    case truncatedNormal(mean: Double = 0, stddev: Double = 0.05, seed: Int? = nil)
    case glorotUniform(seed: Int? = nil)
    case glorotNormal(seed: Int? = nil)
    case heUniform(seed: Int? = nil)
    case heNormal(seed: Int? = nil)
    case lecunUniform(seed: Int? = nil)
    case lecunNormal(seed: Int? = nil)
    case orthogonal(gain: Double = 1, seed: Int? = nil)

    /// Keras's fans of a weight shape (`compute_fans`): a 1-D shape has both fans equal to its
    /// length; a kernel `[..., in, out]` multiplies both by the receptive field.
    public static func fans(_ shape: [Int]) -> (fanIn: Double, fanOut: Double) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (Double(shape[0]), Double(shape[0]))
        case 2: return (Double(shape[0]), Double(shape[1]))
        default:
            let receptive = Double(shape.dropLast(2).reduce(1, *))
            return (Double(shape[shape.count - 2]) * receptive, Double(shape[shape.count - 1]) * receptive)
        }
    }
}
