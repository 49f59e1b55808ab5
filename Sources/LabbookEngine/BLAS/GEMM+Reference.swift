/// The plain implementation the fast product is pinned to: the same chain, one element at a time.
extension GEMM {
    /// `C = op(A)·op(B)` (`+ C` when `beta` is 1), every element its own chain of ``step(_:_:_:)`` over k.
    public static func reference(
        _ a: UnsafePointer<Float>, transposeA: Bool = false, _ b: UnsafePointer<Float>, transposeB: Bool = false,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = beta == 1 ? c[i * n + j] : 0
                for p in 0..<k {
                    let x = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    s = step(s, x, y)
                }
                c[i * n + j] = s
            }
        }
    }
}
