/// Products that share their right operand: op(B) packed once into the micro-kernel's slivers
/// and used by many products (a Winograd convolution's transformed kernel, used by every group of
/// examples). The kernel reads the same values in the same order, so the bits are those of
/// ``GEMM/product(_:transposeA:_:transposeB:_:m:n:k:accumulate:threads:blocking:)``.
extension GEMM {
    /// Whether op(B) `[k, n]` can be packed once: it must be one cache block of the products.
    static func packsOnce(k: Int, n: Int) -> Bool {
        let blocking = Blocking()
        return k <= blocking.kc && n <= blocking.nc
    }

    /// The floats op(B) `[k, n]` takes packed: `k` times `n` rounded up to whole slivers.
    static func packedSize(k: Int, n: Int) -> Int { k * ((n + nr - 1) / nr * nr) }

    /// Packs op(B) (`B` is `[k, n]`, or `[n, k]` when `transposeB`) into `packed`
    /// (``packedSize(k:n:)`` floats), for a `k` and `n` that ``packsOnce(k:n:)``.
    static func pack(_ b: UnsafePointer<Float>, transposeB: Bool, k: Int, n: Int, into packed: UnsafeMutablePointer<Float>) {
        precondition(packsOnce(k: k, n: n), "op(B) packs once only as one cache block")
        packB(b, transposeB, transposeB ? k : n, row: 0, column: 0, k: k, n: n, into: packed)
    }

    /// `C[m×n] = op(A)·op(B)` (`+ C` when `accumulate`) on the calling thread, op(B) given packed
    /// by ``pack(_:transposeB:k:n:into:)``, packing A into `workspace` (from ``pool``, or one the
    /// caller took for many products).
    static func product(_ a: UnsafePointer<Float>, transposeA: Bool, packedB: UnsafePointer<Float>,
                        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulate: Bool,
                        workspace: GEMMWorkspace? = nil) {
        let ws = workspace ?? pool.take()
        defer { if workspace == nil { pool.give(ws) } }
        block(a, transposeA, transposeA ? m : k, packedB, false, n, c, n, m: m, n: n, k: k, accumulate: accumulate,
              blocking: Blocking(), ws: ws, packedB: packedB)
    }
}
