/// Keras's `MaxPooling2D`: the largest value of each window, per channel. The default window
/// is 2×2, the default strides the window's size. Backward routes each gradient to the
/// position that held the maximum (the first one, in reading order, on a tie, as TensorFlow does); the winners are
/// indices within their example.
public final class MaxPooling2D: WindowPooling {
    public let typeName = "MaxPooling2D"
    public var name = "max_pooling2d"
    public let window: Window
    var pooling: PoolingGeometry?
    /// Set by the model when the layer before is a ReLU convolution whose derivative this layer's
    /// backward pass applies (``Sequential/reluPoolingPairs``): a window's maximum is the input
    /// value it routes the gradient to, so ReLU passes that gradient exactly when the maximum is
    /// positive, and nothing reaches the other values.
    var appliesReLUDerivative = false
    private var winners: [Int32] = []
    private var outputBuffer = Workspace(), inputGradientBuffer = Workspace()
    private var inputShape: [Int] = []
    /// The maxima of the last forward pass (what ``appliesReLUDerivative`` tests).
    private var output: Tensor?

    /// `strides` default to `poolSize`.
    public init(poolSize: [Int] = LayerDefaults.poolSize, strides: [Int]? = nil, padding: Padding = LayerDefaults.padding) throws {
        window = try Window(size: poolSize, strides: strides ?? poolSize, padding: padding, what: "MaxPooling2D")
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let pooling = try PoolingGeometry.checked(pooling, shape: input.shape, layer: name)
        let batch = input.shape[0]
        return try forward(batch: batch, mapShape: Array(input.shape.dropFirst())) { sink in
            input.withUnsafeBufferPointer { x in
                Parallel.forEachRange(batch, cost: batch * pooling.exampleSize) { examples in
                    for n in examples { sink.pool(x.baseAddress! + n * pooling.exampleSize, example: n) }
                }
            }
        }
    }

    /// A forward pass over maps that may never exist whole: `examples` hands each example's map
    /// `mapShape` to the sink, on any thread (a convolution computing its maps one example at a
    /// time straight into this pooling, ``Conv2D/forward(_:into:)``). The output, the winners
    /// and what the backward pass needs are those of ``forward(_:training:)`` over the same maps.
    func forward(batch: Int, mapShape: [Int], examples: (Sink) -> Void) throws -> Tensor {
        let pooling = try PoolingGeometry.checked(pooling, shape: [batch] + mapShape, layer: name)
        let y = outputBuffer.tensor([batch] + pooling.outputShape)
        if winners.count < max(1, y.count) { winners = [Int32](repeating: 0, count: max(1, y.count)) }
        winners.withUnsafeMutableBufferPointer { winners in
            pooling.withWindows { cells, starts in
                examples(Sink(output: y.pointer, winners: winners.baseAddress!, cells: cells, starts: starts,
                              windowCount: pooling.windowCount, channels: pooling.channels))
            }
        }
        inputShape = [batch] + mapShape
        output = y
        return y
    }

    /// Where a forward pass's examples are pooled: the batch's output and winners, and the windows.
    struct Sink {
        let output: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>
        let cells: UnsafeBufferPointer<Int>, starts: UnsafeBufferPointer<Int>
        let windowCount: Int, channels: Int

        /// Pools example `n`, whose map is at `image`, into its part of the output and winners.
        func pool(_ image: UnsafePointer<Float>, example n: Int) {
            var out = output + n * windowCount * channels, at = winners + n * windowCount * channels
            for w in 0..<windowCount {
                MaxPooling2D.maximum(image, cells: UnsafeBufferPointer(rebasing: cells[starts[w]..<starts[w + 1]]),
                                     channels: channels, into: out, winners: at)
                out += channels
                at += channels
            }
        }
    }

