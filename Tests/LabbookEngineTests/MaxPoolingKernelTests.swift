import Testing
@testable import LabbookEngine

/// MaxPooling2D's window maximum, whose channels go 8 at a time and the rest one by one,
/// against `MaxPooling2D.referenceMaximum` at channel counts that take only the 8-channel
/// branch, only the other, or both (ConvolutionTests' 1 and 3 channels take only the other):
/// the forward values and, through the backward pass, the winning positions, bit for bit.
@Suite struct MaxPoolingKernelTests {
    static let channelCounts = [1, 7, 8, 9, 16, 17]

    /// Pool size, strides, padding and the example's height and width: windows of 4, of 1 to 9
    /// and of 2 to 6 cells, some overlapping (so that a cell can win twice), some tiling the image.
    struct Geometry: CustomTestStringConvertible, Sendable {
        let size: [Int], strides: [Int], padding: Padding, height: Int, width: Int
        var testDescription: String { "\(size) stride \(strides) \(padding) on \(height)×\(width)" }
    }

    static let geometries = [
        Geometry(size: [3, 3], strides: [2, 2], padding: .same, height: 7, width: 6),
        Geometry(size: [2, 3], strides: [1, 1], padding: .same, height: 4, width: 5),
    ] + disjointGeometries

    /// Windows that share no cell, whose backward pass writes each window outright: windows
    /// that leave the last column out (zeros written there), a whole number of windows, and
    /// same padding's clipped windows.
    static let disjointGeometries = [
        Geometry(size: [2, 2], strides: [2, 2], padding: .valid, height: 6, width: 5),
        Geometry(size: [2, 2], strides: [2, 2], padding: .valid, height: 6, width: 4),
        Geometry(size: [2, 3], strides: [2, 3], padding: .same, height: 5, width: 7),
    ]

    /// Values of few levels, so that windows hold ties (the first maximum in reading order must
    /// win), and a few NaNs (which win only from a window's first cell).
    static func input(_ shape: [Int]) -> Tensor {
        var stream = RandomStream(seed: 9, name: "max-pooling-kernel")
        return try! Tensor(shape: shape) { x in
            for i in x.indices { x[i] = (stream.uniform() * 8).rounded(.down) / 2 - 2 }
            for i in stride(from: 3, to: x.count, by: 41) { x[i] = .nan }
        }
    }

    @Test(arguments: channelCounts, geometries)
    func windowMaximaAndWinnersEqualTheReference(channels: Int, geometry g: Geometry) throws {
        let example = [g.height, g.width, channels]
        let layer = GradientCheck.built(try MaxPooling2D(poolSize: g.size, strides: g.strides, padding: g.padding),
                                        inputShape: example)
        let batch = 2
        let x = Self.input([batch] + example)
        let y = try layer.forward(x, training: true)
        // Small whole numbers: any order of summing them into dx is exact; and some −0, which
        // a cleared cell turns into +0 (0 + −0), as a cell written outright must too.
        let dy = try Tensor(shape: y.shape) { d in for i in d.indices { d[i] = i % 7 == 3 ? -0.0 : Float(i % 13 + 1) } }
        let dx = layer.backward(dy, needsInputGradient: true)!

        // The reference: every window of every example through referenceMaximum, then each
        // output's gradient added at its winner.
        let pooling = try PoolingGeometry(example, window: layer.window, layer: layer.name)
        var expectedY = [Float](repeating: 0, count: y.count)
        var winners = [Int32](repeating: 0, count: y.count)
        x.withUnsafeBufferPointer { x in
            expectedY.withUnsafeMutableBufferPointer { out in
                winners.withUnsafeMutableBufferPointer { winners in
                    pooling.withWindows { cells, starts in
                        for n in 0..<batch {
                            for w in 0..<pooling.windowCount {
                                let at = (n * pooling.windowCount + w) * channels
                                MaxPooling2D.referenceMaximum(
                                    x.baseAddress! + n * pooling.exampleSize,
                                    cells: UnsafeBufferPointer(rebasing: cells[starts[w]..<starts[w + 1]]),
                                    channels: channels, into: out.baseAddress! + at, winners: winners.baseAddress! + at)
                            }
                        }
                    }
                }
            }
        }
        var expectedDX = [Float](repeating: 0, count: x.count)
        let outputsPerExample = y.count / batch, gradients = dy.scalars
        for o in 0..<y.count {
            expectedDX[o / outputsPerExample * pooling.exampleSize + Int(winners[o])] += gradients[o]
        }

        if let difference = BitIdentity.difference(y.scalars, expectedY) {
            Issue.record("forward, \(channels) channels, \(g.testDescription): \(difference)")
        }
        if let difference = BitIdentity.difference(dx.scalars, expectedDX) {
            Issue.record("backward (the winners), \(channels) channels, \(g.testDescription): \(difference)")
        }
    }

    /// Written outright, an example's gradient owes nothing to what its buffer held before:
    /// over a buffer of NaNs, every cell outside the winners, those of no window included, is 0.
    @Test(arguments: disjointGeometries)
    func disjointWindowsOverwriteEveryCell(geometry g: Geometry) throws {
        let channels = 9, example = [g.height, g.width, channels]
        let pooling = try PoolingGeometry(example, window: Window(size: g.size, strides: g.strides, padding: g.padding,
                                                                  what: "MaxPooling2D"), layer: "pool")
        #expect(pooling.disjoint)
        let outputs = pooling.windowCount * channels
        // Window w's channel c won at the window's last cell.
        var winners = [Int32](repeating: 0, count: outputs)
        pooling.withWindows { cells, starts in
            for w in 0..<pooling.windowCount {
                for c in 0..<channels { winners[w * channels + c] = Int32(cells[starts[w + 1] - 1] * channels + c) }
            }
        }
        let dy = (0..<outputs).map { Float($0 + 1) }
        var image = [Float](repeating: .nan, count: pooling.exampleSize)
        var expected = [Float](repeating: 0, count: pooling.exampleSize)
        for o in 0..<outputs { expected[Int(winners[o])] += dy[o] }
        image.withUnsafeMutableBufferPointer { image in
            MaxPooling2D.writeWindows(image.baseAddress!, gradients: dy, winners: winners, maxima: nil, pooling)
        }
        if let difference = BitIdentity.difference(image, expected) {
            Issue.record("\(g.testDescription): \(difference)")
        }
    }
}
