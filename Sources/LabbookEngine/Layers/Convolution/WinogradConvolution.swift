/// A 3×3 stride-1 convolution by Winograd's F(2×2, 3×3) (``WinogradLayout``, ``WinogradTile``):
/// 16 products `[tiles, channels] · [channels, filters]` in the transformed domain instead of
/// one `[positions, 9 · channels] · [9 · channels, filters]`, 2.25 times fewer multiplications
/// when the output's sides are even. Backward is the same three-product pattern as im2col's,
/// in the transformed domain: the kernel's gradient `Vᵀ · dM` and the tiles' gradient
/// `dM · Uᵀ`, each transformed back.
///
/// The transformed tiles never leave the cache: the batch is cut into blocks of examples, which
/// the engine's threads share out, and each thread takes its blocks a few examples at a time
/// (a group) through every step (transform, 16 products, transform back) in buffers of its own.
/// Each output and input gradient is computed by one thread in one order. The kernel's
/// gradient is summed per block (a chain over the block's tiles in order), then over the blocks
/// in order, so the blocks fix its bits: they depend on the batch size, never on the threads.
final class WinogradConvolution: ConvolutionMethod {
    let layout: WinogradLayout
    /// `U`, the 16 transformed kernels `[channels, filters]`, from the last forward pass.
    private var transformedKernel = Workspace()
    /// `U` and `Uᵀ` packed for the products once per batch (when they are one cache block).
    private var packedKernel = Workspace(), packedTransposedKernel = Workspace()
    /// Each block's `dU`, then their sum.
    private var kernelProducts = Workspace()
    /// Each thread's buffers: `V`, `M` (then `dM`) and `dV` for a group, and the passes' scratch.
    private var partBuffers: [Workspace] = []

    init(_ layout: WinogradLayout) { self.layout = layout }

    /// At least this many examples per block (a small batch's kernel gradient is one chain).
    static let examplesPerBlock = 8
    /// At most this many blocks per batch, and no more than the blocks' kernel gradients
    /// (`16 · channels · filters` floats each) that fit in ``Conv2D/valueBudget``.
    var maximumBlocks: Int { max(1, min(64, Conv2D.valueBudget / (16 * layout.channels * layout.filters))) }
    /// The floats of a group's `V` and `M` at most, unless one example needs more: half of a
    /// core's 512 KB second-level cache.
    static let groupBudget = 1 << 16

    /// How a batch is cut: examples per block, blocks, and examples per group.
    private func plan(_ batch: Int) -> (block: Int, blocks: Int, group: Int) {
        let block = max(Self.examplesPerBlock, (batch + maximumBlocks - 1) / maximumBlocks)
        let perExample = 16 * layout.tiles * (layout.channels + layout.filters)
        return (block, (batch + block - 1) / block, max(1, min(block, Self.groupBudget / perExample)))
    }

    /// Runs `body(blocks, buffers, workspace)` on each thread's share of `blocks` blocks, with
    /// that thread's own buffers for groups of `group` examples and its products' workspace.
    private func eachPart(blocks: Int, group: Int, cost: Int,
                          _ body: (Range<Int>, UnsafeMutablePointer<Float>, GEMMWorkspace) -> Void) {
        let parts = Parallel.isSmall(cost, threshold: GEMM.splitThreshold) ? 1 : min(Parallel.workers, blocks)
        let size = 16 * group * layout.tiles * (2 * layout.channels + layout.filters) + layout.scratchSize
        while partBuffers.count < parts { partBuffers.append(Workspace()) }
        let buffers = (0..<parts).map { partBuffers[$0].tensor([size]).pointer }
        let per = (blocks + parts - 1) / parts
        Parallel.forEachPart(parts, threads: parts) { part in
            let first = part * per, last = min(blocks, first + per)
            guard first < last else { return }
            let workspace = GEMM.pool.take()
            defer { GEMM.pool.give(workspace) }
            body(first..<last, buffers[part], workspace)
        }
    }

    func forward(_ input: UnsafePointer<Float>, batch: Int, kernel: UnsafePointer<Float>, into z: UnsafeMutablePointer<Float>) {
        let (c, f) = (layout.channels, layout.filters), (block, blocks, group) = plan(batch)
        let u = transformedKernel.tensor([16, c, f]).pointer
        layout.transformKernel(kernel, into: u)
        let packed = pack(u, transposed: false, into: &packedKernel)
        let clock = BLAS.Clock()
        eachPart(blocks: blocks, group: group, cost: batch * layout.tiles * 16 * c * f) { range, buffer, workspace in
            let (v, m, scratch) = buffers(buffer, group: group)
            for b in range {
                for start in stride(from: b * block, to: min(batch, (b + 1) * block), by: group) {
                    let count = min(group, batch - start, (b + 1) * block - start), tiles = count * layout.tiles
                    layout.transformInput(input + start * layout.exampleSize, examples: count, into: v, scratch: scratch)
                    for xi in 0..<16 {
                        multiply(v + xi * tiles * c, u + xi * c * f, transposeB: false, packed: packed.map { $0 + xi * GEMM.packedSize(k: c, n: f) },
                                 m + xi * tiles * f, m: tiles, n: f, k: c, workspace: workspace)
                    }
                    layout.transformOutput(m, examples: count, into: z + start * layout.outputSize, scratch: scratch)
                }
            }
        }
        clock.stop(operations: 2 * 16 * Double(batch * layout.tiles * c * f))
    }

