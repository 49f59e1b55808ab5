/// A convolution whose windows hold few values (a first layer's one channel: 3×3×1 = 9),
/// computed straight from the image. im2col + one product spends most of such a layer gathering
/// the batch's patches out to memory and packing them again for products only 9 deep; here each
/// window is read where it lies in the image (a zero-padded copy of it when windows hang over
/// the edges), multiplied by the kernel a block of filters at a time in registers, and the
/// kernel's gradient is summed from the same reads.
///
/// Each output is the product's chain (from 0, one multiply-add per patch value in the kernel's
/// order, ``GEMM``) and each element of the kernel's gradient the product's chain over the
/// batch's positions in order, so the bits are ``Im2ColConvolution``'s, whatever the threads
/// (tests compare them). A pass that needs the input's gradient is im2col's own.
final class DirectConvolution: ConvolutionMethod {
    typealias V = GEMM.V
    let layout: PatchLayout
    let filters: Int
    private let im2col: Im2ColConvolution
    /// The image as the windows read it: itself, or a zero-padded copy `[paddedHeight,
    /// paddedWidth, channels]` when windows hang over its edges.
    private let padded: Bool, paddedHeight: Int, paddedWidth: Int
    /// Where each position's window starts in the (padded) image, and where each of its values
    /// lies from there, in the kernel's order `(ky, kx, channel)`.
    private let origins: [Int], offsets: [Int]
    /// Each thread's buffer for one padded image.
    private var partBuffers: [Workspace] = []

    init(_ layout: PatchLayout, filters: Int) {
        self.layout = layout
        self.filters = filters
        im2col = Im2ColConvolution(layout, filters: filters)
        let window = layout.window, channels = layout.channels
        let extentY = (layout.rows.count - 1) * window.strideY + window.height
        let extentX = (layout.columns.count - 1) * window.strideX + window.width
        padded = layout.rows.before > 0 || layout.columns.before > 0 || extentY > layout.height || extentX > layout.width
        paddedHeight = padded ? extentY : layout.height
        paddedWidth = padded ? extentX : layout.width
        let rowLength = paddedWidth * channels
        origins = (0..<layout.rows.count).flatMap { oy in
            (0..<layout.columns.count).map { ox in oy * window.strideY * rowLength + ox * window.strideX * channels }
        }
        offsets = (0..<window.height).flatMap { ky in
            (0..<window.width * channels).map { ky * rowLength + $0 }
        }
    }

    /// Whether a layer is computed this way: at most ``maximumPatchSize`` values per window and
    /// whole vectors of filters.
    static func applies(patchSize: Int, filters: Int) -> Bool {
        patchSize <= maximumPatchSize && filters % V.scalarCount == 0
    }

    /// The most values per window (deeper windows make products deep enough for ``GEMM``).
    static let maximumPatchSize = 32

    func forward(_ input: UnsafePointer<Float>, batch: Int, kernel: UnsafePointer<Float>, into z: UnsafeMutablePointer<Float>) {
        forward(input, batch: batch, kernel: kernel, epilogue: Epilogue(bias: nil, output: z, appliesReLU: false))
    }

    /// How each output is stored, into `output`: with `bias` added (as ``Bias/add(_:to:rows:columns:)``
    /// adds it) and, when `appliesReLU`, as ReLU's output (as ``Activation`` computes it), so that
    /// a layer's bias and ReLU cost no passes of their own over its maps.
    struct Epilogue {
        let bias: UnsafePointer<Float>?
        let output: UnsafeMutablePointer<Float>
        let appliesReLU: Bool

        /// For the outputs from `offset` on, the first of them of filter `filter`.
        func advanced(by offset: Int, filter: Int) -> Epilogue {
            Epilogue(bias: bias.map { $0 + filter }, output: output + offset, appliesReLU: appliesReLU)
        }
    }

    /// ``forward(_:batch:kernel:into:)`` stored as `epilogue` says.
    func forward(_ input: UnsafePointer<Float>, batch: Int, kernel: UnsafePointer<Float>, epilogue: Epilogue) {
        let positions = layout.positions, k = layout.patchSize, filters = filters
        let clock = BLAS.Clock()
        origins.withUnsafeBufferPointer { origins in
            offsets.withUnsafeBufferPointer { offsets in
                let windows = Windows(origins: origins.baseAddress!, offsets: offsets.baseAddress!, patchSize: k)
                eachPart(batch, cost: batch * positions * k * filters) { part, buffer in
                    for example in part {
                        let image = self.image(input + example * layout.exampleSize, buffer: buffer)
                        let first = example * positions * filters
                        Self.multiply(image, windows, positions: positions, kernel: kernel, filters: filters,
                                      epilogue: epilogue.advanced(by: first, filter: 0))
                    }
                }
            }
        }
        clock.stop(operations: 2 * Double(batch * positions * k * filters))
    }

