import Foundation
import Testing
@testable import LabbookEngine

/// Every optimizer against its Keras 3 update rule: three steps on a 3-element weight with the
/// gradients below, compared with the same formulas evaluated here in Double (each written from
/// `keras/src/optimizers/<name>.py`, quoted in the comment beside it).
@Suite struct OptimizerTests {
    /// The starting weight and the gradient of each of the three steps. The zeros check that
    /// nothing divides by zero and that Lion's sign(0) is 0; the tiny gradients of the last
    /// element make ε's placement (inside or outside the square root) visible.
    static let start: [Double] = [1.0, -0.5, 0.25, 2.0]
    static let gradients: [[Double]] = [[0.1, -0.2, 0.0, 1e-4], [0.4, 0.3, 0.0, -2e-4], [-0.3, 0.2, 0.5, 1e-4]]

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable () -> Optimizer
        /// One step of the rule on one element: (weight, gradient, state, learning rate, local step t).
        let step: @Sendable (_ w: inout Double, _ g: Double, _ s: inout [Double], _ lr: Double, _ t: Double) -> Void
        var initialState: [Double] = Array(repeating: 0, count: 4)
        var learningRate = 0.1
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // sgd.py: w = w − lr·g
        Case(name: "sgd", make: { SGD(learningRate: .constant(0.1)) }) { w, g, _, lr, _ in w -= lr * g },
        // sgd.py: m = m·μ − g·lr; w = w + m
        Case(name: "sgd momentum", make: { SGD(learningRate: .constant(0.1), momentum: 0.9) }) { w, g, s, lr, _ in
            s[0] = s[0] * 0.9 - g * lr
            w += s[0]
        },
        // sgd.py, nesterov: m = m·μ − g·lr; w = w + m·μ − g·lr
        Case(name: "sgd nesterov", make: { SGD(learningRate: .constant(0.1), momentum: 0.9, nesterov: true) }) { w, g, s, lr, _ in
            s[0] = s[0] * 0.9 - g * lr
            w += s[0] * 0.9 - g * lr
        },
        // adam.py: α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ); m += (g−m)(1−β₁); v += (g²−v)(1−β₂); w −= m·α/(√v + ε)
        Case(name: "adam", make: { Adam(learningRate: .constant(0.1)) }) { w, g, s, lr, t in
            adam(&w, g, &s, lr, t, amsgrad: false)
        },
        // adam.py, amsgrad: v̂ = max(v̂, v) replaces v in the denominator
        Case(name: "adam amsgrad", make: { Adam(learningRate: .constant(0.1), amsgrad: true) }) { w, g, s, lr, t in
            adam(&w, g, &s, lr, t, amsgrad: true)
        },
        // adamw.py = adam.py with weight_decay 0.004; base_optimizer._apply_weight_decay first:
        // w = w − w·wd·lr
        Case(name: "adamw", make: { AdamW(learningRate: .constant(0.1)) }) { w, g, s, lr, t in
            w -= w * 0.004 * lr
            adam(&w, g, &s, lr, t, amsgrad: false)
        },
        // adamax.py: m += (g−m)(1−β₁); u = max(β₂·u, |g|); w −= lr·m / ((1−β₁ᵗ)(u + ε))
        Case(name: "adamax", make: { Adamax(learningRate: .constant(0.1)) }) { w, g, s, lr, t in
            s[0] += (g - s[0]) * (1 - 0.9)
            s[1] = max(0.999 * s[1], abs(g))
            w -= lr * s[0] / ((1 - pow(0.9, t)) * (s[1] + 1e-7))
        },
        // nadam.py: μₜ = β₁(1 − ½·0.96ᵗ); Π ← Π·μₜ (once per step, before the weights);
        // m += (g−m)(1−β₁); v += (g²−v)(1−β₂);
        // m̂ = μₜ₊₁·m/(1 − Π·μₜ₊₁) + (1−μₜ)·g/(1 − Π); v̂ = v/(1−β₂ᵗ); w −= m̂·lr/(√v̂ + ε)
        Case(name: "nadam", make: { Nadam(learningRate: .constant(0.1)) }, step: { w, g, s, lr, t in
            let u = 0.9 * (1 - 0.5 * pow(0.96, t)), uNext = 0.9 * (1 - 0.5 * pow(0.96, t + 1))
            s[2] *= u
            s[0] += (g - s[0]) * (1 - 0.9)
            s[1] += (g * g - s[1]) * (1 - 0.999)
            let mHat = uNext * s[0] / (1 - s[2] * uNext) + (1 - u) * g / (1 - s[2])
            let vHat = s[1] / (1 - pow(0.999, t))
            w -= mHat * lr / (vHat.squareRoot() + 1e-7)
        }, initialState: [0, 0, 1, 0]),
        // rmsprop.py: v = ρv + (1−ρ)g²; w −= lr·g/√(v + ε)   (ε inside the root)
        Case(name: "rmsprop", make: { RMSprop(learningRate: .constant(0.1)) }) { w, g, s, lr, _ in
            rmsprop(&w, g, &s, lr, momentum: 0, centered: false)
        },
        // rmsprop.py, momentum: s = μs + lr·g/√(v + ε); w −= s
        Case(name: "rmsprop momentum", make: { RMSprop(learningRate: .constant(0.1), momentum: 0.5) }) { w, g, s, lr, _ in
            rmsprop(&w, g, &s, lr, momentum: 0.5, centered: false)
        },
        // rmsprop.py, centered: ḡ = ρḡ + (1−ρ)g; denominator √(v − ḡ² + ε)
        Case(name: "rmsprop centered", make: { RMSprop(learningRate: .constant(0.1), centered: true) }) { w, g, s, lr, _ in
            rmsprop(&w, g, &s, lr, momentum: 0, centered: true)
        },
        Case(name: "rmsprop centered momentum",
             make: { RMSprop(learningRate: .constant(0.1), momentum: 0.5, centered: true) }) { w, g, s, lr, _ in
            rmsprop(&w, g, &s, lr, momentum: 0.5, centered: true)
        },
        // adagrad.py: a starts at 0.1; a += g²; w −= lr·g/√(a + ε)
        Case(name: "adagrad", make: { Adagrad(learningRate: .constant(0.1)) }, step: { w, g, s, lr, _ in
            s[0] += g * g
            w -= lr * g / (s[0] + 1e-7).squareRoot()
        }, initialState: [0.1, 0, 0, 0]),
        // adadelta.py: a = ρa + (1−ρ)g²; Δ = −√(d + ε)·g/√(a + ε); d = ρd + (1−ρ)Δ²; w += lr·Δ
        Case(name: "adadelta", make: { Adadelta(learningRate: .constant(1.0)) }, step: { w, g, s, lr, _ in
            s[0] = 0.95 * s[0] + (1 - 0.95) * g * g
            let delta = -(s[1] + 1e-7).squareRoot() * g / (s[0] + 1e-7).squareRoot()
            s[1] = 0.95 * s[1] + (1 - 0.95) * delta * delta
            w += lr * delta
        }, learningRate: 1.0),
        // lion.py: w −= lr·sign(β₁m + (1−β₁)g); m = β₂m + (1−β₂)g
        Case(name: "lion", make: { Lion(learningRate: .constant(0.1)) }) { w, g, s, lr, _ in
            let c = 0.9 * s[0] + (1 - 0.9) * g
            w -= lr * (c > 0 ? 1 : (c < 0 ? -1 : 0))
            s[0] = 0.99 * s[0] + (1 - 0.99) * g
        },
    ]

    static func adam(_ w: inout Double, _ g: Double, _ s: inout [Double], _ lr: Double, _ t: Double, amsgrad: Bool) {
        let alpha = lr * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
        s[0] += (g - s[0]) * (1 - 0.9)
        s[1] += (g * g - s[1]) * (1 - 0.999)
        s[2] = max(s[2], s[1])
        w -= s[0] * alpha / ((amsgrad ? s[2] : s[1]).squareRoot() + 1e-7)
    }

    static func rmsprop(_ w: inout Double, _ g: Double, _ s: inout [Double], _ lr: Double, momentum: Double, centered: Bool) {
        s[0] = 0.9 * s[0] + (1 - 0.9) * g * g
        s[2] = 0.9 * s[2] + (1 - 0.9) * g
        let increment = lr * g / ((centered ? s[0] - s[2] * s[2] : s[0]) + 1e-7).squareRoot()
        s[1] = momentum * s[1] + increment
        w -= momentum > 0 ? s[1] : increment
    }

    @Test(arguments: cases)
    func threeStepsFollowKerasRule(_ c: Case) throws {
        let optimizer = c.make()
        let parameter = try Self.parameter(Self.start)
        for g in Self.gradients {
            parameter.gradient = try Tensor(g.map(Float.init))
            try optimizer.apply([parameter])
        }
        var expected = Self.start
        for i in expected.indices {
            var state = c.initialState
            for (t, g) in Self.gradients.enumerated() {
                c.step(&expected[i], g[i], &state, c.learningRate, Double(t + 1))
            }
        }
        #expect(optimizer.iterations == 3)
        expectClose(parameter.value.scalars, expected, tolerance: 2e-6)
    }

    /// Keras's defaults and names, and `Optimizer.named` with `optimizers.get`'s strings
    /// (case-insensitive, as Keras lowercases the class name).
    @Test(arguments: [
        ("adam", "adam", 0.001), ("sgd", "sgd", 0.01), ("rmsprop", "rm_sprop", 0.001),
        ("adagrad", "adagrad", 0.001), ("adadelta", "adadelta", 0.001), ("adamax", "adamax", 0.001),
        ("nadam", "nadam", 0.001), ("adamw", "adamw", 0.001), ("lion", "lion", 0.001), ("Adam", "adam", 0.001),
        ("RMSprop", "rm_sprop", 0.001),
    ])
    func namedGivesKerasDefaults(_ name: String, _ kerasName: String, _ rate: Double) throws {
        let optimizer = try #require(Optimizer.named(name))
        #expect(optimizer.kerasName == kerasName)
        #expect(optimizer.learningRate == .constant(rate))
        #expect(optimizer.clipnorm == nil && optimizer.clipvalue == nil && optimizer.globalClipnorm == nil)
        #expect(optimizer.weightDecay == (kerasName == "adamw" ? 0.004 : nil))
    }

    @Test func unknownNameIsNil() {
        #expect(Optimizer.named("ftrl-ish") == nil)
    }

    /// Keras's documented hyper-parameter defaults (the `get_config` keys).
    @Test func hyperParameterDefaults() {
        func config(_ o: Optimizer) -> [String: Double] { Dictionary(uniqueKeysWithValues: o.config) }
        #expect(config(Adam()).mapValues { Float($0) } == ["beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": 0])
        #expect(config(AdamW()).mapValues { Float($0) } == ["beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": 0])
        #expect(config(Adamax()).mapValues { Float($0) } == ["beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7])
        #expect(config(Nadam()).mapValues { Float($0) } == ["beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7])
        #expect(config(RMSprop()).mapValues { Float($0) } == ["rho": 0.9, "momentum": 0, "epsilon": 1e-7, "centered": 0])
        #expect(config(Adagrad()).mapValues { Float($0) } == ["initial_accumulator_value": 0.1, "epsilon": 1e-7])
        #expect(config(Adadelta()).mapValues { Float($0) } == ["rho": 0.95, "epsilon": 1e-7])
        #expect(config(Lion()).mapValues { Float($0) } == ["beta_1": 0.9, "beta_2": 0.99])
        #expect(config(SGD()).mapValues { Float($0) } == ["momentum": 0, "nesterov": 0])
    }

    /// The slots each optimizer keeps, in Keras's variable order; Nadam's `u_product` is a
    /// one-element slot starting at 1, and Adagrad's accumulator starts at 0.1.
    @Test func slotsAreBuiltWithKerasNamesAndStarts() throws {
        let p = try Self.parameter([1, 2, 3])
        let nadam = Nadam()
        try nadam.build([p])
        #expect(nadam.slotNames == ["momentum", "velocity", "u_product"])
        #expect(nadam.slots[0].map(\.shape) == [[3], [3], [1]])
        #expect(nadam.slots[0][2].scalars == [1])
        let adagrad = Adagrad()
        try adagrad.build([p])
        #expect(adagrad.slots[0][0].scalars == [0.1, 0.1, 0.1])
        #expect(RMSprop(momentum: 0.9, centered: true).slotNames == ["velocity", "momentum", "average_gradient"])
        #expect(SGD().slotNames.isEmpty && SGD(momentum: 0.5).slotNames == ["momentum"])
        #expect(Adam(amsgrad: true).slotNames == ["momentum", "velocity", "velocity_hat"])
    }

    /// After three Nadam steps `u_product` is μ₁μ₂μ₃ with μₜ = 0.9(1 − ½·0.96ᵗ), in every
    /// weight's copy.
    @Test func nadamKeepsTheMomentumProduct() throws {
        let a = try Self.parameter([1, 2, 3]), b = try Self.parameter([4])
        let nadam = Nadam()
        for _ in 0..<3 {
            a.gradient = try Tensor([0.1, 0.2, 0.3])
            b.gradient = try Tensor([0.5])
            try nadam.apply([a, b])
        }
        let product = (1...3).reduce(1.0) { $0 * 0.9 * (1 - 0.5 * pow(0.96, Double($1))) }
        expectClose(nadam.slots[0][2].scalars, [product], tolerance: 1e-7)
        expectClose(nadam.slots[1][2].scalars, [product], tolerance: 1e-7)
    }

    // MARK: - The shared part: clipping, weight decay, schedule

    /// `clip_by_norm`: g·c/max(‖g‖, c) per weight. ‖[3, 4, 0]‖ = 5 → [0.6, 0.8, 0]; a gradient
    /// already shorter is left alone.
    @Test func clipnormRescalesEachWeightOnItsOwn() throws {
        let a = try Self.parameter([0, 0, 0]), b = try Self.parameter([0, 0])
        a.gradient = try Tensor([3, 4, 0])
        b.gradient = try Tensor([0.3, 0.4])
        try SGD(learningRate: .constant(1), clipnorm: 1).apply([a, b])
        expectClose(a.value.scalars, [-0.6, -0.8, 0], tolerance: 1e-7)
        expectClose(b.value.scalars, [-0.3, -0.4], tolerance: 1e-7)
    }

    /// `ops.clip(g, −v, v)` element-wise.
    @Test func clipvalueClipsElements() throws {
        let a = try Self.parameter([0, 0, 0, 0])
        a.gradient = try Tensor([2, -3, 0.25, -0.5])
        try SGD(learningRate: .constant(1), clipvalue: 0.5).apply([a])
        expectClose(a.value.scalars, [-0.5, 0.5, -0.25, 0.5], tolerance: 0)
    }

    /// `clip_by_global_norm`: all gradients scaled by c/‖all‖: ‖[3, 0] ∪ [0, 4]‖ = 5, c = 2.5
    /// → half of each; under the limit nothing changes.
    @Test(arguments: [(2.5, 0.5), (10.0, 1.0)])
    func globalClipnormScalesAllTogether(_ limit: Double, _ scale: Double) throws {
        let a = try Self.parameter([0, 0]), b = try Self.parameter([0, 0])
        a.gradient = try Tensor([3, 0])
        b.gradient = try Tensor([0, 4])
        try SGD(learningRate: .constant(1), globalClipnorm: limit).apply([a, b])
        expectClose(a.value.scalars + b.value.scalars, [-3 * scale, 0, 0, -4 * scale], tolerance: 1e-6)
    }

    /// Keras accepts only one clipping option; `_clip_gradients` tests clipnorm first.
    @Test func clipnormTakesPrecedenceOverClipvalue() throws {
        let a = try Self.parameter([0, 0])
        a.gradient = try Tensor([3, 4])
        let sgd = SGD(learningRate: .constant(1), clipnorm: 10, clipvalue: 0.1)
        try sgd.apply([a])
        expectClose(a.value.scalars, [-3, -4], tolerance: 1e-6)
    }

    /// `_apply_weight_decay`: w ← w − w·wd·lr with the step's rate, before the update step:
    /// SGD lr 0.1, wd 0.5, g = 1: w ← w(1 − 0.05) − 0.1.
    @Test func weightDecayIsDecoupledAndUsesTheStepRate() throws {
        let a = try Self.parameter([1, -2, 4])
        a.gradient = try Tensor([1, 1, 1])
        try SGD(learningRate: .constant(0.1), weightDecay: 0.5).apply([a])
        expectClose(a.value.scalars, [1 * 0.95 - 0.1, -2 * 0.95 - 0.1, 4 * 0.95 - 0.1], tolerance: 1e-6)
    }

    /// The schedule is evaluated at `iterations` (0, 1, 2): ExponentialDecay(0.1, 1, 0.5) gives
    /// 0.1, 0.05, 0.025, so SGD with g = 1 moves the weight by 0.175.
    @Test func scheduleDrivesTheRateOfEachStep() throws {
        let a = try Self.parameter([0])
        let sgd = SGD(learningRate: .exponentialDecay(initial: 0.1, decaySteps: 1, decayRate: 0.5))
        var moves: [Float] = []
        for _ in 0..<3 {
            let before = a.value.scalars[0]
            a.gradient = try Tensor([1])
            try sgd.apply([a])
            moves.append(before - a.value.scalars[0])
        }
        expectClose(moves, [0.1, 0.05, 0.025], tolerance: 1e-7)
    }

    /// State carries across calls of `apply` (a second `fit` continues): building twice keeps
    /// the slots.
    @Test func buildKeepsExistingState() throws {
        let a = try Self.parameter([1])
        let adam = Adam()
        a.gradient = try Tensor([1])
        try adam.apply([a])
        let momentum = adam.slots[0][0].scalars
        try adam.build([a])
        #expect(adam.slots[0][0].scalars == momentum)
        #expect(momentum != [0])
    }

    /// Non-trainable parameters (batch-norm moving statistics) are neither built nor updated.
    @Test func nonTrainableParametersAreSkipped() throws {
        let kernel = try Self.parameter([1, 2])
        let movingMean = try Weight(name: "moving_mean", shape: [2], trainable: false)
        movingMean.value = try Tensor([5, 6])
        kernel.gradient = try Tensor([1, 1])
        let adam = Adam()
        try adam.apply([kernel, movingMean])
        #expect(adam.slots.count == 1)
        #expect(movingMean.value.scalars == [5, 6])
        #expect(kernel.value.scalars != [1, 2])
    }

    /// A gradient of the wrong size is an error, not a read past the end of a buffer.
    @Test func gradientOfTheWrongSizeIsAnError() throws {
        let kernel = try Self.parameter([1, 2, 3])
        kernel.gradient = try Tensor([1, 1])
        #expect(throws: EngineError.self) { try Adam().apply([kernel]) }
    }

    static func parameter(_ values: [Double]) throws -> Weight {
        let p = try Weight(name: "kernel", shape: [values.count])
        p.value = try Tensor(values.map(Float.init))
        return p
    }
}

/// Element-wise |a − e| ≤ tolerance·max(1, |e|).
func expectClose(_ actual: [Float], _ expected: [Double], tolerance: Double,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) where abs(Double(a) - e) > tolerance * max(1, abs(e)) {
        Issue.record("\(actual) is not close to \(expected) (tolerance \(tolerance))", sourceLocation: sourceLocation)
        return
    }
}
