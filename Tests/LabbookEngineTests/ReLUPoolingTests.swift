import Testing
@testable import LabbookEngine

/// A ReLU convolution followed by max pooling trains with ReLU's derivative applied by the
/// pooling's backward pass: bit for bit what the same network trains to with ReLU as a layer
/// of its own (whose backward pass is the plain `y > 0 ? dy : 0`), over windows that tile the
/// maps, windows that leave a row and a column out, and overlapping windows.
@Suite struct ReLUPoolingTests {
    @Test func theFusedDerivativeTrainsAsAReLULayerDoes() throws {
        func network(separateReLU: Bool) throws -> Sequential {
            func convolution(_ filters: Int, _ input: [Int]? = nil) throws -> [Layer] {
                let conv = try Conv2D(filters, kernelSize: [3, 3], padding: .same, activation: separateReLU ? .linear : .relu,
                                      biasInitializer: .randomUniform(minval: -0.3, maxval: 0.3), inputShape: input)
                return separateReLU ? [conv, ActivationLayer(.relu)] : [conv]
            }
            var layers: [Layer] = []
            layers += try convolution(8, [9, 8, 1])                       // straight from the image
            layers.append(try MaxPooling2D(poolSize: [2, 2]))            // 9×8 → 4×4: the last row left out
            layers += try convolution(8)                                 // im2col (72 values)
            layers.append(try MaxPooling2D(poolSize: [2, 2]))            // 4×4 → 2×2: tiles
            layers += try convolution(16)                                // Winograd (8 channels)
            layers.append(try MaxPooling2D(poolSize: [2, 2], strides: [1, 1]))  // overlapping windows
            layers += [Flatten(), try Dense(3, activation: .softmax)]
            return try Sequential(layers, seed: 3, ordinal: 0)
        }
        let fused = try network(separateReLU: false), plain = try network(separateReLU: true)
        try plain.setWeights(fused.getWeights())
        #expect(fused.reluPoolingPairs.count == 3 && plain.reluPoolingPairs.isEmpty)
        var stream = RandomStream(seed: 9, name: "images")
        // Values around 0, so that many maxima are negative and ReLU stops their gradients.
        let x = try Tensor((0..<40 * 72).map { _ in 2 * stream.uniform() - 1 }, shape: [40, 9, 8, 1])
        let y = try Tensor((0..<40).map { _ in Float(stream.next() % 3) }, shape: [40])
        try expectSameTraining(fused, plain, x, y)
    }

    /// Both models, compiled alike, train 3 epochs on `x`, `y` to the same history and weights,
    /// bit for bit, and learn something.
    private func expectSameTraining(_ first: Sequential, _ second: Sequential, _ x: Tensor, _ y: Tensor) throws {
        for model in [first, second] {
            model.compile(optimizer: Adam(learningRate: .constant(0.01)), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        }
        let firstHistory = try Parallel.splittingEverything { try first.fit(x, y, epochs: 3, batchSize: 16) }
        let secondHistory = try Parallel.splittingEverything { try second.fit(x, y, epochs: 3, batchSize: 16) }
        #expect(firstHistory == secondHistory)
        for (index, (a, b)) in zip(first.getWeights(), second.getWeights()).enumerated() {
            let difference = BitIdentity.difference(a.scalars, b.scalars)
            #expect(difference == nil, "weight \(index): \(difference ?? "")")
        }
        #expect(firstHistory["loss"]!.last! < firstHistory["loss"]![0])
    }

    /// A convolution straight into max pooling (Conv2D.forward(_:into:): the maps computed one
    /// example at a time and pooled in the cache) trains bit for bit as the two layers apart:
    /// here with a linear activation and windows that leave a row and a column out, the pair
    /// kept apart by a linear ActivationLayer (the identity) in the other network.
    @Test func aConvolutionPooledStraightFromItsMapsTrainsAsTwoLayersDo() throws {
        func network(apart: Bool) throws -> Sequential {
            var layers: [Layer] = [try Conv2D(16, kernelSize: [3, 3], biasInitializer: .randomUniform(minval: -0.3, maxval: 0.3),
                                              inputShape: [10, 9, 1])]               // 8×7 maps, direct
            if apart { layers.append(ActivationLayer(.linear)) }
            layers += [try MaxPooling2D(poolSize: [3, 2]), Flatten(), try Dense(3, activation: .softmax)]
            return try Sequential(layers, seed: 4, ordinal: 0)
        }
        let straight = try network(apart: false), apart = try network(apart: true)
        #expect((straight.layers[0] as? Conv2D)?.method is DirectConvolution)
        try apart.setWeights(straight.getWeights())
        var stream = RandomStream(seed: 10, name: "images")
        let x = try Tensor((0..<40 * 90).map { _ in 2 * stream.uniform() - 1 }, shape: [40, 10, 9, 1])
        let y = try Tensor((0..<40).map { _ in Float(stream.next() % 3) }, shape: [40])
        try expectSameTraining(straight, apart, x, y)
    }
}