    /// The outputs one example at a time, into a buffer of the thread's own, each handed to
    /// `consume(example, outputs)` while it is in cache (`[positions, filters]`, stored as
    /// `bias` and `appliesReLU` say): for maps that go straight into the next layer's pooling
    /// and are never stored whole. The values are those of ``forward(_:batch:kernel:epilogue:)``.
    func forward(_ input: UnsafePointer<Float>, batch: Int, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 appliesReLU: Bool, consume: (Int, UnsafePointer<Float>) -> Void) {
        let positions = layout.positions, k = layout.patchSize, filters = filters, imageSize = imageSize
        let clock = BLAS.Clock()
        origins.withUnsafeBufferPointer { origins in
            offsets.withUnsafeBufferPointer { offsets in
                let windows = Windows(origins: origins.baseAddress!, offsets: offsets.baseAddress!, patchSize: k)
                eachPart(batch, cost: batch * positions * k * filters, outputs: positions * filters) { part, buffer in
                    let outputs = buffer + imageSize
                    for example in part {
                        let image = self.image(input + example * layout.exampleSize, buffer: buffer)
                        Self.multiply(image, windows, positions: positions, kernel: kernel, filters: filters,
                                      epilogue: Epilogue(bias: bias, output: outputs, appliesReLU: appliesReLU))
                        consume(example, outputs)
                    }
                }
            }
        }
        clock.stop(operations: 2 * Double(batch * positions * k * filters))
    }

    func backward(_ input: UnsafePointer<Float>, batch: Int, dz: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                  kernelGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?) {
        if inputGradient != nil {
            im2col.backward(input, batch: batch, dz: dz, kernel: kernel, kernelGradient: kernelGradient, inputGradient: inputGradient)
            return
        }
        let size = layout.positions * filters
        backward(input, batch: batch, kernelGradient: kernelGradient, biasGradient: nil, buffering: 0) { example, _, _ in
            dz + example * size
        }
    }

    /// ``backward(_:batch:dz:kernel:kernelGradient:inputGradient:)`` without the input's gradient,
    /// for maps whose gradient is made one example at a time and never stored whole:
    /// `gradient(example, columns, into)` writes example `example`'s `dz [positions, filters]`
    /// for the filters `columns` (the part's whole vectors) into the thread's own buffer, from
    /// which the kernel's gradient and the bias's (`biasGradient`, ``Bias``'s chains) continue
    /// their chains while it is in cache. The bits are those of the whole `dz` (tests compare).
    func backward(_ input: UnsafePointer<Float>, batch: Int, kernelGradient: UnsafeMutablePointer<Float>,
                  biasGradient: UnsafeMutablePointer<Float>?, gradient: (Int, Range<Int>, UnsafeMutablePointer<Float>) -> Void) {
        backward(input, batch: batch, kernelGradient: kernelGradient, biasGradient: biasGradient,
                 buffering: layout.positions * filters) { example, columns, buffer in
            gradient(example, columns, buffer)
            return UnsafePointer(buffer)
        }
    }

    /// The kernel's gradient (and the bias's, when given) from each example's `dz`, which
    /// `gradient(example, columns, buffer)` returns: in place, or written into the part's
    /// `buffering` floats of buffer. Each part owns whole vectors of filters, over every example in order.
    private func backward(_ input: UnsafePointer<Float>, batch: Int, kernelGradient: UnsafeMutablePointer<Float>,
                          biasGradient: UnsafeMutablePointer<Float>?, buffering: Int,
                          gradient: (Int, Range<Int>, UnsafeMutablePointer<Float>) -> UnsafePointer<Float>) {
        let positions = layout.positions, k = layout.patchSize, filters = filters, imageSize = imageSize
        let vectors = filters / V.scalarCount
        kernelGradient.update(repeating: 0, count: k * filters)
        biasGradient?.update(repeating: 0, count: filters)
        let clock = BLAS.Clock()
        origins.withUnsafeBufferPointer { origins in
            offsets.withUnsafeBufferPointer { offsets in
                eachPart(vectors, cost: batch * positions * k * filters, outputs: buffering) { part, buffer in
                    let columns = part.lowerBound * V.scalarCount..<part.upperBound * V.scalarCount
                    for example in 0..<batch {
                        let image = self.image(input + example * layout.exampleSize, buffer: buffer)
                        let dz = gradient(example, columns, buffer + imageSize)
                        accumulate(image, origins.baseAddress!, offsets.baseAddress!, dz: dz, part: part, into: kernelGradient)
                        if let biasGradient {
                            Bias.continueGradient(of: dz, into: biasGradient, rows: positions, columns: filters, columnRange: columns)
                        }
                    }
                }
            }
        }
        clock.stop(operations: 2 * Double(batch * positions * k * filters))
    }