    func backward(_ input: UnsafePointer<Float>, batch: Int, dz: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                  kernelGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?) {
        let (c, f) = (layout.channels, layout.filters), (block, blocks, group) = plan(batch)
        let u = transformedKernel.tensor([16, c, f]).pointer
        let kernelSize = 16 * c * f, du = kernelProducts.tensor([blocks, kernelSize]).pointer
        let packed = inputGradient == nil ? nil : pack(u, transposed: true, into: &packedTransposedKernel)
        let clock = BLAS.Clock()
        eachPart(blocks: blocks, group: group, cost: batch * layout.tiles * 16 * c * f * 3) { range, buffer, workspace in
            let (v, dm, scratch) = buffers(buffer, group: group)
            let dv = dm + 16 * group * layout.tiles * f
            for b in range {
                let blockDU = du + b * kernelSize
                for start in stride(from: b * block, to: min(batch, (b + 1) * block), by: group) {
                    let count = min(group, batch - start, (b + 1) * block - start), tiles = count * layout.tiles
                    layout.transformInput(input + start * layout.exampleSize, examples: count, into: v, scratch: scratch)
                    layout.transformOutputGradient(dz + start * layout.outputSize, examples: count, into: dm, scratch: scratch)
                    for xi in 0..<16 {
                        // dU [channels, filters] += Vᵀ · dM, one chain over the block's tiles.
                        GEMM.product(v + xi * tiles * c, transposeA: true, dm + xi * tiles * f, transposeB: false,
                                     blockDU + xi * c * f, m: c, n: f, k: tiles, accumulate: start > b * block, workspace: workspace)
                    }
                    guard let inputGradient else { continue }
                    for xi in 0..<16 {
                        // dV [tiles, channels] = dM · Uᵀ.
                        multiply(dm + xi * tiles * f, u + xi * c * f, transposeB: true, packed: packed.map { $0 + xi * GEMM.packedSize(k: f, n: c) },
                                 dv + xi * tiles * c, m: tiles, n: c, k: f, workspace: workspace)
                    }
                    layout.inputGradient(dv, examples: count, into: inputGradient + start * layout.exampleSize, scratch: scratch)
                }
            }
        }
        // The blocks' dU summed in block order, each element on one thread.
        if blocks > 1 {
            Parallel.forEachChunk(kernelSize) { range in
                for b in 1..<blocks {
                    let source = du + b * kernelSize
                    for i in range { du[i] += source[i] }
                }
            }
        }
        clock.stop(operations: 2 * 16 * Double(batch * layout.tiles * c * f) * (inputGradient == nil ? 1 : 2))
        layout.kernelGradient(du, into: kernelGradient)
    }

    /// The 16 matrices `U` (op(B) `[channels, filters]`), or their transposes, packed once for
    /// every group's products; nil when they are too large to pack once.
    private func pack(_ u: UnsafePointer<Float>, transposed: Bool, into workspace: inout Workspace) -> UnsafePointer<Float>? {
        let (k, n) = transposed ? (layout.filters, layout.channels) : (layout.channels, layout.filters)
        guard GEMM.packsOnce(k: k, n: n) else { return nil }
        let size = GEMM.packedSize(k: k, n: n), packed = workspace.tensor([16, size]).pointer
        for xi in 0..<16 { GEMM.pack(u + xi * k * n, transposeB: transposed, k: k, n: n, into: packed + xi * size) }
        return UnsafePointer(packed)
    }

    /// `C = A · op(B)` on the calling thread, with op(B) packed already when `packed` is given.
    @inline(__always)
    private func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, transposeB: Bool, packed: UnsafePointer<Float>?,
                          _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, workspace: GEMMWorkspace) {
        if let packed {
            GEMM.product(a, transposeA: false, packedB: packed, c, m: m, n: n, k: k, accumulate: false, workspace: workspace)
        } else {
            GEMM.product(a, transposeA: false, b, transposeB: transposeB, c, m: m, n: n, k: k, accumulate: false, workspace: workspace)
        }
    }

    /// A part's buffer cut into `V` (then again `V`), `M` (then `dM`, followed by `dV`) and the
    /// passes' scratch.
    private func buffers(_ buffer: UnsafeMutablePointer<Float>, group: Int)
        -> (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) {
        let v = buffer, m = v + 16 * group * layout.tiles * layout.channels
        let scratch = m + 16 * group * layout.tiles * (layout.filters + layout.channels)
        return (v, m, scratch)
    }
}
