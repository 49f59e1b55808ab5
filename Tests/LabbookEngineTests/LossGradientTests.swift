import Testing
@testable import LabbookEngine

/// Finite-difference checks of every loss's gradient, and values against Keras's formulas.
@Suite struct LossGradientTests {
    struct Case: CustomStringConvertible, Sendable {
        let loss: Loss
        let isLogits: Bool
        var description: String { "\(loss.kerasName)\(isLogits ? " (logits)" : "")" }
    }

    static let cases: [Case] = [
        Case(loss: .sparseCategoricalCrossentropy(), isLogits: true),
        Case(loss: .sparseCategoricalCrossentropy(), isLogits: false),
        Case(loss: .categoricalCrossentropy(), isLogits: true),
        Case(loss: .categoricalCrossentropy(), isLogits: false),
        Case(loss: .binaryCrossentropy(), isLogits: true),
        Case(loss: .binaryCrossentropy(), isLogits: false),
        Case(loss: .meanSquaredError, isLogits: false),
        Case(loss: .meanAbsoluteError, isLogits: false),
    ]

    static func labels(for loss: Loss, rows: Int, columns: Int) -> [Float] {
        switch loss {
        case .sparseCategoricalCrossentropy: return (0..<rows).map { Float(($0 * 2 + 1) % columns) }
        case .categoricalCrossentropy:
            return (0..<(rows * columns)).map { $0 % columns == ($0 / columns * 2 + 1) % columns ? 1 : 0 }
        case .binaryCrossentropy: return (0..<(rows * columns)).map { Float(($0 * 7) % 3 == 0 ? 1 : 0) }
        default: return (0..<(rows * columns)).map { Float($0 % 5) * 0.3 - 0.5 }
        }
    }

    @Test(arguments: cases)
    func gradientMatchesFiniteDifferences(_ c: Case) {
        let rows = 3, columns = 4
        var values: [Float] = (0..<(rows * columns)).map { Float(($0 * 37) % 11) / 11 * 0.8 + 0.1 }
        if c.isLogits { values = values.map { ($0 - 0.5) * 6 } }
        let labels = Self.labels(for: c.loss, rows: rows, columns: columns)
        var gradient = [Float](repeating: 0, count: values.count)
        func mean(_ v: [Float]) -> Double {
            v.withUnsafeBufferPointer { p in
                labels.withUnsafeBufferPointer { l in
                    c.loss.evaluate(LossInput(values: p.baseAddress!, isLogits: c.isLogits, rows: rows, columns: columns),
                                    labels: l.baseAddress!, gradient: nil) / Double(rows)
                }
            }
        }
        values.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { l in
                gradient.withUnsafeMutableBufferPointer { g in
                    _ = c.loss.evaluate(LossInput(values: p.baseAddress!, isLogits: c.isLogits, rows: rows, columns: columns),
                                        labels: l.baseAddress!, gradient: g.baseAddress!)
                }
            }
        }
        let h: Float = 1e-3
        for i in values.indices {
            var plus = values, minus = values
            plus[i] += h
            minus[i] -= h
            let numeric = (mean(plus) - mean(minus)) / Double(2 * h)
            #expect(abs(numeric - Double(gradient[i])) < 2e-3 * max(1, abs(numeric)), "\(c) element \(i)")
        }
    }

    @Test func sparseCrossentropyFromLogitsIsLogSoftmax() {
        // z = [1, 2, 3], label 2: loss = log(e¹ + e² + e³) − 3 = 0.40760596.
        let z: [Float] = [1, 2, 3], label: [Float] = [2]
        let loss = z.withUnsafeBufferPointer { p in
            label.withUnsafeBufferPointer { l in
                Loss.sparseCategoricalCrossentropy().evaluate(LossInput(values: p.baseAddress!, isLogits: true, rows: 1, columns: 3),
                                                              labels: l.baseAddress!, gradient: nil)
            }
        }
        #expect(abs(loss - 0.40760596) < 1e-6)
    }

    @Test func probabilitiesAreClippedToEpsilonAsKeras() {
        // p(label) = 0 → clipped to 1e-7: loss = −log(1e-7) = 16.118095.
        let p: [Float] = [1, 0], label: [Float] = [1]
        let loss = p.withUnsafeBufferPointer { v in
            label.withUnsafeBufferPointer { l in
                Loss.sparseCategoricalCrossentropy().evaluate(LossInput(values: v.baseAddress!, isLogits: false, rows: 1, columns: 2),
                                                              labels: l.baseAddress!, gradient: nil)
            }
        }
        #expect(abs(loss - 16.118095) < 1e-4)
    }
}