    /// Continues the kernel gradient's chains over one example's positions for the vectors of
    /// filters `part`, from the example's `dz` (`[positions, filters]`), a few values a pass.
    private func accumulate(_ image: UnsafePointer<Float>, _ origins: UnsafePointer<Int>, _ offsets: UnsafePointer<Int>,
                            dz: UnsafePointer<Float>, part: Range<Int>, into kernelGradient: UnsafeMutablePointer<Float>) {
        let k = layout.patchSize
        for first in stride(from: part.lowerBound, to: part.upperBound, by: 4) {
            let vectors = min(4, part.upperBound - first), column = first * V.scalarCount
            let step = Self.taps(forVectors: vectors)
            for tap in stride(from: 0, to: k, by: step) {
                let windows = Windows(origins: origins, offsets: offsets + tap, patchSize: min(step, k - tap))
                Self.accumulate(image, windows, positions: layout.positions, dz: dz + column, filters: filters,
                                vectors: vectors, into: kernelGradient + tap * filters + column)
            }
        }
    }

    /// Where the windows' values lie: position `p`'s `i`-th value at `origins[p] + offsets[i]`
    /// of the (padded) image, for `patchSize` values (the kernel's gradient takes a few at a time).
    private struct Windows {
        let origins: UnsafePointer<Int>, offsets: UnsafePointer<Int>
        let patchSize: Int
    }

    /// The example at `example` as the windows read it: itself, or copied into `buffer` with the
    /// zeros around it.
    private func image(_ example: UnsafePointer<Float>, buffer: UnsafeMutablePointer<Float>) -> UnsafePointer<Float> {
        guard padded else { return example }
        let channels = layout.channels, top = layout.rows.before, left = layout.columns.before
        buffer.update(repeating: 0, count: paddedHeight * paddedWidth * channels)
        let columns = max(0, min(layout.width, paddedWidth - left))
        for y in 0..<min(layout.height, paddedHeight - top) {
            (buffer + ((top + y) * paddedWidth + left) * channels)
                .update(from: example + y * layout.width * channels, count: columns * channels)
        }
        return UnsafePointer(buffer)
    }

    /// Runs `body(items, buffer)` on parts of `0..<count` items (examples, vectors of filters),
    /// one per thread with a buffer of its own: one padded image, then `outputs` floats (from
    /// `buffer + imageSize`); on one thread when the work, `cost` multiply-adds, is small.
    private func eachPart(_ count: Int, cost: Int, outputs: Int = 0, _ body: (Range<Int>, UnsafeMutablePointer<Float>) -> Void) {
        let small = Parallel.isSmall(cost, threshold: GEMM.splitThreshold)
        let parts = max(1, small ? 1 : min(Parallel.workers, count))
        while partBuffers.count < parts { partBuffers.append(Workspace()) }
        let buffers = (0..<parts).map { partBuffers[$0].tensor([imageSize + outputs]).pointer }
        if parts == 1 {
            body(0..<count, buffers[0])
            return
        }
        let per = (count + parts - 1) / parts
        Parallel.forEachPart(parts, threads: parts) { part in
            let first = part * per, last = min(count, first + per)
            if first < last { body(first..<last, buffers[part]) }
        }
    }

    /// The floats of a part's buffer that hold the padded image: whole cache lines, so that the
    /// outputs after them start on one.
    private var imageSize: Int { padded ? (paddedHeight * paddedWidth * layout.channels + 15) / 16 * 16 : 16 }

    /// The outputs `[positions, filters]` = each position's window in `image` times the kernel
    /// `[patchSize, filters]`, stored as `epilogue` says.
    private static func multiply(_ image: UnsafePointer<Float>, _ windows: Windows, positions: Int, kernel: UnsafePointer<Float>,
                                 filters: Int, epilogue: Epilogue) {
        var column = 0
        while column < filters {
            let vectors = min(4, (filters - column) / V.scalarCount), end = epilogue.advanced(by: column, filter: column)
            switch vectors {
            case 4: filterBlock(image, windows, positions, kernel + column, filters, end, vectors: 4)
            case 3: filterBlock(image, windows, positions, kernel + column, filters, end, vectors: 3)
            case 2: filterBlock(image, windows, positions, kernel + column, filters, end, vectors: 2)
            default: filterBlock(image, windows, positions, kernel + column, filters, end, vectors: 1)
            }
            column += vectors * V.scalarCount
        }
    }

