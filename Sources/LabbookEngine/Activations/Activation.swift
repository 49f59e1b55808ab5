import Foundation

/// The activation functions of Keras 3 (`keras/src/activations/activations.py`), with their
/// defaults: `leakyRelu` slope 0.2, `elu` alpha 1, `gelu` exact (erf), `hardSigmoid` Keras 3's
/// `relu6(x + 3) / 6`.
public enum Activation: Codable, Equatable, Sendable {
    case linear, relu, sigmoid, tanh, softmax, elu, selu
    case leakyRelu(alpha: Double = 0.2)
    case gelu, swish, softplus, softsign, hardSigmoid

    /// Keras's name (`"leaky_relu"`, `"hard_sigmoid"`).
    public var kerasName: String {
        switch self {
        case .linear: return "linear"
        case .relu: return "relu"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .softmax: return "softmax"
        case .elu: return "elu"
        case .selu: return "selu"
        case .leakyRelu: return "leaky_relu"
        case .gelu: return "gelu"
        case .swish: return "swish"
        case .softplus: return "softplus"
        case .softsign: return "softsign"
        case .hardSigmoid: return "hard_sigmoid"
        }
    }

    /// Every activation with its defaults, for look-up by name.
    public static let all: [Activation] = [.linear, .relu, .sigmoid, .tanh, .softmax, .elu, .selu,
                                           .leakyRelu(), .gelu, .swish, .softplus, .softsign, .hardSigmoid]

    /// The activation a Keras string names (`"relu"`, `"leaky_relu"`, also `"silu"` for swish).
    public static func named(_ name: String) -> Activation? {
        if name == "silu" { return .swish }
        return all.first { $0.kerasName == name }
    }

    /// Whether the backward pass reads the input `z` (otherwise the output `y` suffices).
    var backwardNeedsInput: Bool {
        switch self {
        case .elu, .selu, .leakyRelu, .gelu, .swish, .softplus, .softsign, .hardSigmoid: return true
        default: return false
        }
    }
}

private let seluAlpha: Float = 1.67326324
private let seluScale: Float = 1.05070098

extension Activation {
    /// `y = f(z)` over `rows × columns` values (softmax acts on each row); `y` may be `z`. The
    /// rows are split over the engine's threads (each value is computed alone, and a vector's
    /// tail by the same lanes as a whole vector: the same bits for any split).
    func forward(_ z: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        Parallel.forEachRange(rows, cost: rows * columns) { r in
            forwardRows(z + r.lowerBound * columns, y + r.lowerBound * columns, rows: r.count, columns: columns)
        }
    }

    /// `dz = dy · f′(z)`, from the input `z` and/or the output `y`; `dz` may be `dy`. For
    /// softmax this is the full Jacobian product per row: `dz = y ⊙ (dy − Σ dy·y)`. Split over
    /// the engine's threads by rows.
    func backward(z: UnsafePointer<Float>?, y: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                  dz: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        Parallel.forEachRange(rows, cost: rows * columns) { r in
            let offset = r.lowerBound * columns
            backwardRows(z: z.map { $0 + offset }, y: y + offset, dy: dy + offset, dz: dz + offset, rows: r.count,
                         columns: columns)
        }
    }

    /// ReLU on eight lanes, `z < 0 ? 0 : z` (−0 and NaN kept): the layers' pass, and a direct
    /// convolution's as it stores its outputs.
    @inline(__always)
    static func relu(_ z: VectorMath.V) -> VectorMath.V { z.replacing(with: VectorMath.zero, where: z .< VectorMath.zero) }

