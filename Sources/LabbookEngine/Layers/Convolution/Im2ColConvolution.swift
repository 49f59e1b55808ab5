/// The general convolution: im2col + one product. The batch's patches are gathered as rows of a
/// `[positions, kh·kw·channels]` matrix (``PatchLayout``) and multiplied by the kernel read as a
/// `[kh·kw·channels, filters]` matrix, which gives the channels-last output directly. Backward
/// is two more products: the kernel's gradient `patchesᵀ · dz` and the patches' gradient
/// `dz · kernelᵀ`, scattered back onto the input. Large batches (a whole test set at once) are
/// taken a chunk of examples at a time so that the patch matrix stays bounded.
final class Im2ColConvolution: ConvolutionMethod {
    let layout: PatchLayout
    let filters: Int
    /// Whether `patches` holds the whole last batch (then backward does not gather again).
    private var patchesHoldBatch = false
    private var patches = Workspace(), patchGradient = Workspace()

    init(_ layout: PatchLayout, filters: Int) {
        self.layout = layout
        self.filters = filters
    }

    func forward(_ input: UnsafePointer<Float>, batch: Int, kernel: UnsafePointer<Float>, into z: UnsafeMutablePointer<Float>) {
        let chunk = chunk(layout.positions * layout.patchSize)
        let gathered = patches.tensor([min(batch, chunk) * layout.positions, layout.patchSize])
        for start in stride(from: 0, to: batch, by: chunk) {
            let count = min(chunk, batch - start)
            layout.gather(input + start * layout.exampleSize, examples: count, into: gathered.pointer)
            BLAS.gemm(gathered.pointer, kernel, z + start * layout.positions * filters,
                      m: count * layout.positions, n: filters, k: layout.patchSize)
        }
        patchesHoldBatch = batch <= chunk
    }

    func backward(_ input: UnsafePointer<Float>, batch: Int, dz: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                  kernelGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?) {
        let chunk = chunk(layout.positions * layout.patchSize)
        let gathered = patches.tensor([min(batch, chunk) * layout.positions, layout.patchSize])
        let dPatches = inputGradient == nil ? nil : patchGradient.tensor([min(batch, chunk) * layout.positions, layout.patchSize])
        for start in stride(from: 0, to: batch, by: chunk) {
            let count = min(chunk, batch - start), rows = count * layout.positions
            let dzChunk = dz + start * layout.positions * filters
            if !patchesHoldBatch {
                layout.gather(input + start * layout.exampleSize, examples: count, into: gathered.pointer)
            }
            // dKernel [kh·kw·channels, filters] += patchesᵀ · dz.
            BLAS.gemm(gathered.pointer, transposeA: true, dzChunk, kernelGradient,
                      m: layout.patchSize, n: filters, k: rows, beta: start == 0 ? 0 : 1)
            guard let inputGradient, let dPatches else { continue }
            // dPatches [rows, kh·kw·channels] = dz · kernelᵀ, added back onto the input.
            BLAS.gemm(dzChunk, kernel, transposeB: true, dPatches.pointer, m: rows, n: layout.patchSize, k: filters)
            layout.scatter(dPatches.pointer, examples: count, into: inputGradient + start * layout.exampleSize)
        }
    }
}
