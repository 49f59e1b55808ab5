import Foundation

/// The engine's own matrix product, single precision, row-major: `C = op(A)·op(B) + beta·C`,
/// beta 0 or 1. It exists so that every product has one summation order, fixed here and not by
/// a library's choice of kernel for the processor, by the thread count, or by how a product is
/// split or chunked (OpenBLAS's kernels change their bits with all three; see docs/engine.md).
///
/// The order, per output element: one fused multiply-add chain over k ascending, starting from
/// 0 (beta 0) or from C (beta 1):
///
///     c ← fma(op(A)[i,0], op(B)[0,j], c₀); c ← fma(op(A)[i,1], op(B)[1,j], c); …
///
/// K is blocked (`kc`) for the caches, but each block continues the chain (the micro-kernel
/// loads the running sums from C), so the result is bit for bit ``reference(_:transposeA:_:transposeB:_:m:n:k:beta:)``
/// whatever the blocking, the micro-tile an element falls in, the split over threads, the
/// rows of the call (a batch, a chunk) or the number of `beta: 1` calls it is summed over.
/// IEEE fma is exactly rounded, so the bits are the same on every processor that runs it. (A
/// build for the x86-64 baseline, which has no fma, multiplies then adds: same order, its own
/// bits, its own reproducibility class.)
///
/// Design: BLIS's loop nest (Van Zee & van de Geijn, 2015): packed panels of A (`mr`-tall) and
/// B (`nr`-wide), a 6×16 register-blocked micro-kernel of 12 SIMD8 accumulators (12 FMAs and
/// 6 broadcasts per k step under AVX2).
public enum GEMM {
    typealias V = SIMD8<Float>
    /// The micro-tile: rows of A and columns of B per kernel call.
    static let mr = 6, nr = 16

    /// Cache blocking: speed only, never the result (the tests pass odd values to check).
    struct Blocking {
        var kc = 256
        /// A multiple of `mr`.
        var mc = 72
        /// A multiple of `nr`.
        var nc = 1024
    }

    /// The most parts a product is split into.
    static let maximumParts = 16

    /// Packing workspaces, grown on demand and kept (nothing is allocated per batch); each
    /// product takes one per part, so products on several threads at once never share one.
    static let pool = GEMMWorkspacePool()

    /// Products with fewer multiply-adds than this run on one thread: below it, handing half to
    /// a worker (about a microsecond, ``WorkerPool``) and packing the shared operand twice cost
    /// more than the split saves. With workers woken through `DispatchQueue.concurrentPerform`
    /// it had to be 2²⁴; with the pool, B1's 6.4 M-multiply-add products and B3's 4.2 M train
    /// faster split in two. Speed only: a split changes no bit (tests split every product with
    /// ``Parallel/splittingEverything(_:)`` to check it).
    static let splitThreshold = 1 << 20

