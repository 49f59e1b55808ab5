import Testing
@testable import LabbookEngine

/// Weight penalties as Keras 3's `keras/src/regularizers/regularizers.py`:
/// L1 `l1·Σ|w|`, L2 `l2·Σw²` (no ½), L1L2 their sum; gradients `l1·sign(w)` and `2·l2·w`.
@Suite struct RegularizerTests {
    static let weights: [Float] = [0.5, -2, 0, 3]

    /// Σ|w| = 5.5 and Σw² = 0.25 + 4 + 0 + 9 = 13.25.
    @Test(arguments: [
        (Regularizer.l1(0.01), 0.01 * 5.5, [0.01, -0.01, 0, 0.01]),
        (.l2(0.01), 0.01 * 13.25, [0.01, -0.04, 0, 0.06]),
        (.l1l2(l1: 0.1, l2: 0.2), 0.1 * 5.5 + 0.2 * 13.25, [0.1 + 0.2, -0.1 - 0.8, 0, 0.1 + 1.2]),
    ])
    func penaltyAndGradient(_ regularizer: Regularizer, _ penalty: Double, _ gradient: [Double]) throws {
        let w = try Tensor(Self.weights)
        // Keras computes in float32: the factors are rounded to Float.
        #expect(abs(regularizer.penalty(w) - penalty) < 1e-6 * penalty)
        var g: [Float] = [1, 1, 1, 1]
        regularizer.addGradient(of: w, to: &g)
        // The gradient is added to what is there.
        expectClose(g, gradient.map { $0 + 1 }, tolerance: 1e-7)
    }

    /// The gradient agrees with central differences of the penalty away from w = 0.
    @Test(arguments: [Regularizer.l1(0.3), .l2(0.7), .l1l2(l1: 0.3, l2: 0.7)])
    func gradientMatchesFiniteDifferences(_ regularizer: Regularizer) throws {
        let values: [Float] = [0.75, -1.25, 2]
        var g: [Float] = [0, 0, 0]
        regularizer.addGradient(of: try Tensor(values), to: &g)
        for i in values.indices {
            let h: Float = 1e-2
            var plus = values, minus = values
            plus[i] += h
            minus[i] -= h
            let numeric = (regularizer.penalty(try Tensor(plus)) - regularizer.penalty(try Tensor(minus))) / Double(2 * h)
            #expect(abs(numeric - Double(g[i])) < 1e-3)
        }
    }

    /// Keras's `L2(l2=0.01)` default factor shows up as 0.01·Σw² in the loss, not 0.005·Σw².
    @Test func l2HasNoHalf() throws {
        #expect(abs(Regularizer.l2(0.01).penalty(try Tensor([1, 1])) - 0.02) < 1e-8)
    }
}
