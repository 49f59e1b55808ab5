import CBLAS
import Foundation

/// The one file that talks to OpenBLAS: matrix products on Float32 row-major buffers, the
/// library's build description and its thread count, and the time spent inside it.
public enum BLAS {
    /// Whether `secondsInside` is being accumulated (on while `labbook bench` measures).
    nonisolated(unsafe) public static var measuresTime = false
    /// Seconds spent inside BLAS calls since the last `resetClock()`, when `measuresTime` is on.
    nonisolated(unsafe) public private(set) static var secondsInside: Double = 0

    /// Floating-point operations done by `gemm` since the last `resetClock()` (2·m·n·k per
    /// call), when `measuresTime` is on.
    nonisolated(unsafe) public private(set) static var operations: Double = 0

    /// Zeroes `secondsInside` and `operations`.
    public static func resetClock() {
        secondsInside = 0
        operations = 0
    }

    @inline(__always)
    private static func sgemm(
        _ a: UnsafePointer<Float>, _ transposeA: Bool, _ lda: Int,
        _ b: UnsafePointer<Float>, _ transposeB: Bool, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, m: Int, n: Int, k: Int, alpha: Float, beta: Float
    ) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The core OpenBLAS picked for this processor, e.g. `SkylakeX`.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name).trimmingCharacters(in: .whitespaces)
    }

    /// The library and version, e.g. `OpenBLAS 0.3.21 SkylakeX`.
    public static var build: String {
        var version = "OpenBLAS"
        if let config = openblas_get_config() {
            let words = String(cString: config).split(separator: " ")
            if words.count > 1, words[0] == "OpenBLAS" { version += " \(words[1])" }
        }
        return "\(version) \(coreName)"
    }

    /// The number of threads matrix products are split over. OpenBLAS itself always runs
    /// single-threaded: its own threads spin (`sched_yield`) between calls and steal the
    /// cores from the element-wise work around them, and they split the small products of a
    /// training batch poorly. labbook splits each product into column (or row) blocks, one
    /// per thread, which also keeps the result independent of scheduling.
    nonisolated(unsafe) public static var threads = EngineSettings.automaticThreads {
        didSet { threads = max(1, threads) }
    }

    /// Puts OpenBLAS in single-threaded mode (once, before the first product).
    private static let singleThreaded: Void = openblas_set_num_threads(1)

    /// Products smaller than this many multiply-adds run on one thread.
    static let splitThreshold = 1 << 18

    /// `C = alpha · op(A) · op(B) + beta · C`, all row-major; `op` transposes when asked, so no
    /// transposed copy is ever made. `A` is `[m, k]` (or `[k, m]` when `transposeA`), `B` is
    /// `[k, n]` (or `[n, k]` when `transposeB`), `C` is `[m, n]`.
    @inline(__always)
    public static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool = false,
        _ b: UnsafePointer<Float>, transposeB: Bool = false,
        _ c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
    ) {
        _ = singleThreaded
        let start = measuresTime ? DispatchTime.now().uptimeNanoseconds : 0
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let parts = m * n * k < splitThreshold ? 1 : min(threads, max(m, n) / 16)
        if parts <= 1 {
            sgemm(a, transposeA, lda, b, transposeB, ldb, c, n, m: m, n: n, k: k, alpha: alpha, beta: beta)
        } else if n >= m {
            // Column blocks of C: C[:, j0..<j1] = op(A) · op(B)[:, j0..<j1].
            let block = (n / parts + 15) / 16 * 16
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let j0 = part * block, j1 = min(n, j0 + block)
                guard j0 < j1 else { return }
                sgemm(a, transposeA, lda, b + (transposeB ? j0 * ldb : j0), transposeB, ldb, c + j0, n,
                      m: m, n: j1 - j0, k: k, alpha: alpha, beta: beta)
            }
        } else {
            // Row blocks of C: C[i0..<i1, :] = op(A)[i0..<i1, :] · op(B).
            let block = (m + parts - 1) / parts
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let i0 = part * block, i1 = min(m, i0 + block)
                guard i0 < i1 else { return }
                sgemm(a + (transposeA ? i0 : i0 * lda), transposeA, lda, b, transposeB, ldb, c + i0 * n, n,
                      m: i1 - i0, n: n, k: k, alpha: alpha, beta: beta)
            }
        }
        if measuresTime {
            secondsInside += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            operations += 2 * Double(m) * Double(n) * Double(k)
        }
    }
}