    /// The channels' maxima over one window's cells (at least one) of `image`, and where each
    /// was found (index within the example): eight channels at a time, without branches; the
    /// channels past the last multiple of 8 one at a time. `referenceMaximum` (in
    /// Pooling2D+Reference.swift) is the plain version tests pin both to.
    @inline(__always)
    static func maximum(_ image: UnsafePointer<Float>, cells: UnsafeBufferPointer<Int>, channels: Int,
                        into out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>) {
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        var c = 0
        while c + 8 <= channels {
            let first = cells[0] * channels + c
            var best = SIMD8<Float>(loading: image + first)
            var index = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: first)) &+ lanes
            for cell in cells.dropFirst() {
                let base = cell * channels + c
                let value = SIMD8<Float>(loading: image + base)
                let greater = value .> best
                best.replace(with: value, where: greater)
                index.replace(with: SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: base)) &+ lanes, where: greater)
            }
            best.store(to: out + c)
            UnsafeMutableRawPointer(winners + c).storeBytes(of: index, as: SIMD8<Int32>.self)
            c += 8
        }
        for c in c..<channels {
            var at = cells[0] * channels + c
            for cell in cells.dropFirst() where image[cell * channels + c] > image[at] { at = cell * channels + c }
            out[c] = image[at]
            winners[c] = Int32(truncatingIfNeeded: at)
        }
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        let dx = inputGradientBuffer.tensor(inputShape)
        let dy = outputGradient.pointer, batch = inputShape[0]
        let perExample = outputGradient.count / max(1, batch), exampleSize = dx.count / max(1, batch)
        let disjoint = pooling.flatMap { $0.disjoint ? $0 : nil }
        // With ReLU's derivative, a window's gradient lands only where its maximum is positive
        // (ReLU gives `y > 0 ? dx : 0`, and the maximum is the y it lands on).
        let maxima = appliesReLUDerivative ? output?.pointer : nil
        winners.withUnsafeBufferPointer { winners in
            // Examples split over the threads; within one, the sums keep their order. Each
            // example is cleared just before its gradients land, while it is still in cache, or,
            // when no two windows share a cell, written once, window by window.
            Parallel.forEachRange(batch, cost: dx.count) { examples in
                for n in examples {
                    let image = dx.pointer + n * exampleSize
                    if let disjoint {
                        MaxPooling2D.writeWindows(image, gradients: dy + n * perExample, winners: winners.baseAddress! + n * perExample,
                                                  maxima: maxima.map { $0 + n * perExample }, disjoint)
                        continue
                    }
                    image.update(repeating: 0, count: exampleSize)
                    if let maxima {
                        // Every window a cell wins has the cell's value as its maximum: all of
                        // them add their gradient, or all add +0 to its +0 (no branch to mispredict).
                        for o in n * perExample..<(n + 1) * perExample { image[Int(winners[o])] += maxima[o] > 0 ? dy[o] : 0 }
                    } else {
                        for o in n * perExample..<(n + 1) * perExample { image[Int(winners[o])] += dy[o] }
                    }
                }
            }
        }
        return dx
    }

    /// One example's input gradient when no two windows share a cell: every cell written once,
    /// `0 + dy` at its window's winner (the sum the clearing and adding gives, −0 included) and
    /// 0 elsewhere (the cells of no window included), eight channels at a time; with `maxima`
    /// (ReLU's derivative), 0 also at a winner whose maximum is not positive. Only the channels
    /// `only` are written when given.
    static func writeWindows(_ image: UnsafeMutablePointer<Float>, gradients dy: UnsafePointer<Float>,
                             winners: UnsafePointer<Int32>, maxima: UnsafePointer<Float>?, _ pooling: PoolingGeometry,
                             channels only: Range<Int>? = nil) {
        let channels = pooling.channels, lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        let written = only ?? 0..<channels
        for cell in pooling.uncovered { (image + cell * channels + written.lowerBound).update(repeating: 0, count: written.count) }
        pooling.withWindows { cells, starts in
            for w in 0..<pooling.windowCount {
                let d = dy + w * channels, won = winners + w * channels, top = maxima.map { $0 + w * channels }
                for cell in cells[starts[w]..<starts[w + 1]] {
                    let base = cell * channels, target = image + base
                    var c = written.lowerBound
                    while c + 8 <= written.upperBound {
                        let winner = UnsafeRawPointer(won + c).loadUnaligned(as: SIMD8<Int32>.self)
                        let here = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: base + c)) &+ lanes
                        var lands = winner .== here
                        if let top { lands = lands .& (SIMD8<Float>(loading: top + c) .> 0) }
                        let sum = SIMD8<Float>(repeating: 0) + SIMD8<Float>(loading: d + c)
                        SIMD8<Float>(repeating: 0).replacing(with: sum, where: lands).store(to: target + c)
                        c += 8
                    }
                    for c in c..<written.upperBound {
                        let lands = Int(won[c]) == base + c && (top.map { $0[c] > 0 } ?? true)
                        target[c] = lands ? 0 + d[c] : 0
                    }
                }
            }
        }
    }

    /// Whether ``writeGradient(ofExample:channels:from:into:)`` writes an example's input
    /// gradient by itself: built, with windows that share no cell.
    var writesExampleGradients: Bool { pooling?.disjoint ?? false }

    /// Example `n`'s input gradient for the channels `channels` (whole vectors of 8 or not),
    /// written into `image` (`[height, width, channels]`) from the batch's output gradient `dy`:
    /// what ``backward(_:needsInputGradient:)`` writes there, bit for bit, for a caller that
    /// consumes the gradient one example at a time in its cache (``Conv2D/backward(_:through:needsInputGradient:)``).
    func writeGradient(ofExample n: Int, channels: Range<Int>, from dy: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>) {
        guard let pooling, pooling.disjoint else { preconditionFailure("only windows that share no cell write by example") }
        let perExample = pooling.windowCount * pooling.channels
        let maxima = appliesReLUDerivative ? output?.pointer : nil
        winners.withUnsafeBufferPointer { winners in
            MaxPooling2D.writeWindows(image, gradients: dy + n * perExample, winners: winners.baseAddress! + n * perExample,
                                      maxima: maxima.map { $0 + n * perExample }, pooling, channels: channels)
        }
    }

    public var spec: LayerSpec {
        .maxPooling2D(poolSize: [window.height, window.width], strides: [window.strideY, window.strideX], padding: window.padding)
    }
}

