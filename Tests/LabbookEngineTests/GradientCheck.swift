@testable import LabbookEngine

/// Finite-difference gradient checks: the loss L = Σ r ⊙ f(x) for a fixed random `r`, whose
/// analytic gradients come from the backward pass and are compared with central differences
/// (step `h`) on every input element and every weight element.
enum GradientCheck {
    struct Mismatch: CustomStringConvertible {
        let what: String, index: Int, analytic: Double, numeric: Double
        var description: String { "\(what)[\(index)]: analytic \(analytic), numeric \(numeric)" }
    }

    static func random(_ shape: [Int], seed: String, scale: Float = 1) -> Tensor {
        var stream = RandomStream(seed: 7, name: seed)
        return try! Tensor(shape: shape) { b in for i in b.indices { b[i] = scale * (2 * stream.uniform() - 1) } }
    }

    /// Σ r ⊙ layer(x), in Float64.
    static func objective(_ layer: Layer, _ x: Tensor, _ r: Tensor, training: Bool) -> Double {
        let y = try! layer.forward(x, training: training)
        return zip(y.scalars, r.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Every element whose analytic and numeric gradients differ by more than
    /// `tolerance · max(1, |numeric|)`.
    static func check(_ layer: Layer, input: Tensor, training: Bool = true, h: Float = 1e-2,
                      tolerance: Double = 2e-2, reset: () -> Void = {}) -> [Mismatch] {
        var x = input
        reset()
        let y = try! layer.forward(x, training: training)
        let r = random(y.shape, seed: "upstream")
        let dx = layer.backward(r, needsInputGradient: true)!.scalars
        let analyticWeights = layer.parameters.filter(\.trainable).map { $0.gradient.scalars }
        var mismatches: [Mismatch] = []
        func compare(_ what: String, _ i: Int, _ analytic: Float, _ numeric: Double) {
            if abs(Double(analytic) - numeric) > tolerance * max(1, abs(numeric)) {
                mismatches.append(Mismatch(what: what, index: i, analytic: Double(analytic), numeric: numeric))
            }
        }
        for i in 0..<x.count {
            let original = x.scalars[i]
            x.withUnsafeMutableBufferPointer { $0[i] = original + h }
            reset()
            let plus = objective(layer, x, r, training: training)
            x.withUnsafeMutableBufferPointer { $0[i] = original - h }
            reset()
            let minus = objective(layer, x, r, training: training)
            x.withUnsafeMutableBufferPointer { $0[i] = original }
            compare("input", i, dx[i], (plus - minus) / Double(2 * h))
        }
        for (p, parameter) in layer.parameters.filter(\.trainable).enumerated() {
            for i in 0..<parameter.count {
                let original = parameter.value.scalars[i]
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original + h }
                reset()
                let plus = objective(layer, x, r, training: training)
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original - h }
                reset()
                let minus = objective(layer, x, r, training: training)
                parameter.value.withUnsafeMutableBufferPointer { $0[i] = original }
                compare(parameter.name, i, analyticWeights[p][i], (plus - minus) / Double(2 * h))
            }
        }
        return mismatches
    }

    /// Builds a layer for a per-example input shape with a fixed stream.
    static func built<L: Layer>(_ layer: L, inputShape: [Int]) -> L {
        try! layer.build(inputShape: inputShape) { RandomStream(seed: 3, name: $0) }
        return layer
    }
}
