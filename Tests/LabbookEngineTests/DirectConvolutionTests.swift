import Testing
@testable import LabbookEngine

/// The direct convolution (windows read where they lie in the image) against im2col + one
/// product, bit for bit: outputs, the kernel's gradient, and the input's gradient, on 1–3
/// threads with all work split, over the geometries that take each of its paths.
@Suite struct DirectConvolutionTests {
    struct Geometry: CustomTestStringConvertible, Sendable {
        let kernel: [Int], strides: [Int], padding: Padding, input: [Int], filters: Int, batch: Int
        var testDescription: String { "\(kernel) stride \(strides) \(padding) on \(batch)×\(input) → \(filters)" }
    }

    static let geometries: [Geometry] = [
        // The coursework's first layer: 3×3 over one channel, 32 filters (four vectors: passes
        // of 2 values, the last of 1).
        Geometry(kernel: [3, 3], strides: [1, 1], padding: .valid, input: [28, 28, 1], filters: 32, batch: 3),
        // `same`: a zero-padded copy; one vector of filters (passes of 8 values, then 1).
        Geometry(kernel: [3, 3], strides: [1, 1], padding: .same, input: [9, 8, 1], filters: 8, batch: 2),
        // Three channels and strides: 27 values per window, three vectors of filters.
        Geometry(kernel: [3, 3], strides: [2, 2], padding: .same, input: [7, 9, 3], filters: 24, batch: 5),
        // 5×5: 25 values, five vectors (a block of four and one; split 3 + 2 on two threads).
        Geometry(kernel: [5, 5], strides: [1, 1], padding: .valid, input: [8, 7, 1], filters: 40, batch: 2),
        // Uneven window and strides, padding on one side more than the other; two vectors.
        Geometry(kernel: [4, 2], strides: [2, 1], padding: .same, input: [5, 6, 2], filters: 16, batch: 1),
        // Windows that do not reach the last row and column (valid, stride 2 on an even side).
        Geometry(kernel: [3, 3], strides: [2, 2], padding: .valid, input: [8, 8, 2], filters: 16, batch: 2),
        // A 1×1 window.
        Geometry(kernel: [1, 1], strides: [1, 1], padding: .valid, input: [4, 4, 2], filters: 16, batch: 1),
    ]