/// Keras's `AveragePooling2D`: the mean of each window, per channel; with `same` padding the
/// mean is over the window's cells inside the image (TensorFlow's convention).
public final class AveragePooling2D: WindowPooling {
    public let typeName = "AveragePooling2D"
    public var name = "average_pooling2d"
    public let window: Window
    var pooling: PoolingGeometry?
    private var outputBuffer = Workspace(), inputGradientBuffer = Workspace()
    private var inputShape: [Int] = []

    /// `strides` default to `poolSize`.
    public init(poolSize: [Int] = LayerDefaults.poolSize, strides: [Int]? = nil, padding: Padding = LayerDefaults.padding) throws {
        window = try Window(size: poolSize, strides: strides ?? poolSize, padding: padding, what: "AveragePooling2D")
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let pooling = try PoolingGeometry.checked(pooling, shape: input.shape, layer: name)
        let batch = input.shape[0], channels = pooling.channels
        let y = outputBuffer.tensor([batch] + pooling.outputShape)
        input.withUnsafeBufferPointer { x in
            pooling.withWindows { cells, starts in
                var out = y.pointer
                for n in 0..<batch {
                    let image = x.baseAddress! + n * pooling.exampleSize
                    for w in 0..<pooling.windowCount {
                        out.update(repeating: 0, count: channels)
                        for i in starts[w]..<starts[w + 1] {
                            let row = image + cells[i] * channels
                            for c in 0..<channels { out[c] += row[c] }
                        }
                        let scale = 1 / Float(starts[w + 1] - starts[w])
                        for c in 0..<channels { out[c] *= scale }
                        out += channels
                    }
                }
            }
        }
        inputShape = input.shape
        return y
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient, let pooling else { return nil }
        let dx = inputGradientBuffer.tensor(inputShape)
        dx.pointer.update(repeating: 0, count: dx.count)
        let channels = pooling.channels
        var dy = UnsafePointer(outputGradient.pointer)
        pooling.withWindows { cells, starts in
            for n in 0..<inputShape[0] {
                let image = dx.pointer + n * pooling.exampleSize
                for w in 0..<pooling.windowCount {
                    let scale = 1 / Float(starts[w + 1] - starts[w])
                    for i in starts[w]..<starts[w + 1] {
                        let target = image + cells[i] * channels
                        for c in 0..<channels { target[c] += dy[c] * scale }
                    }
                    dy += channels
                }
            }
        }
        return dx
    }

    public var spec: LayerSpec {
        .averagePooling2D(poolSize: [window.height, window.width], strides: [window.strideY, window.strideX], padding: window.padding)
    }
}

/// A pooling layer: a window over the image, whose geometry is worked out when the layer is built.
protocol WindowPooling: Layer {
    var window: Window { get }
    var pooling: PoolingGeometry? { get set }
}

