import Foundation
import Testing
@testable import LabbookEngine

/// Conv2D and the poolings: backward passes against finite differences, the forward pass
/// against a direct convolution, and shapes, names and parameter counts against Keras's.
@Suite struct ConvolutionTests {
    /// The configurations checked: kernel, strides, padding, input `[h, w, c]`, filters.
    struct Case: CustomTestStringConvertible, Sendable {
        let kernel: [Int], strides: [Int], padding: Padding, input: [Int], filters: Int
        var testDescription: String { "\(kernel) stride \(strides) \(padding) on \(input) → \(filters)" }
    }

    static let cases: [Case] = [
        Case(kernel: [3, 3], strides: [1, 1], padding: .valid, input: [5, 6, 2], filters: 3),
        Case(kernel: [3, 3], strides: [1, 1], padding: .same, input: [5, 5, 3], filters: 2),
        Case(kernel: [3, 2], strides: [2, 2], padding: .valid, input: [7, 6, 2], filters: 4),
        Case(kernel: [3, 3], strides: [2, 2], padding: .same, input: [6, 7, 2], filters: 3),
        Case(kernel: [4, 4], strides: [2, 1], padding: .same, input: [5, 4, 1], filters: 2),
        // Winograd's F(2×2, 3×3): 8 and 9 channels (a tail past the vector lanes), even and odd
        // output sides, 11 filters (8 lanes and a tail).
        Case(kernel: [3, 3], strides: [1, 1], padding: .valid, input: [6, 7, 8], filters: 3),
        Case(kernel: [3, 3], strides: [1, 1], padding: .same, input: [5, 6, 9], filters: 11),
        // Straight from the image: one channel, whole vectors of filters (8 and 16).
        Case(kernel: [3, 3], strides: [1, 1], padding: .same, input: [5, 6, 1], filters: 8),
        Case(kernel: [2, 3], strides: [2, 1], padding: .valid, input: [6, 5, 2], filters: 16),
    ]

    private func conv(_ c: Case, activation: Activation = .linear) throws -> Conv2D {
        GradientCheck.built(try Conv2D(c.filters, kernelSize: c.kernel, strides: c.strides, padding: c.padding, activation: activation,
                                       biasInitializer: .randomUniform(minval: -0.5, maxval: 0.5)), inputShape: c.input)
    }

    @Test(arguments: cases)
    func conv2DGradients(_ c: Case) throws {
        let layer = try conv(c, activation: .tanh)
        let mismatches = GradientCheck.check(layer, input: GradientCheck.random([2] + c.input, seed: "x"), h: 1e-2, tolerance: 2e-2)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    @Test(arguments: cases)
    func conv2DMatchesADirectConvolution(_ c: Case) throws {
        let layer = try conv(c)
        let x = GradientCheck.random([3] + c.input, seed: "x")
        let y = try layer.forward(x, training: false)
        let expected = try Self.directConvolution(x, kernel: layer.parameters[0].value, bias: layer.parameters[1].value, c)
        #expect(y.shape == expected.shape)
        let worst = zip(y.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-5)
    }

    @Test func conv2DTakesLargeBatchesAChunkAtATime() throws {
        let c = Case(kernel: [3, 3], strides: [1, 1], padding: .same, input: [16, 16, 4], filters: 8)
        let layer = try conv(c, activation: .relu)
        // 600 examples of 256 positions · 36 values: two chunks of the patch budget.
        #expect(600 * 256 * 36 > Conv2D.valueBudget)
        #expect(layer.usesWinograd == false)
        let x = GradientCheck.random([600] + c.input, seed: "x")
        let whole = try layer.forward(x, training: true)
        let dy = GradientCheck.random(whole.shape, seed: "dy")
        let dx = layer.backward(dy, needsInputGradient: true)!.copied()
        let dKernel = layer.parameters[0].gradient.copied()
        // The same examples one small batch at a time give the same outputs and input gradients.
        for start in stride(from: 0, to: 600, by: 200) {
            let part = try x.slice(start..<start + 200)
            let y = try layer.forward(part, training: true)
            let expected = Array(whole.scalars[start * 2048..<(start + 200) * 2048])
            #expect(BitIdentity.difference(y.scalars, expected) == nil)
            let partDX = layer.backward(try dy.slice(start..<start + 200), needsInputGradient: true)!
            #expect(BitIdentity.difference(partDX.scalars, Array(dx.scalars[start * 1024..<(start + 200) * 1024])) == nil)
        }
        #expect(dKernel.scalars.contains { $0 != 0 })
    }

    /// Winograd's method takes 3×3 stride-1 windows over at least 8 channels, the direct one
    /// windows of few values over whole vectors of filters; im2col the rest.
    @Test func theMethodFollowsTheGeometry() throws {
        let methods = try Self.cases.map { try conv($0).usesWinograd }
        #expect(methods == [false, false, false, false, false, true, true, false, false])
        #expect(try Self.cases.map { try conv($0).method is DirectConvolution } == [false, false, false, false, false, false, false, true, true])
        let wide = Case(kernel: [3, 3], strides: [1, 1], padding: .valid, input: [6, 6, 16], filters: 2)
        #expect(try conv(wide).usesWinograd == true)
        let strided = Case(kernel: [3, 3], strides: [2, 2], padding: .valid, input: [6, 6, 16], filters: 2)
        #expect(try conv(strided).usesWinograd == false)
    }

    /// A batch of 20 is three blocks of 8, 8 and 4 examples: their kernel gradients summed give
    /// im2col's, and each example's outputs and input gradient are its own, whatever batch it is in.
    @Test func winogradBlocksSumToTheWholeKernelGradient() throws {
        let c = Case(kernel: [3, 3], strides: [1, 1], padding: .same, input: [7, 7, 8], filters: 16)
        let layer = try conv(c)
        #expect(layer.usesWinograd == true)
        let x = GradientCheck.random([20] + c.input, seed: "x")
        let y = try layer.forward(x, training: true).copied()
        let dy = GradientCheck.random(y.shape, seed: "dy")
        let dx = layer.backward(dy, needsInputGradient: true)!.copied()
        let dKernel = layer.parameters[0].gradient.scalars
        let (_, reference, referenceDX) = try im2colReference(layer, c, x: x, dy: dy)
        let scale = reference.map(abs).max() ?? 1
        let worst = zip(dKernel, reference).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-5 * scale, "kernel gradients differ by \(worst) (largest \(scale))")
        let worstDX = zip(dx.scalars, referenceDX).map { abs($0 - $1) }.max() ?? 0
        #expect(worstDX < 1e-4, "input gradients differ by \(worstDX)")
        // Examples 3..<11 alone give the same bits as within the batch.
        let part = try layer.forward(try x.slice(3..<11), training: true)
        #expect(BitIdentity.difference(part.scalars, Array(y.scalars[3 * 784..<11 * 784])) == nil)
        let partDX = layer.backward(try dy.slice(3..<11), needsInputGradient: true)!
        #expect(BitIdentity.difference(partDX.scalars, Array(dx.scalars[3 * 392..<11 * 392])) == nil)
    }