    /// ``forward(_:_:rows:columns:)`` on one thread.
    private func forwardRows(_ z: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        let n = rows * columns
        typealias V = VectorMath.V
        switch self {
        case .linear:
            if UnsafePointer(y) != z { y.update(from: z, count: n) }
        case .relu:
            VectorMath.map(z, y, count: n, Activation.relu)
        case .sigmoid:
            VectorMath.map(z, y, count: n, VectorMath.sigmoid)
        case .tanh:
            VectorMath.map(z, y, count: n, VectorMath.tanh)
        case .softmax:
            for r in 0..<rows { Activation.softmaxRow(z + r * columns, y + r * columns, columns) }
        case .elu:
            VectorMath.map(z, y, count: n) { x in x.replacing(with: VectorMath.exp(x) - 1, where: x .<= 0) }
        case .selu:
            VectorMath.map(z, y, count: n) { x in
                seluScale * x.replacing(with: seluAlpha * (VectorMath.exp(x) - 1), where: x .<= 0)
            }
        case let .leakyRelu(alpha):
            let a = Float(alpha)
            for i in 0..<n { y[i] = z[i] >= 0 ? z[i] : a * z[i] }
        case .gelu:
            VectorMath.map(z, y, count: n) { x in 0.5 * x * (1 + VectorMath.erf(x * 0.70710678118654752)) }
        case .swish:
            VectorMath.map(z, y, count: n) { x in x * VectorMath.sigmoid(x) }
        case .softplus:
            VectorMath.map(z, y, count: n, VectorMath.softplus)
        case .softsign:
            for i in 0..<n { y[i] = z[i] / (1 + abs(z[i])) }
        case .hardSigmoid:
            for i in 0..<n { y[i] = min(max(z[i] + 3, 0), 6) / 6 }
        }
    }

    /// ``backward(z:y:dy:dz:rows:columns:)`` on one thread.
    private func backwardRows(z: UnsafePointer<Float>?, y: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                              dz: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        let n = rows * columns
        switch self {
        case .linear:
            if UnsafePointer(dz) != dy { dz.update(from: dy, count: n) }
        case .relu:
            for i in 0..<n { dz[i] = y[i] > 0 ? dy[i] : 0 }
        case .sigmoid:
            for i in 0..<n { dz[i] = dy[i] * y[i] * (1 - y[i]) }
        case .tanh:
            for i in 0..<n { dz[i] = dy[i] * (1 - y[i] * y[i]) }
        case .softmax:
            for r in 0..<rows {
                let o = r * columns
                var dot: Float = 0
                for c in 0..<columns { dot += dy[o + c] * y[o + c] }
                for c in 0..<columns { dz[o + c] = y[o + c] * (dy[o + c] - dot) }
            }
        case .elu:
            let z = z!
            for i in 0..<n { dz[i] = z[i] > 0 ? dy[i] : dy[i] * (y[i] + 1) }
        case .selu:
            let z = z!
            for i in 0..<n { dz[i] = z[i] > 0 ? dy[i] * seluScale : dy[i] * (y[i] + seluScale * seluAlpha) }
        case let .leakyRelu(alpha):
            let z = z!, a = Float(alpha)
            for i in 0..<n { dz[i] = z[i] >= 0 ? dy[i] : a * dy[i] }
        case .gelu:
            let z = z!
            // d/dz [z·Φ(z)] = Φ(z) + z·φ(z); Φ from y = z·Φ(z) is unstable near 0, so recompute.
            for i in 0..<n {
                let cdf = 0.5 * (1 + ScalarMath.erf(z[i] * 0.70710678118654752))
                let pdf = ScalarMath.exp(-0.5 * z[i] * z[i]) * 0.3989422804014327
                dz[i] = dy[i] * (cdf + z[i] * pdf)
            }
        case .swish:
            let z = z!
            for i in 0..<n {
                let s = 1 / (1 + ScalarMath.exp(-z[i]))
                dz[i] = dy[i] * (s + z[i] * s * (1 - s))
            }
        case .softplus:
            let z = z!
            for i in 0..<n { dz[i] = dy[i] / (1 + ScalarMath.exp(-z[i])) }
        case .softsign:
            let z = z!
            for i in 0..<n {
                let d = 1 + abs(z[i])
                dz[i] = dy[i] / (d * d)
            }
        case .hardSigmoid:
            let z = z!
            for i in 0..<n { dz[i] = z[i] > -3 && z[i] < 3 ? dy[i] / 6 : 0 }
        }
    }

    /// A numerically stable softmax of one row: shift by the maximum, exponentiate, normalise.
    @inline(__always)
    static func softmaxRow(_ z: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        var m = -Float.infinity
        for c in 0..<n { m = max(m, z[c]) }
        var sum: Float = 0
        for c in 0..<n {
            let e = ScalarMath.exp(z[c] - m)
            y[c] = e
            sum += e
        }
        let inverse = 1 / sum
        for c in 0..<n { y[c] *= inverse }
    }
}
