import Foundation
import Testing
@testable import LabbookEngine

/// Learning-rate schedules against Keras 3's `keras/src/optimizers/schedules/learning_rate_schedule.py`.
@Suite struct LearningRateTests {
    /// `ExponentialDecay`: initial · rate^(step / decay_steps), the exponent floored when
    /// `staircase`. Expected values worked by hand.
    @Test(arguments: [
        (0, false, 0.1), (5, false, 0.1 * 0.5.squareRoot()), (10, false, 0.05), (25, false, 0.1 * pow(0.5, 2.5)),
        (0, true, 0.1), (9, true, 0.1), (10, true, 0.05), (25, true, 0.025),
    ])
    func exponentialDecay(_ step: Int, _ staircase: Bool, _ expected: Double) {
        let schedule = LearningRate.exponentialDecay(initial: 0.1, decaySteps: 10, decayRate: 0.5, staircase: staircase)
        #expect(abs(schedule.value(atStep: step) - expected) < 1e-12)
    }

    struct CosineCase: CustomTestStringConvertible, Sendable {
        let schedule: LearningRate
        let step: Int
        let expected: Double
        var testDescription: String { "\(schedule) at \(step)" }
    }

    /// `CosineDecay`: without a warm-up target, step = min(step, decay_steps) and
    /// lr = initial · ((1 − α)·½(1 + cos(π·step/decay_steps)) + α). With one, a linear warm-up
    /// `initial + (target − initial)·step/warmup_steps` while step < warmup_steps, then the same
    /// decay from `target` over step − warmup_steps (clamped at decay_steps + warmup_steps).
    static let cosineCases: [CosineCase] = [
        // No alpha: 1 → 0 over 100 steps; half-way cos(π/2) = 0 gives ½.
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100), step: 0, expected: 1),
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100), step: 25, expected: 0.5 * (1 + cos(Double.pi / 4))),
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100), step: 50, expected: 0.5),
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100), step: 100, expected: 0),
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100), step: 250, expected: 0),
        // alpha 0.1: the floor is initial·α; half-way (0.9·½ + 0.1) = 0.55.
        CosineCase(schedule: .cosineDecay(initial: 2, decaySteps: 100, alpha: 0.1), step: 50, expected: 2 * 0.55),
        CosineCase(schedule: .cosineDecay(initial: 2, decaySteps: 100, alpha: 0.1), step: 100, expected: 0.2),
        CosineCase(schedule: .cosineDecay(initial: 2, decaySteps: 100, alpha: 0.1), step: 1000, expected: 0.2),
        // Warm-up from 0 to 1 over 10 steps, then decay over 100.
        CosineCase(schedule: .cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10), step: 0, expected: 0),
        CosineCase(schedule: .cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10), step: 5, expected: 0.5),
        CosineCase(schedule: .cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10), step: 10, expected: 1),
        CosineCase(schedule: .cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10), step: 60, expected: 0.5),
        CosineCase(schedule: .cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10), step: 110, expected: 0),
        CosineCase(schedule: .cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 1, warmupSteps: 10), step: 500, expected: 0),
        // Warm-up with alpha: 0.1 → 0.5 over 4 steps, then 0.5 → 0.1 (α 0.2) over 10.
        CosineCase(schedule: .cosineDecay(initial: 0.1, decaySteps: 10, alpha: 0.2, warmupTarget: 0.5, warmupSteps: 4),
                   step: 2, expected: 0.3),
        CosineCase(schedule: .cosineDecay(initial: 0.1, decaySteps: 10, alpha: 0.2, warmupTarget: 0.5, warmupSteps: 4),
                   step: 9, expected: 0.5 * (0.8 * 0.5 + 0.2)),
        CosineCase(schedule: .cosineDecay(initial: 0.1, decaySteps: 10, alpha: 0.2, warmupTarget: 0.5, warmupSteps: 4),
                   step: 14, expected: 0.1),
        // Keras ignores warmup_steps when warmup_target is None: no warm-up, no delay.
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100, warmupSteps: 50), step: 0, expected: 1),
        CosineCase(schedule: .cosineDecay(initial: 1, decaySteps: 100, warmupSteps: 50), step: 50, expected: 0.5),
    ]

    @Test(arguments: cosineCases)
    func cosineDecay(_ c: CosineCase) {
        #expect(abs(c.schedule.value(atStep: c.step) - c.expected) < 1e-12)
    }

    @Test func constantIsConstant() {
        #expect(LearningRate.constant(0.01).value(atStep: 0) == 0.01)
        #expect(LearningRate.constant(0.01).value(atStep: 12345) == 0.01)
    }
}
