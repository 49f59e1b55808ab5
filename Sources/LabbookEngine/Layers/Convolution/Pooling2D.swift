/// Keras's `MaxPooling2D`: the largest value of each window, per channel. The default window
/// is 2×2, the default strides the window's size. Backward routes each gradient to the
/// position that held the maximum (the first one, in reading order, on a tie, as TensorFlow does); the winners are
/// indices within their example.
public final class MaxPooling2D: Layer {
    public let typeName = "MaxPooling2D"
    public var name = "max_pooling2d"
    public let window: Window
    private var pooling: PoolingGeometry?
    private var winners: [Int32] = []
    private var outputBuffer = Workspace(), inputGradientBuffer = Workspace()
    private var inputShape: [Int] = []

    /// `strides` default to `poolSize`.
    public init(poolSize: [Int] = [2, 2], strides: [Int]? = nil, padding: Padding = .valid) throws {
        window = try Window(size: poolSize, strides: strides ?? poolSize, padding: padding, what: "MaxPooling2D")
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        try PoolingGeometry(inputShape, window: window, layer: name).outputShape
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        pooling = try PoolingGeometry(inputShape, window: window, layer: name)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let pooling = try PoolingGeometry.checked(pooling, input, layer: name)
        let batch = input.shape[0]
        let y = outputBuffer.tensor([batch] + pooling.outputShape)
        if winners.count < max(1, y.count) { winners = [Int32](repeating: 0, count: max(1, y.count)) }
        let channels = pooling.channels
        input.withUnsafeBufferPointer { x in
            winners.withUnsafeMutableBufferPointer { winner in
                var out = y.pointer, at = winner.baseAddress!
                for n in 0..<batch {
                    let image = x.baseAddress! + n * pooling.exampleSize
                    pooling.forEachWindow { cells in
                        // Every window covers at least one cell of the image.
                        let first = cells[cells.startIndex] * channels
                        for c in 0..<channels { out[c] = image[first + c]; at[c] = Int32(first + c) }
                        for cell in cells.dropFirst() {
                            let base = cell * channels
                            for c in 0..<channels where image[base + c] > out[c] {
                                out[c] = image[base + c]
                                at[c] = Int32(base + c)
                            }
                        }
                        out += channels
                        at += channels
                    }
                }
            }
        }
        inputShape = input.shape
        return y
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
        guard needsInputGradient else { return nil }
        let dx = inputGradientBuffer.tensor(inputShape)
        dx.pointer.update(repeating: 0, count: dx.count)
        let dy = outputGradient.pointer
        let perExample = outputGradient.count / max(1, inputShape[0]), exampleSize = dx.count / max(1, inputShape[0])
        for n in 0..<inputShape[0] {
            let image = dx.pointer + n * exampleSize
            for o in n * perExample..<(n + 1) * perExample { image[Int(winners[o])] += dy[o] }
        }
        return dx
    }

    public var spec: LayerSpec {
        .maxPooling2D(poolSize: [window.height, window.width], strides: [window.strideY, window.strideX], padding: window.padding)
    }
}

/// Keras's `AveragePooling2D`: the mean of each window, per channel; with `same` padding the
/// mean is over the window's cells inside the image (TensorFlow's convention).
public final class AveragePooling2D: Layer {
    public let typeName = "AveragePooling2D"
    public var name = "average_pooling2d"
    public let window: Window
    private var pooling: PoolingGeometry?
    private var outputBuffer = Workspace(), inputGradientBuffer = Workspace()
    private var inputShape: [Int] = []

    /// `strides` default to `poolSize`.
    public init(poolSize: [Int] = [2, 2], strides: [Int]? = nil, padding: Padding = .valid) throws {
        window = try Window(size: poolSize, strides: strides ?? poolSize, padding: padding, what: "AveragePooling2D")
    }

    public func outputShape(forInput inputShape: [Int]) throws -> [Int] {
        try PoolingGeometry(inputShape, window: window, layer: name).outputShape
    }

    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {
        pooling = try PoolingGeometry(inputShape, window: window, layer: name)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let pooling = try PoolingGeometry.checked(pooling, input, layer: name)
        let batch = input.shape[0], channels = pooling.channels
        let y = outputBuffer.tensor([batch] + pooling.outputShape)
        input.withUnsafeBufferPointer { x in
            var out = y.pointer
            for n in 0..<batch {
                let image = n * pooling.exampleSize
                pooling.forEachWindow { cells in
                    let scale = 1 / Float(cells.count)
                    for c in 0..<channels {
                        var sum: Float = 0
                        for cell in cells { sum += x[image + cell * channels + c] }
                        out[c] = sum * scale
                    }
                    out += channels
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
        for n in 0..<inputShape[0] {
            let image = dx.pointer + n * pooling.exampleSize
            pooling.forEachWindow { cells in
                let scale = 1 / Float(cells.count)
                for cell in cells {
                    let target = image + cell * channels
                    for c in 0..<channels { target[c] += dy[c] * scale }
                }
                dy += channels
            }
        }
        return dx
    }

    public var spec: LayerSpec {
        .averagePooling2D(poolSize: [window.height, window.width], strides: [window.strideY, window.strideX], padding: window.padding)
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

    init(_ inputShape: [Int], window: Window, layer: String) throws {
        (rows, columns) = try window.positions(inputShape, layer: layer)
        (height, width, channels) = (inputShape[0], inputShape[1], inputShape[2])
        self.window = window
        var cells: [Int] = [], starts: [Int] = []
        for oy in 0..<rows.count {
            for ox in 0..<columns.count {
                starts.append(cells.count)
                for ky in 0..<window.height {
                    let y = oy * window.strideY - rows.before + ky
                    guard y >= 0 && y < inputShape[0] else { continue }
                    for kx in 0..<window.width {
                        let x = ox * window.strideX - columns.before + kx
                        if x >= 0 && x < inputShape[1] { cells.append(y * inputShape[1] + x) }
                    }
                }
            }
        }
        starts.append(cells.count)
        self.cells = cells
        self.starts = starts
    }

    var outputShape: [Int] { [rows.count, columns.count, channels] }
    var exampleSize: Int { height * width * channels }

    /// Calls `body` with each window's cells, output position by output position.
    @inline(__always)
    func forEachWindow(_ body: (ArraySlice<Int>) -> Void) {
        for w in 0..<(starts.count - 1) { body(cells[starts[w]..<starts[w + 1]]) }
    }

    /// The geometry built for `input`'s example shape, or the error a mismatched input gets.
    static func checked(_ geometry: PoolingGeometry?, _ input: Tensor, layer: String) throws -> PoolingGeometry {
        let example = Array(input.shape.dropFirst())
        guard let geometry, example == [geometry.height, geometry.width, geometry.channels] else {
            let expected = geometry.map { "[batch, \($0.height), \($0.width), \($0.channels)]" } ?? "[batch, height, width, channels]"
            throw EngineError.layerInputShape(layer: layer, expected: expected, found: input.shape,
                                              hint: Window.channelsHint(example))
        }
        return geometry
    }
}
