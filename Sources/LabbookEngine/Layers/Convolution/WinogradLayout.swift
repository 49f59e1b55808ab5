/// A batch of channels-last images cut into the tiles of Winograd's F(2×2, 3×3): each tile is
/// 2×2 output positions, read from a 4×4 window of the input (zeros where it hangs over the
/// padding or, for an odd output size, past the edge).
///
/// The transformed values are kept as 16 matrices, one per transformed position ξ: row `t` of
/// matrix ξ holds tile `t`'s values (tile `t = n · tiles + ty · tileColumns + tx` of example
/// `n`), so that the convolution is 16 products `[tiles, channels] · [channels, filters]`. The
/// passes run on the calling thread (``WinogradConvolution`` shares the examples out), each
/// with a `scratch` buffer of ``scratchSize`` floats of its own.
struct WinogradLayout {
    let height: Int, width: Int, channels: Int, filters: Int
    /// The output positions along each axis, with the padding before the first.
    let rows: Window.Axis, columns: Window.Axis

    /// Tiles down and across an example.
    var tileRows: Int { (rows.count + 1) / 2 }
    var tileColumns: Int { (columns.count + 1) / 2 }
    /// Tiles per example.
    var tiles: Int { tileRows * tileColumns }
    /// Values per input example.
    var exampleSize: Int { height * width * channels }
    /// Values per output example.
    var outputSize: Int { rows.count * columns.count * filters }
    /// The floats of the scratch buffer a pass needs.
    var scratchSize: Int { 16 * max(channels, filters) }

    /// Whether F(2×2, 3×3) computes this convolution: a 3×3 window at stride 1, over at least
    /// `minimumChannels` channels (with fewer, the 16 products are too thin to pay for the
    /// transforms, and im2col is faster).
    static func applies(to window: Window, channels: Int) -> Bool {
        window.height == 3 && window.width == 3 && window.strideY == 1 && window.strideX == 1 && channels >= minimumChannels
    }

    /// The fewest input channels taken by Winograd's method.
    static let minimumChannels = 8

    /// The 16 transformed kernels `G g Gᵀ` as matrices `[channels, filters]`, from a
    /// `[3, 3, channels, filters]` kernel.
    func transformKernel(_ kernel: UnsafePointer<Float>, into u: UnsafeMutablePointer<Float>) {
        let slab = channels * filters
        for c in 0..<channels {
            WinogradTile.kernel(kernel + c * filters, rowStride: 3 * slab, columnStride: slab, count: filters,
                                into: u + c * filters, slab: slab)
        }
    }

    /// The kernel's gradient `[3, 3, channels, filters]` from the transformed kernels' `du`.
    func kernelGradient(_ du: UnsafePointer<Float>, into kernelGradient: UnsafeMutablePointer<Float>) {
        let slab = channels * filters
        for c in 0..<channels {
            WinogradTile.kernelGradient(du + c * filters, slab: slab, count: filters, into: kernelGradient + c * filters,
                                        rowStride: 3 * slab, columnStride: slab)
        }
    }

    /// The 16 matrices `[examples · tiles, channels]` of transformed input tiles `Bᵀ d B`.
    func transformInput(_ input: UnsafePointer<Float>, examples: Int, into v: UnsafeMutablePointer<Float>,
                        scratch: UnsafeMutablePointer<Float>) {
        let slab = examples * tiles * channels
        for n in 0..<examples {
            let image = input + n * exampleSize
            forEachTile(of: n) { t, top, left in
                let target = v + t * channels
                if top >= 0 && left >= 0 && top + 4 <= height && left + 4 <= width {
                    WinogradTile.input(image + (top * width + left) * channels, rowStride: width * channels,
                                       columnStride: channels, count: channels, into: target, slab: slab)
                } else {
                    scratch.update(repeating: 0, count: 16 * channels)
                    for y in stride(from: max(top, 0), to: min(top + 4, height), by: 1) {
                        let first = max(left, 0), last = min(left + 4, width)
                        guard first < last else { continue }
                        (scratch + ((y - top) * 4 + first - left) * channels)
                            .update(from: image + (y * width + first) * channels, count: (last - first) * channels)
                    }
                    WinogradTile.input(scratch, rowStride: 4 * channels, columnStride: channels, count: channels,
                                       into: target, slab: slab)
                }
            }
        }
    }