    @Test(arguments: geometries, [1, 2, 3])
    func theDirectMethodGivesIm2ColsBits(_ g: Geometry, threads: Int) throws {
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        Parallel.workers = threads
        let window = try Window(size: g.kernel, strides: g.strides, padding: g.padding, what: "Conv2D")
        let (rows, columns) = try window.positions(g.input, layer: "conv")
        let layout = PatchLayout(height: g.input[0], width: g.input[1], channels: g.input[2], window: window, rows: rows, columns: columns)
        #expect(DirectConvolution.applies(patchSize: layout.patchSize, filters: g.filters))
        let direct = DirectConvolution(layout, filters: g.filters), im2col = Im2ColConvolution(layout, filters: g.filters)
        // Zeros in the input (an image's background) and negative weights make −0 products,
        // whose sign the chains must treat as the product does.
        let x = Self.values(g.batch * layout.exampleSize, seed: "x", zeroEvery: 3)
        let kernel = Self.values(layout.patchSize * g.filters, seed: "kernel", zeroEvery: 7)
        let dz = Self.values(g.batch * layout.positions * g.filters, seed: "dz", zeroEvery: 5)
        let outputs = g.batch * layout.positions * g.filters, kernelCount = layout.patchSize * g.filters

        func run(_ method: ConvolutionMethod, inputGradient: Bool) -> (z: [Float], dKernel: [Float], dx: [Float]) {
            var z = [Float](repeating: .nan, count: outputs), dKernel = [Float](repeating: .nan, count: kernelCount)
            var dx = [Float](repeating: .nan, count: inputGradient ? x.count : 0)
            Parallel.splittingEverything {
                method.forward(x, batch: g.batch, kernel: kernel, into: &z)
                dx.withUnsafeMutableBufferPointer { dx in
                    method.backward(x, batch: g.batch, dz: dz, kernel: kernel, kernelGradient: &dKernel,
                                    inputGradient: inputGradient ? dx.baseAddress : nil)
                }
            }
            return (z, dKernel, dx)
        }
        let expected = run(im2col, inputGradient: true)
        for inputGradient in [false, true] {
            let found = run(direct, inputGradient: inputGradient)
            let label = "\(g.testDescription), \(threads) threads, input gradient \(inputGradient)"
            #expect(BitIdentity.difference(found.z, expected.z) == nil, "outputs: \(label): \(BitIdentity.difference(found.z, expected.z) ?? "")")
            #expect(BitIdentity.difference(found.dKernel, expected.dKernel) == nil,
                    "kernel gradients: \(label): \(BitIdentity.difference(found.dKernel, expected.dKernel) ?? "")")
            if inputGradient { #expect(BitIdentity.difference(found.dx, expected.dx) == nil, "input gradients: \(label)") }
        }
        // The bias and ReLU applied as the outputs are stored: Bias.add's and Activation's bits.
        let bias = Self.values(g.filters, seed: "bias", zeroEvery: 4)
        var z = expected.z, y = [Float](repeating: .nan, count: outputs)
        Bias.add(bias, to: &z, rows: g.batch * layout.positions, columns: g.filters)
        Activation.relu.forward(z, &y, rows: g.batch * layout.positions, columns: g.filters)
        var fusedZ = [Float](repeating: .nan, count: outputs), fusedY = fusedZ
        func forward(into output: inout [Float], relu: Bool) {
            bias.withUnsafeBufferPointer { bias in
                output.withUnsafeMutableBufferPointer { output in
                    Parallel.splittingEverything {
                        direct.forward(x, batch: g.batch, kernel: kernel,
                                       epilogue: .init(bias: bias.baseAddress, output: output.baseAddress!, appliesReLU: relu))
                    }
                }
            }
        }
        forward(into: &fusedZ, relu: false)
        forward(into: &fusedY, relu: true)
        #expect(BitIdentity.difference(fusedZ, z) == nil, "biased outputs: \(g.testDescription): \(BitIdentity.difference(fusedZ, z) ?? "")")
        #expect(BitIdentity.difference(fusedY, y) == nil, "ReLU outputs: \(g.testDescription): \(BitIdentity.difference(fusedY, y) ?? "")")
    }

    /// A layer picks the direct method by its geometry alone: few values per window and whole
    /// vectors of filters; more values, or filters that end in part of a vector, go to im2col.
    @Test func conv2DTakesTheDirectMethodForFewValuesPerWindow() throws {
        func method(_ filters: Int, _ kernel: [Int], _ input: [Int]) throws -> ConvolutionMethod? {
            let layer = GradientCheck.built(try Conv2D(filters, kernelSize: kernel), inputShape: input)
            return layer.method
        }
        #expect(try method(32, [3, 3], [28, 28, 1]) is DirectConvolution)
        #expect(try method(16, [3, 3], [8, 8, 3]) is DirectConvolution)
        #expect(try method(12, [3, 3], [28, 28, 1]) is Im2ColConvolution)
        #expect(try method(16, [3, 3], [8, 8, 4]) is Im2ColConvolution)
        #expect(try method(16, [3, 3], [8, 8, 8]) is WinogradConvolution)
    }

    /// `count` values in [−1, 1), every `zeroEvery`-th one 0.
    private static func values(_ count: Int, seed: String, zeroEvery: Int) -> [Float] {
        var stream = RandomStream(seed: 11, name: seed)
        return (0..<count).map { i in
            let value = 2 * stream.uniform() - 1
            return i % zeroEvery == 0 ? 0 : value
        }
    }
}