extension WindowPooling {
    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        try PoolingGeometry(inputShape, window: window, layer: name).outputShape
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        pooling = try PoolingGeometry(inputShape, window: window, layer: name)
    }
}

/// The windows of a pooling layer over one `[height, width, channels]` example: for each output
/// position, in order, the input cells (`y · width + x`) it covers inside the image.
struct PoolingGeometry {
    let height: Int, width: Int, channels: Int
    let rows: Window.Axis, columns: Window.Axis
    let window: Window
    /// The cells of every window, flattened, and where each window's cells start.
    private let cells: [Int]
    private let starts: [Int]
    /// Whether no cell lies in two windows (a pool no larger than its strides): then a backward
    /// pass can write each window's cells outright, and zeros at the cells of no window
    /// (``uncovered``), instead of clearing the image and adding.
    let disjoint: Bool
    /// The cells no window covers (the last rows or columns a valid pool leaves out), when the
    /// windows are ``disjoint``; empty otherwise.
    let uncovered: [Int]

    /// The most window cells a layer may list (512 MB of indices); a larger geometry is an
    /// error before it is allocated.
    static let cellLimit = 1 << 26

    init(_ inputShape: [Int], window: Window, layer: String) throws {
        let (rows, columns) = try window.positions(inputShape, layer: layer)
        (self.rows, self.columns) = (rows, columns)
        (height, width, channels) = (inputShape[0], inputShape[1], inputShape[2])
        self.window = window
        let ys = (0..<rows.count).map { Self.inside($0, window.height, window.strideY, rows, length: inputShape[0]) }
        let xs = (0..<columns.count).map { Self.inside($0, window.width, window.strideX, columns, length: inputShape[1]) }
        let total = Checked.product([ys.reduce(0) { $0 + $1.count }, xs.reduce(0) { $0 + $1.count }])
        guard let total, total <= Self.cellLimit else {
            throw EngineError.tooLarge(what: EngineMessages.windows(ofLayer: layer), elements: total, limit: Self.cellLimit)
        }
        var cells: [Int] = [], starts: [Int] = []
        cells.reserveCapacity(total)
        for yRange in ys {
            for xRange in xs {
                starts.append(cells.count)
                for y in yRange {
                    for x in xRange { cells.append(y * inputShape[1] + x) }
                }
            }
        }
        starts.append(cells.count)
        self.cells = cells
        self.starts = starts
        var seen = [Bool](repeating: false, count: height * width)
        var shared = false
        for cell in cells {
            shared = shared || seen[cell]
            seen[cell] = true
        }
        disjoint = !shared
        uncovered = shared ? [] : seen.indices.filter { !seen[$0] }
    }

    /// The input positions along one axis (of `length`) that the window at output position
    /// `index` covers: clipped to the input first, so that a window of any size costs only the
    /// cells inside the image.
    private static func inside(_ index: Int, _ size: Int, _ stride: Int, _ axis: Window.Axis, length: Int) -> Range<Int> {
        let start = index * stride - axis.before
        let lower = max(start, 0)
        let upper = size >= length - start ? length : start + size
        return lower..<max(lower, upper)
    }

    var outputShape: [Int] { [rows.count, columns.count, channels] }
    var exampleSize: Int { height * width * channels }

    /// The number of windows (output positions) per example.
    var windowCount: Int { starts.count - 1 }

    /// Calls `body` with the flattened cells of every window and where each window's cells
    /// start (`starts[w]..<starts[w + 1]`), as buffers for tight loops.
    @inline(__always)
    func withWindows<R>(_ body: (_ cells: UnsafeBufferPointer<Int>, _ starts: UnsafeBufferPointer<Int>) -> R) -> R {
        cells.withUnsafeBufferPointer { cells in starts.withUnsafeBufferPointer { starts in body(cells, starts) } }
    }

    /// The geometry built for `input`'s example shape, or the error a mismatched input gets.
    static func checked(_ geometry: PoolingGeometry?, shape: [Int], layer: String) throws -> PoolingGeometry {
        let example = Array(shape.dropFirst())
        guard let geometry, example == [geometry.height, geometry.width, geometry.channels] else {
            let expected = EngineMessages.imageBatch(geometry.map { ($0.height, $0.width, $0.channels) })
            throw EngineError.layerInputShape(layer: layer, expected: expected, found: shape,
                                              hint: Window.channelsHint(example))
        }
        return geometry
    }
}