    /// Up to four vectors of filters (from `kernel`, rows `filters` apart) for three positions
    /// at a time: twelve chains in registers, each from 0 over the window in order.
    @inline(__always)
    private static func filterBlock(_ image: UnsafePointer<Float>, _ windows: Windows, _ positions: Int, _ kernel: UnsafePointer<Float>,
                                    _ filters: Int, _ epilogue: Epilogue, vectors: Int) {
        let offsets = windows.offsets
        @inline(__always) func bias(_ lane: Int) -> V { epilogue.bias.map { V(loading: $0 + lane * 8) } ?? V() }
        let b0 = bias(0), b1 = vectors > 1 ? bias(1) : V(), b2 = vectors > 2 ? bias(2) : V(), b3 = vectors > 3 ? bias(3) : V()
        // One output vector stored at `at` (floats from the output): the bias added, then ReLU.
        @inline(__always) func emit(_ a: V, _ b: V, at: Int) {
            let value = epilogue.bias == nil ? a : a + b
            (epilogue.appliesReLU ? Activation.relu(value) : value).store(to: epilogue.output + at)
        }
        var p = 0
        while p < positions {
            let count = min(3, positions - p)
            let r0 = image + windows.origins[p]
            let r1 = count > 1 ? image + windows.origins[p + 1] : r0, r2 = count > 2 ? image + windows.origins[p + 2] : r0
            var a00 = V(), a01 = V(), a02 = V(), a03 = V(), a10 = V(), a11 = V(), a12 = V(), a13 = V()
            var a20 = V(), a21 = V(), a22 = V(), a23 = V()
            var w = kernel
            for kk in 0..<windows.patchSize {
                let w0 = V(loading: w)
                let w1 = vectors > 1 ? V(loading: w + 8) : V(), w2 = vectors > 2 ? V(loading: w + 16) : V()
                let w3 = vectors > 3 ? V(loading: w + 24) : V()
                let o = offsets[kk]
                let x0 = V(repeating: r0[o]), x1 = V(repeating: r1[o]), x2 = V(repeating: r2[o])
                GEMM.step(&a00, x0, w0); GEMM.step(&a10, x1, w0); GEMM.step(&a20, x2, w0)
                if vectors > 1 { GEMM.step(&a01, x0, w1); GEMM.step(&a11, x1, w1); GEMM.step(&a21, x2, w1) }
                if vectors > 2 { GEMM.step(&a02, x0, w2); GEMM.step(&a12, x1, w2); GEMM.step(&a22, x2, w2) }
                if vectors > 3 { GEMM.step(&a03, x0, w3); GEMM.step(&a13, x1, w3); GEMM.step(&a23, x2, w3) }
                w += filters
            }
            @inline(__always) func store(_ row: Int, _ a0: V, _ a1: V, _ a2: V, _ a3: V) {
                let o = (p + row) * filters
                emit(a0, b0, at: o)
                if vectors > 1 { emit(a1, b1, at: o + 8) }
                if vectors > 2 { emit(a2, b2, at: o + 16) }
                if vectors > 3 { emit(a3, b3, at: o + 24) }
            }
            store(0, a00, a01, a02, a03)
            if count > 1 { store(1, a10, a11, a12, a13) }
            if count > 2 { store(2, a20, a21, a22, a23) }
            p += count
        }
    }

