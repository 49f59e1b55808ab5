import Foundation
import Testing
@testable import LabbookEngine

/// Adam's vectorized update at weight counts that take its 8-lane path, its scalar tail, or both
/// (OptimizerTests' 4-element weight takes only the tail): bit for bit against
/// `Adam.referenceUpdate`, and within a few ulp of Keras's formula evaluated in Double.
@Suite struct AdamKernelTests {
    /// Whole vectors, tails of 1 to 7, both; and one count large enough to be split over the
    /// cores (at least `Parallel.threshold`), so that with several workers each chunk ends in a
    /// tail of its own.
    static let counts = [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, Parallel.threshold + 13]

    /// The buffers of one weight: the weight, and momentum, velocity and (amsgrad) its maximum.
    struct State {
        var w: [Float]
        var slots: [[Float]]

        init(count: Int, amsgrad: Bool, trial: Int = 0) {
            var stream = RandomStream(seed: 5, name: "adam-kernel/weights/\(trial)")
            // Weights away from 0, so that their ulp is far above the error of one update.
            w = (0..<count).map { i in (0.5 + 1.5 * stream.uniform()) * (i % 2 == 0 ? 1 : -1) }
            slots = Array(repeating: Array(repeating: 0, count: count), count: amsgrad ? 3 : 2)
        }

        /// One step of `update` (the kernel) or `referenceUpdate` on these buffers.
        mutating func step(_ adam: Adam, gradient: [Float], step: Int, reference: Bool) {
            let count = w.count
            let pointers = slots.map { values in
                let pointer = UnsafeMutablePointer<Float>.allocate(capacity: count)
                pointer.initialize(from: values, count: count)
                return pointer
            }
            defer { pointers.forEach { $0.deallocate() } }
            w.withUnsafeMutableBufferPointer { w in
                gradient.withUnsafeBufferPointer { g in
                    if reference {
                        adam.referenceUpdate(w.baseAddress!, gradient: g.baseAddress!, count: count, slots: pointers,
                                             learningRate: 0.01, step: step)
                    } else {
                        adam.update(w.baseAddress!, gradient: g.baseAddress!, count: count, slots: pointers,
                                    learningRate: 0.01, step: step)
                    }
                }
            }
            for slot in slots.indices { slots[slot] = Array(UnsafeBufferPointer(start: pointers[slot], count: count)) }
        }
    }

    /// The gradient of step `step`: uniform in ±1, with every fifth element tiny, so that ε's
    /// place (outside the square root) shows.
    static func gradient(count: Int, step: Int, trial: Int = 0) -> [Float] {
        var stream = RandomStream(seed: 5, name: "adam-kernel/gradient/\(trial)/\(step)")
        return (0..<count).map { i in (2 * stream.uniform() - 1) * (i % 5 == 4 ? 1e-6 : 1) }
    }

    static let steps = 1...5

    /// Each count on 16 different weights and gradients (one for the largest), so that even an
    /// operation done in another order, which changes the last bit of few results, shows.
    @Test(arguments: counts, [false, true])
    func vectorizedUpdateEqualsTheReference(count: Int, amsgrad: Bool) {
        let kernel = Adam(amsgrad: amsgrad), reference = Adam(amsgrad: amsgrad)
        let names = ["weight", "momentum", "velocity", "velocity_hat"]
        for trial in 0..<(count > 1000 ? 1 : 16) {
            var fast = State(count: count, amsgrad: amsgrad, trial: trial), plain = fast
            for step in Self.steps {
                let g = Self.gradient(count: count, step: step, trial: trial)
                fast.step(kernel, gradient: g, step: step, reference: false)
                plain.step(reference, gradient: g, step: step, reference: true)
            }
            for (name, a, b) in zip(names, zip([fast.w] + fast.slots, [plain.w] + plain.slots)).map({ ($0, $1.0, $1.1) }) {
                if let difference = BitIdentity.difference(a, b) {
                    Issue.record("\(name) of \(count) elements, trial \(trial), after \(Self.steps.count) steps: \(difference)")
                    return
                }
            }
        }
    }

    /// Adam as Kingma & Ba write it (Algorithm 1 with the bias corrections folded into the step
    /// size, as the end of their section 2 suggests and Keras does), in Double: m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; (amsgrad) v̂ ← max(v̂, v);
    /// w ← w − α·m/(√v + ε) with α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ). The hyper-parameters are the Float32
    /// values Keras computes with (`ops.cast(self.beta_2, variable.dtype)`; `1 - self.beta_1`
    /// cast when it multiplies a float32 tensor): in Double, 1 − 0.999ᵗ would differ from
    /// Float32's 1 − Float(0.999)ᵗ by 1e-5 at t = 1, a property of Float32 β₂ rather than of the
    /// kernel. The kernel rounds to Float32 at every operation and writes m ← m + (g − m)(1−β₁) as
    /// Keras's code does, so it is close rather than equal: after five steps, within 3 ulp for the
    /// weight (half an ulp of rounding per step, and the update's own error), 2 for the velocity,
    /// and for the momentum (a sum of terms of both signs, which can cancel) 4 ulp of the sum of
    /// the terms' magnitudes.
    @Test(arguments: [37, 65], [false, true])
    func vectorizedUpdateFollowsKerasFormula(count: Int, amsgrad: Bool) {
        let adam = Adam(amsgrad: amsgrad)
        var state = State(count: count, amsgrad: amsgrad)
        let float32 = { (x: Double) in Double(Float(x)) }
        let (beta1, beta2, epsilon, lr) = (float32(0.9), float32(0.999), float32(1e-7), float32(0.01))
        let (oneMinusBeta1, oneMinusBeta2) = (float32(1 - 0.9), float32(1 - 0.999))
        var w = state.w.map(Double.init)
        var m = [Double](repeating: 0, count: count), v = m, vHat = m, magnitude = m
        for step in Self.steps {
            let g = Self.gradient(count: count, step: step)
            state.step(adam, gradient: g, step: step, reference: false)
            let t = Double(step)
            let alpha = lr * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
            for i in 0..<count {
                let gi = Double(g[i])
                m[i] = beta1 * m[i] + oneMinusBeta1 * gi
                magnitude[i] = beta1 * magnitude[i] + oneMinusBeta1 * abs(gi)
                v[i] = beta2 * v[i] + oneMinusBeta2 * gi * gi
                vHat[i] = max(vHat[i], v[i])
                w[i] -= alpha * m[i] / ((amsgrad ? vHat[i] : v[i]).squareRoot() + epsilon)
            }
        }
        let checks: [(name: String, actual: [Float], expected: [Double], scale: [Double], bound: Double)] = [
            ("weight", state.w, w, w, 3), ("velocity", state.slots[1], v, v, 2), ("momentum", state.slots[0], m, magnitude, 4),
        ]
        for c in checks {
            let errors = c.actual.indices.map { abs(Double(c.actual[$0]) - c.expected[$0]) / Double(Float(abs(c.scale[$0])).ulp) }
            let worst = errors.indices.max { errors[$0] < errors[$1] }!
            #expect(errors[worst] <= c.bound, """
                \(c.name)[\(worst)] of \(count) is \(c.actual[worst]), \(errors[worst]) ulp from Keras's \(c.expected[worst]) \
                (bound \(c.bound)); \(errors.filter { $0 > c.bound }.count) elements beyond it
                """)
        }
    }
}
