import Testing
@testable import LabbookEngine

/// Finite-difference checks of every layer's and every activation's backward pass.
@Suite struct LayerGradientTests {
    static let activations: [Activation] = Activation.all + [.leakyRelu(alpha: 0.1)]

    @Test(arguments: activations)
    func denseWithActivation(_ activation: Activation) throws {
        let layer = GradientCheck.built(try Dense(4, activation: activation, kernelInitializer: .randomUniform(minval: -0.5, maxval: 0.5),
                                                  biasInitializer: .randomUniform(minval: -0.5, maxval: 0.5)), inputShape: [5])
        // Keep inputs away from the kinks of relu-like functions at 0 by using h small.
        let mismatches = GradientCheck.check(layer, input: GradientCheck.random([3, 5], seed: "x"), h: 1e-3, tolerance: 3e-2)
        #expect(mismatches.isEmpty, "\(activation): \(mismatches.prefix(3))")
    }

    @Test func denseOnRank3InputActsOnTheLastAxis() throws {
        let layer = GradientCheck.built(try Dense(3, activation: .tanh), inputShape: [4, 6])
        let x = GradientCheck.random([2, 4, 6], seed: "x")
        let y = try layer.forward(x, training: true)
        #expect(y.shape == [2, 4, 3])
        #expect(GradientCheck.check(layer, input: x).isEmpty)
    }

    @Test(arguments: activations)
    func activationLayer(_ activation: Activation) {
        let layer = ActivationLayer(activation)
        let mismatches = GradientCheck.check(layer, input: GradientCheck.random([3, 6], seed: "x", scale: 2), h: 1e-3, tolerance: 3e-2)
        #expect(mismatches.isEmpty, "\(activation): \(mismatches.prefix(3))")
    }

    @Test func batchNormalizationInTrainingMode() throws {
        let layer = GradientCheck.built(try BatchNormalization(), inputShape: [4])
        layer.parameters[0].value = try Tensor([1.5, 0.5, -1, 2])
        layer.parameters[1].value = try Tensor([0.1, -0.2, 0.3, 0])
        let x = GradientCheck.random([6, 4], seed: "x", scale: 2)
        #expect(GradientCheck.check(layer, input: x, h: 1e-2, tolerance: 3e-2).isEmpty)
    }

    @Test func batchNormalizationUpdatesMovingStatisticsAsKeras() throws {
        let layer = GradientCheck.built(try BatchNormalization(), inputShape: [1])
        // Batch [1, 2, 3, 4]: mean 2.5, biased variance 1.25.
        _ = try layer.forward(try Tensor([1, 2, 3, 4], shape: [4, 1]), training: true)
        #expect(abs(layer.parameters[2].value.scalars[0] - 0.025) < 1e-6)      // 0·0.99 + 2.5·0.01
        #expect(abs(layer.parameters[3].value.scalars[0] - 1.0025) < 1e-6)     // 1·0.99 + 1.25·0.01
        // Inference uses the moving statistics: (x − 0.025)/√(1.0025 + 0.001).
        let y = try layer.forward(try Tensor([1], shape: [1, 1]), training: false)
        #expect(abs(y.scalars[0] - Float((1 - 0.025) / (1.0025 + 0.001).squareRoot())) < 1e-5)
    }

    @Test func dropoutScalesKeptValuesAndRoutesGradientsThroughTheMask() throws {
        let layer = try Dropout(0.5)
        let x = try Tensor([Float](repeating: 1, count: 1000), shape: [10, 100])
        let y = try layer.forward(x, training: true)
        let kept = y.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 2 })
        #expect(abs(Double(kept.count) - 500) < 60)
        #expect(GradientCheck.check(layer, input: x, reset: { layer.stream = RandomStream(seed: 1, name: "d") }).isEmpty)
        #expect(try layer.forward(x, training: false) == x)
    }

    /// An empty batch (a first pass, so no mask buffer yet) masks nothing and draws nothing.
    @Test func dropoutOfAnEmptyBatchIsEmpty() throws {
        let layer = try Dropout(0.5)
        layer.stream = RandomStream(seed: 2, name: "empty")
        var untouched = layer.stream
        let x = try Tensor([], shape: [0, 7])
        #expect(try layer.forward(x, training: true).shape == [0, 7])
        #expect(layer.backward(x, needsInputGradient: true)?.shape == [0, 7])
        #expect(layer.stream.next() == untouched.next())
    }

    @Test func flattenAndReshapeAreViews() throws {
        let flatten = Flatten()
        let x = GradientCheck.random([2, 3, 4], seed: "x")
        #expect(try flatten.forward(x, training: true).shape == [2, 12])
        #expect(GradientCheck.check(flatten, input: x).isEmpty)
        let reshape = GradientCheck.built(try Reshape([4, 3]), inputShape: [3, 4])
        #expect(try reshape.forward(x, training: true).shape == [2, 4, 3])
        #expect(GradientCheck.check(reshape, input: x).isEmpty)
    }
}