    /// Continues the chains of the kernel's gradient `[the windows' values][vectors of filters]`
    /// (rows `filters` apart) over one example's positions in order: `+ window[p][i] · dz[p][f]`,
    /// for `vectors` vectors of filters and as many of the windows' values as fill eight
    /// accumulators (with the vectors of `dz` and the values, in sixteen registers).
    private static func accumulate(_ image: UnsafePointer<Float>, _ windows: Windows, positions: Int, dz: UnsafePointer<Float>,
                                   filters: Int, vectors: Int, into kernelGradient: UnsafeMutablePointer<Float>) {
        // Each pair a specialization of its own, so that its loop is compiled for its constants.
        switch (vectors, windows.patchSize) {
        case (4, 1): accumulate(image, windows, positions, dz, filters, kernelGradient, Four.self, One.self)
        case (4, 2): accumulate(image, windows, positions, dz, filters, kernelGradient, Four.self, Two.self)
        case (3, 1): accumulate(image, windows, positions, dz, filters, kernelGradient, Three.self, One.self)
        case (3, 2): accumulate(image, windows, positions, dz, filters, kernelGradient, Three.self, Two.self)
        case (2, 1): accumulate(image, windows, positions, dz, filters, kernelGradient, Two.self, One.self)
        case (2, 2): accumulate(image, windows, positions, dz, filters, kernelGradient, Two.self, Two.self)
        case (2, 3): accumulate(image, windows, positions, dz, filters, kernelGradient, Two.self, Three.self)
        case (2, 4): accumulate(image, windows, positions, dz, filters, kernelGradient, Two.self, Four.self)
        case (1, 1): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, One.self)
        case (1, 2): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Two.self)
        case (1, 3): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Three.self)
        case (1, 4): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Four.self)
        case (1, 5): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Five.self)
        case (1, 6): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Six.self)
        case (1, 7): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Seven.self)
        case (1, 8): accumulate(image, windows, positions, dz, filters, kernelGradient, One.self, Eight.self)
        default: preconditionFailure("a pass takes 1 to 4 vectors and at most 8 / vectors values")
        }
    }

    /// The windows' values one pass of ``accumulate(_:_:positions:dz:filters:vectors:into:)``
    /// takes with `vectors` vectors of filters.
    static func taps(forVectors vectors: Int) -> Int { 8 / vectors }

    private static func accumulate<Vectors: Count, Taps: Count>(
        _ image: UnsafePointer<Float>, _ windows: Windows, _ positions: Int, _ dz: UnsafePointer<Float>, _ filters: Int,
        _ g: UnsafeMutablePointer<Float>, _: Vectors.Type, _: Taps.Type
    ) {
        // Accumulator s is value s / vectors, vector s % vectors.
        let vectors = Vectors.value, taps = Taps.value, slots = vectors * taps
        @inline(__always) func load(_ s: Int) -> V {
            slots > s ? V(loading: g + s / vectors * filters + s % vectors * V.scalarCount) : V()
        }
        @inline(__always) func offset(_ t: Int) -> Int { taps > t ? windows.offsets[t] : 0 }
        var a0 = load(0), a1 = load(1), a2 = load(2), a3 = load(3), a4 = load(4), a5 = load(5), a6 = load(6), a7 = load(7)
        let o0 = offset(0), o1 = offset(1), o2 = offset(2), o3 = offset(3), o4 = offset(4), o5 = offset(5), o6 = offset(6)
        let o7 = offset(7)
        var d = dz
        for p in 0..<positions {
            let row = image + windows.origins[p]
            let d0 = V(loading: d), d1 = vectors > 1 ? V(loading: d + 8) : V()
            let d2 = vectors > 2 ? V(loading: d + 16) : V(), d3 = vectors > 3 ? V(loading: d + 24) : V()
            @inline(__always) func dy(_ s: Int) -> V {
                switch s % vectors { case 0: d0; case 1: d1; case 2: d2; default: d3 }
            }
            @inline(__always) func x(_ s: Int) -> V {
                switch s / vectors {
                case 0: V(repeating: row[o0]); case 1: V(repeating: row[o1]); case 2: V(repeating: row[o2])
                case 3: V(repeating: row[o3]); case 4: V(repeating: row[o4]); case 5: V(repeating: row[o5])
                case 6: V(repeating: row[o6]); default: V(repeating: row[o7])
                }
            }
            GEMM.step(&a0, x(0), dy(0))
            if slots > 1 { GEMM.step(&a1, x(1), dy(1)) }
            if slots > 2 { GEMM.step(&a2, x(2), dy(2)) }
            if slots > 3 { GEMM.step(&a3, x(3), dy(3)) }
            if slots > 4 { GEMM.step(&a4, x(4), dy(4)) }
            if slots > 5 { GEMM.step(&a5, x(5), dy(5)) }
            if slots > 6 { GEMM.step(&a6, x(6), dy(6)) }
            if slots > 7 { GEMM.step(&a7, x(7), dy(7)) }
            d += filters
        }
        @inline(__always) func store(_ s: Int, _ a: V) {
            if slots > s { a.store(to: g + s / vectors * filters + s % vectors * V.scalarCount) }
        }
        store(0, a0); store(1, a1); store(2, a2); store(3, a3); store(4, a4); store(5, a5); store(6, a6); store(7, a7)
    }
}