    /// The outputs `[examples, rows, columns, filters]` from the 16 product matrices
    /// `[examples · tiles, filters]`.
    func transformOutput(_ m: UnsafePointer<Float>, examples: Int, into output: UnsafeMutablePointer<Float>,
                        scratch: UnsafeMutablePointer<Float>) {
        let slab = examples * tiles * filters, rowStride = columns.count * filters
        for n in 0..<examples {
            let image = output + n * outputSize
            forEachOutputBlock(of: n) { t, oy, ox, whole in
                let source = m + t * filters, target = image + oy * rowStride + ox * filters
                if whole {
                    WinogradTile.output(source, slab: slab, count: filters, into: target, rowStride: rowStride, columnStride: filters)
                } else {
                    WinogradTile.output(source, slab: slab, count: filters, into: scratch, rowStride: 2 * filters, columnStride: filters)
                    for i in 0..<min(2, rows.count - oy) {
                        (target + i * rowStride).update(from: scratch + 2 * i * filters, count: min(2, columns.count - ox) * filters)
                    }
                }
            }
        }
    }

    /// The 16 matrices `[examples · tiles, filters]` of `A dy Aᵀ`, from the outputs' gradient.
    func transformOutputGradient(_ gradient: UnsafePointer<Float>, examples: Int, into dm: UnsafeMutablePointer<Float>,
                        scratch: UnsafeMutablePointer<Float>) {
        let slab = examples * tiles * filters, rowStride = columns.count * filters
        for n in 0..<examples {
            let image = gradient + n * outputSize
            forEachOutputBlock(of: n) { t, oy, ox, whole in
                let source = image + oy * rowStride + ox * filters, target = dm + t * filters
                if whole {
                    WinogradTile.outputGradient(source, rowStride: rowStride, columnStride: filters, count: filters,
                                                into: target, slab: slab)
                } else {
                    scratch.update(repeating: 0, count: 4 * filters)
                    for i in 0..<min(2, rows.count - oy) {
                        (scratch + 2 * i * filters).update(from: source + i * rowStride, count: min(2, columns.count - ox) * filters)
                    }
                    WinogradTile.outputGradient(scratch, rowStride: 2 * filters, columnStride: filters, count: filters,
                                                into: target, slab: slab)
                }
            }
        }
    }

    /// The input's gradient `[examples, height, width, channels]` (overwritten) from the 16
    /// matrices `[examples · tiles, channels]` of the transformed tiles' gradients: each tile's
    /// `B dv Bᵀ` added onto its window, tile after tile.
    func inputGradient(_ dv: UnsafePointer<Float>, examples: Int, into gradient: UnsafeMutablePointer<Float>,
                        scratch: UnsafeMutablePointer<Float>) {
        let slab = examples * tiles * channels
        for n in 0..<examples {
            let image = gradient + n * exampleSize
            image.update(repeating: 0, count: exampleSize)
            forEachTile(of: n) { t, top, left in
                let source = dv + t * channels
                if top >= 0 && left >= 0 && top + 4 <= height && left + 4 <= width {
                    WinogradTile.inputGradient(source, slab: slab, count: channels, adding: image + (top * width + left) * channels,
                                               rowStride: width * channels, columnStride: channels)
                } else {
                    scratch.update(repeating: 0, count: 16 * channels)
                    WinogradTile.inputGradient(source, slab: slab, count: channels, adding: scratch,
                                               rowStride: 4 * channels, columnStride: channels)
                    for y in stride(from: max(top, 0), to: min(top + 4, height), by: 1) {
                        for x in stride(from: max(left, 0), to: min(left + 4, width), by: 1) {
                            let from = scratch + ((y - top) * 4 + x - left) * channels, to = image + (y * width + x) * channels
                            for c in 0..<channels { to[c] += from[c] }
                        }
                    }
                }
            }
        }
    }

    // MARK: Walking the tiles

    /// Calls `body(t, top, left)` for example `n`'s tiles in order: the tile's row in the 16
    /// matrices and its 4×4 window's top-left corner in the input (negative in the padding).
    @inline(__always)
    private func forEachTile(of n: Int, _ body: (Int, Int, Int) -> Void) {
        var t = n * tiles
        for ty in 0..<tileRows {
            for tx in 0..<tileColumns {
                body(t, 2 * ty - rows.before, 2 * tx - columns.before)
                t += 1
            }
        }
    }

    /// Calls `body(t, oy, ox, whole)` for example `n`'s tiles in order: the tile's row in the 16
    /// matrices, its first output position, and whether all four of its outputs exist.
    @inline(__always)
    private func forEachOutputBlock(of n: Int, _ body: (Int, Int, Int, Bool) -> Void) {
        var t = n * tiles
        for ty in 0..<tileRows {
            for tx in 0..<tileColumns {
                body(t, 2 * ty, 2 * tx, 2 * ty + 1 < rows.count && 2 * tx + 1 < columns.count)
                t += 1
            }
        }
    }
}