    /// `C[m×n] = op(A)·op(B)` (`+ C` when `accumulate`); `A` is `[m, k]` (`[k, m]` when
    /// `transposeA`), `B` is `[k, n]` (`[n, k]` when `transposeB`). The work is split into at
    /// most `threads` column (or row) ranges of whole micro-tiles; the result is the same for
    /// every thread count.
    static func product(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulate: Bool, threads: Int,
        blocking: Blocking = Blocking()
    ) {
        // Narrow C (n < nr ≤ m, a 10-class output layer): Cᵀ = op(B)ᵀ·op(A)ᵀ fills whole tiles.
        // fma(x, y, c) == fma(y, x, c) exactly, so every element gets the same chain and bits.
        if n < nr && m >= nr {
            let scratch = pool.take()
            defer { pool.give(scratch) }
            let t = scratch.transposed(m * n)
            if accumulate { for i in 0..<m { for j in 0..<n { t[j * m + i] = c[i * n + j] } } }
            product(b, transposeA: !transposeB, a, transposeB: !transposeA, t, m: n, n: m, k: k,
                    accumulate: accumulate, threads: threads, blocking: blocking)
            for i in 0..<m { for j in 0..<n { c[i * n + j] = t[j * m + i] } }
            return
        }
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let parts = max(1, min(threads, maximumParts, Parallel.isSmall(m * n * k, threshold: splitThreshold) ? 1 : max(m / mr, n / nr)))
        let ldc = n
        // Each part borrows a workspace for its own block loops.
        func run(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, m: Int, n: Int) {
            let ws = pool.take()
            defer { pool.give(ws) }
            block(a, transposeA, lda, b, transposeB, ldb, c, ldc, m: m, n: n, k: k, accumulate: accumulate,
                  blocking: blocking, ws: ws)
        }
        if parts == 1 {
            run(a, b, c, m: m, n: n)
        } else if n >= m {
            // Column ranges of C, whole slivers of nr columns: every part packs all of op(A), so
            // the split goes along the longer side of C (the other operand is the one copied).
            let slivers = (n + nr - 1) / nr, per = (slivers + parts - 1) / parts
            Parallel.forEachPart(parts, threads: parts) { part in
                let j0 = min(n, part * per * nr), j1 = min(n, j0 + per * nr)
                guard j0 < j1 else { return }
                run(a, b + (transposeB ? j0 * ldb : j0), c + j0, m: m, n: j1 - j0)
            }
        } else {
            // Row ranges of C, whole slivers of mr rows.
            let slivers = (m + mr - 1) / mr, per = (slivers + parts - 1) / parts
            Parallel.forEachPart(parts, threads: parts) { part in
                let i0 = min(m, part * per * mr), i1 = min(m, i0 + per * mr)
                guard i0 < i1 else { return }
                run(a + (transposeA ? i0 : i0 * lda), b, c + i0 * n, m: i1 - i0, n: n)
            }
        }
    }
}

extension GEMM {
    /// ``product(_:transposeA:_:transposeB:_:m:n:k:accumulate:threads:blocking:)`` on the calling
    /// thread, packing into `workspace`: for a caller that runs many products on one thread and
    /// takes a workspace from ``pool`` once for all of them (each take and give is a lock that
    /// the threads' parts contend for).
    static func product(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulate: Bool, workspace: GEMMWorkspace
    ) {
        // A narrow C takes the transposed product's own path.
        guard n >= nr || m < nr else {
            product(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k, accumulate: accumulate, threads: 1)
            return
        }
        block(a, transposeA, transposeA ? m : k, b, transposeB, transposeB ? k : n, c, n, m: m, n: n, k: k,
              accumulate: accumulate, blocking: Blocking(), ws: workspace)
    }
}

/// Workspaces lent to the parts of products: each part takes one and gives it back, so that no
/// two parts (of one product or of products on several threads) share one, and nothing is
/// allocated once as many exist as run at once.
final class GEMMWorkspacePool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [GEMMWorkspace] = []

    func take() -> GEMMWorkspace {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? GEMMWorkspace()
    }

    func give(_ workspace: GEMMWorkspace) {
        lock.lock()
        free.append(workspace)
        lock.unlock()
    }
}

/// The packed panels of one part of a product, and its scratch tiles; grown, never shrunk.
final class GEMMWorkspace {
    private(set) var a = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private(set) var b = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// A full micro-tile for the partial tiles at C's edges.
    let edge = UnsafeMutablePointer<Float>.allocate(capacity: GEMM.mr * GEMM.nr)
    private var aCount = 0, bCount = 0, tCount = 0
    private var t = UnsafeMutablePointer<Float>.allocate(capacity: 1)

    deinit {
        a.deallocate()
        b.deallocate()
        edge.deallocate()
        t.deallocate()
    }

    /// Makes room for `na` floats of packed A and `nb` of packed B (64-byte aligned).
    func reserve(a na: Int, b nb: Int) {
        if na > aCount {
            a.deallocate()
            a = Self.aligned(na)
            aCount = na
        }
        if nb > bCount {
            b.deallocate()
            b = Self.aligned(nb)
            bCount = nb
        }
    }

    /// Room for a transposed `C` of `count` floats.
    func transposed(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count > tCount {
            t.deallocate()
            t = Self.aligned(count)
            tCount = count
        }
        return t
    }

    private static func aligned(_ count: Int) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
    }
}