    /// With more channels and filters than one cache block of the product (256), the transformed
    /// kernel is not packed once: the products pack it themselves, and agree with im2col.
    @Test func winogradBeyondOneCacheBlockAgreesWithIm2Col() throws {
        let c = Case(kernel: [3, 3], strides: [1, 1], padding: .same, input: [4, 4, 260], filters: 264)
        let layer = try conv(c)
        #expect(layer.usesWinograd == true)
        #expect(!GEMM.packsOnce(k: 260, n: 264) && !GEMM.packsOnce(k: 264, n: 260))
        let x = GradientCheck.random([2] + c.input, seed: "x")
        let y = try layer.forward(x, training: true).copied()
        let dy = GradientCheck.random(y.shape, seed: "dy")
        let dx = layer.backward(dy, needsInputGradient: true)!.copied()
        let (z, dKernel, referenceDX) = try im2colReference(layer, c, x: x, dy: dy)
        for (name, found, expected) in [("outputs", y.scalars, z), ("kernel gradients", layer.parameters[0].gradient.scalars, dKernel),
                                        ("input gradients", dx.scalars, referenceDX)] {
            let scale = max(1, expected.map(abs).max() ?? 1)
            let worst = zip(found, expected).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-4 * scale, "\(name) differ by \(worst) (largest \(scale))")
        }
    }

    /// The outputs (with the layer's bias, no activation), kernel gradient and input gradient of
    /// `layer`'s convolution for `x` and `dy`, computed by im2col.
    private func im2colReference(_ layer: Conv2D, _ c: Case, x: Tensor, dy: Tensor) throws -> ([Float], [Float], [Float]) {
        let (rows, columns) = try layer.window.positions(c.input, layer: "reference")
        let layout = PatchLayout(height: c.input[0], width: c.input[1], channels: c.input[2], window: layer.window,
                                 rows: rows, columns: columns)
        let im2col = Im2ColConvolution(layout, filters: c.filters)
        let batch = x.shape[0], xs = x.scalars, kernel = layer.parameters[0].value.scalars
        var z = [Float](repeating: 0, count: dy.shape.reduce(1, *)), dKernel = [Float](repeating: 0, count: kernel.count)
        var dx = [Float](repeating: 0, count: xs.count)
        im2col.forward(xs, batch: batch, kernel: kernel, into: &z)
        let bias = layer.parameters[1].value.scalars
        for i in z.indices { z[i] += bias[i % c.filters] }
        im2col.backward(xs, batch: batch, dz: dy.scalars, kernel: kernel, kernelGradient: &dKernel, inputGradient: &dx)
        return (z, dKernel, dx)
    }

    @Test(arguments: [(Padding.valid, [2, 2], [2, 2]), (.same, [3, 3], [2, 2]), (.same, [2, 3], [1, 2])])
    func poolingGradients(padding: Padding, size: [Int], strides: [Int]) throws {
        let input = [5, 6, 3]
        let max = GradientCheck.built(try MaxPooling2D(poolSize: size, strides: strides, padding: padding), inputShape: input)
        #expect(GradientCheck.check(max, input: GradientCheck.random([2] + input, seed: "x"), h: 1e-4).isEmpty)
        let average = GradientCheck.built(try AveragePooling2D(poolSize: size, strides: strides, padding: padding), inputShape: input)
        #expect(GradientCheck.check(average, input: GradientCheck.random([2] + input, seed: "x")).isEmpty)
    }

    @Test func globalAveragePoolingGradients() throws {
        let layer = GlobalAveragePooling2D()
        let x = GradientCheck.random([2, 3, 4, 5], seed: "x")
        #expect(try layer.forward(x, training: true).shape == [2, 5])
        #expect(GradientCheck.check(layer, input: x).isEmpty)
    }

    @Test func poolingValuesAsKeras() throws {
        // One 3×3 channel 1…9; 2×2 windows, stride 1.
        let x = try Tensor((1...9).map(Float.init), shape: [1, 3, 3, 1])
        let max = GradientCheck.built(try MaxPooling2D(poolSize: [2, 2], strides: [1, 1]), inputShape: [3, 3, 1])
        #expect(try max.forward(x, training: false).scalars == [5, 6, 8, 9])
        // `same` with stride 2: windows {1,2,4,5}, {3,6}, {7,8}, {9}; the mean counts only cells inside.
        let average = GradientCheck.built(try AveragePooling2D(poolSize: [2, 2], strides: [2, 2], padding: .same), inputShape: [3, 3, 1])
        #expect(try average.forward(x, training: false).scalars == [3, 4.5, 7.5, 9])
        // A tie sends the gradient to the first maximum in reading order.
        let tie = try Tensor([1, 1, 1, 1], shape: [1, 2, 2, 1])
        let pool = GradientCheck.built(try MaxPooling2D(), inputShape: [2, 2, 1])
        _ = try pool.forward(tie, training: true)
        #expect(pool.backward(try Tensor([1], shape: [1, 1, 1, 1]), needsInputGradient: true)?.scalars == [1, 0, 0, 0])
    }

    /// Keras 3's summary of its `mnist_convnet` example, this bench model B5.
    @Test func smallCNNShapesNamesAndParameterCountsMatchKeras() throws {
        let model = try Sequential([
            Input(shape: [28, 28]), Reshape([28, 28, 1]),
            Conv2D(32, kernelSize: [3, 3], activation: .relu), MaxPooling2D(poolSize: [2, 2]),
            Conv2D(64, kernelSize: [3, 3], activation: .relu), MaxPooling2D(poolSize: [2, 2]),
            Flatten(), Dropout(0.5), Dense(10, activation: .softmax),
        ])
        let text = try model.summary().description
        for row in [
            "│ reshape (Reshape)               │ (None, 28, 28, 1)      │             0 │",
            "│ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │",
            "│ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │",
            "│ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │",
            "│ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │",
            "│ flatten (Flatten)               │ (None, 1600)           │             0 │",
            "│ dense (Dense)                   │ (None, 10)             │        16,010 │",
            " Total params: 34,826 (136.04 KB)",
        ] {
            #expect(text.contains(row), "\(row)")
        }
        #expect(model.countParams() == 34_826)
    }

    @Test func samePaddingAndStridesGiveKerasShapes() throws {
        let model = try Sequential([
            Input(shape: [27, 27, 3]),
            Conv2D(8, kernelSize: [3, 3], strides: [2, 2], padding: .same),      // ⌈27/2⌉ = 14
            AveragePooling2D(poolSize: [3, 3], strides: [2, 2], padding: .same), // ⌈14/2⌉ = 7
            MaxPooling2D(poolSize: [2, 2]),                                      // ⌊(7−2)/2⌋+1 = 3
            GlobalAveragePooling2D(),
        ])
        let text = try model.summary().description
        #expect(text.contains("(None, 14, 14, 8)") && text.contains("(None, 7, 7, 8)") && text.contains("(None, 3, 3, 8)"))
        #expect(text.contains("│ global_average_pooling2d        │ (None, 8)              │             0 │"))
        #expect(text.contains("│ (GlobalAveragePooling2D)        │"))
        #expect(model.countParams() == 3 * 3 * 3 * 8 + 8)
    }

    @Test func imagesWithoutAChannelAxisGetTheReshapeSuggestion() throws {
        let model = try Sequential([Conv2D(4, kernelSize: [3, 3])])
        let x = try Tensor(zeros: [2, 28, 28])
        #expect {
            _ = try model.predict(x)
        } throws: { error in
            "\(error)".contains("Reshape([28, 28, 1])") && "\(error)".contains("Input(shape: [28, 28, 1])")
        }
        #expect(throws: EngineError.self) { try Sequential([Input(shape: [2, 2, 1]), Conv2D(4, kernelSize: [3, 3])]).summary() }
        #expect(throws: EngineError.self) { try Conv2D(0, kernelSize: [3, 3]) }
        #expect(throws: EngineError.self) { try MaxPooling2D(poolSize: [2, 0]) }
    }

    @Test func specsRebuildTheSameLayers() throws {
        let layers: [Layer] = [
            try Conv2D(5, kernelSize: [3, 2], strides: [2, 1], padding: .same, activation: .relu, useBias: false,
                       kernelRegularizer: .l2(0.01), inputShape: [8, 8, 1]),
            try MaxPooling2D(poolSize: [3, 3], strides: [2, 2], padding: .same),
            try AveragePooling2D(), GlobalAveragePooling2D(),
        ]
        for layer in layers { #expect(try layer.spec.makeLayer().spec == layer.spec) }
    }

    @Test func aSavedCNNLoadsAndTrainsOnBitForBit() throws {
        let (x, y) = try ModelSavingTests.data()
        let model = try Sequential([
            Reshape([2, 2, 1], inputShape: [2, 2]), Conv2D(4, kernelSize: [2, 2], padding: .same, activation: .relu),
            MaxPooling2D(poolSize: [2, 2], strides: [1, 1]), AveragePooling2D(poolSize: [1, 1]), Flatten(),
            Dense(3, activation: .softmax),
        ], random: RandomContext(seed: 5))
        model.compile(optimizer: Adam(learningRate: .constant(0.01)), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        let first = try model.fit(x, y, epochs: 3, batchSize: 16)
        #expect(first["loss"]!.last! < first["loss"]![0])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-cnn-\(UUID().uuidString).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(path)
        let loaded = try Sequential.load(path)
        #expect(try loaded.summary() == model.summary())
        #expect(loaded.getWeights() == model.getWeights())
        #expect(loaded.optimizer?.iterations == model.optimizer?.iterations)
        #expect(try loaded.predict(x) == model.predict(x))
        #expect(try loaded.fit(x, y, epochs: 2, batchSize: 16) == model.fit(x, y, epochs: 2, batchSize: 16))
        #expect(loaded.getWeights() == model.getWeights())
    }

    /// `y[n, oy, ox, f] = b[f] + Σ x[n, oy·s − pad + ky, ox·s − pad + kx, c] · k[ky, kx, c, f]`.
    static func directConvolution(_ x: Tensor, kernel: Tensor, bias: Tensor, _ c: Case) throws -> Tensor {
        let (h, w, channels) = (c.input[0], c.input[1], c.input[2])
        func axis(_ size: Int, _ k: Int, _ s: Int) -> (count: Int, before: Int) {
            if c.padding == .valid { return ((size - k) / s + 1, 0) }
            let count = (size + s - 1) / s
            return (count, max((count - 1) * s + k - size, 0) / 2)
        }
        let rows = axis(h, c.kernel[0], c.strides[0]), columns = axis(w, c.kernel[1], c.strides[1])
        let batch = x.shape[0], xs = x.scalars, ks = kernel.scalars, bs = bias.scalars
        var out: [Float] = []
        for n in 0..<batch {
            for oy in 0..<rows.count {
                for ox in 0..<columns.count {
                    for f in 0..<c.filters {
                        var sum = Double(bs[f])
                        for ky in 0..<c.kernel[0] {
                            for kx in 0..<c.kernel[1] {
                                let y = oy * c.strides[0] - rows.before + ky, xx = ox * c.strides[1] - columns.before + kx
                                guard y >= 0, y < h, xx >= 0, xx < w else { continue }
                                for ch in 0..<channels {
                                    sum += Double(xs[((n * h + y) * w + xx) * channels + ch])
                                        * Double(ks[((ky * c.kernel[1] + kx) * channels + ch) * c.filters + f])
                                }
                            }
                        }
                        out.append(Float(sum))
                    }
                }
            }
        }
        return try Tensor(out, shape: [batch, rows.count, columns.count, c.filters])
    }
}
