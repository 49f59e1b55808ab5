import Foundation

/// A learning rate: a constant, or a schedule of the optimizer's step (Keras's
/// `keras.optimizers.schedules`).
public enum LearningRate: Codable, Equatable, Sendable {
    case constant(Double)
    /// `initial · rate^(step / decaySteps)`, the exponent floored when `staircase`.
    case exponentialDecay(initial: Double, decaySteps: Int, decayRate: Double, staircase: Bool = false)
    /// Cosine decay from `initial` to `initial · alpha` over `decaySteps` (after an optional
    /// linear warm-up to `warmupTarget` over `warmupSteps`, as Keras 3's `CosineDecay`).
    case cosineDecay(initial: Double, decaySteps: Int, alpha: Double = 0, warmupTarget: Double? = nil, warmupSteps: Int = 0)

    /// The schedule itself, or an error for step counts Keras also refuses (`decaySteps` that
    /// is not positive) or that make no sense (negative `warmupSteps`).
    public func checked() throws -> LearningRate {
        switch self {
        case .constant:
            break
        case let .exponentialDecay(_, decaySteps, _, _), let .cosineDecay(_, decaySteps, _, _, _):
            guard decaySteps > 0 else { throw EngineError.invalidArgument(EngineMessages.decaySteps(decaySteps)) }
        }
        if case let .cosineDecay(_, _, _, _, warmupSteps) = self, warmupSteps < 0 {
            throw EngineError.invalidArgument(EngineMessages.warmupSteps(warmupSteps))
        }
        return self
    }

    /// The rate at optimizer step `step` (counted from 0, Keras's `iterations`).
    public func value(atStep step: Int) -> Double {
        switch self {
        case let .constant(rate):
            return rate
        case let .exponentialDecay(initial, decaySteps, decayRate, staircase):
            var p = Double(step) / Double(max(1, decaySteps))
            if staircase { p = p.rounded(.down) }
            return initial * ScalarMath.pow(decayRate, p)
        case let .cosineDecay(initial, decaySteps, alpha, warmupTarget, warmupSteps):
            // Without a warm-up target Keras ignores `warmupSteps` altogether.
            let warmup = warmupTarget == nil ? 0 : warmupSteps
            if let target = warmupTarget, step < warmup {
                return initial + (target - initial) * Double(step) / Double(warmup)
            }
            let start = warmupTarget ?? initial
            let s = Double(min(max(0, step - warmup), decaySteps))
            let cosine = 0.5 * (1 + ScalarMath.cosPi(s / Double(max(1, decaySteps))))
            return start * ((1 - alpha) * cosine + alpha)
        }
    }
}
