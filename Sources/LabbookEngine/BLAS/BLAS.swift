import Foundation

/// The engine's matrix products (``GEMM``, its own fixed-order kernel) as the layers call them,
/// with the thread count they are split over and the time spent inside them.
public enum BLAS {
    /// Whether `secondsInside` is being accumulated (on while `labbook bench` measures).
    nonisolated(unsafe) public static var measuresTime = false
    /// Seconds spent inside products since the last `resetClock()`, when `measuresTime` is on.
    nonisolated(unsafe) public private(set) static var secondsInside: Double = 0

    /// Floating-point operations done by `gemm` since the last `resetClock()` (2·m·n·k per
    /// call), when `measuresTime` is on.
    nonisolated(unsafe) public private(set) static var operations: Double = 0

    /// Zeroes `secondsInside` and `operations`.
    public static func resetClock() {
        secondsInside = 0
        operations = 0
    }

    /// What computes the products, for reports and `labbook --version`.
    #if LABBOOK_FMA
    public static let build = "labbook GEMM 1 (fixed-order FMA)"
    #else
    public static let build = "labbook GEMM 1 (fixed-order multiply-add)"
    #endif

    /// The number of threads products are split over (whole micro-tiles each): speed only,
    /// never a bit of the result.
    nonisolated(unsafe) public static var threads = EngineSettings.automaticThreads {
        didSet { threads = max(1, threads) }
    }

    /// `C = op(A) · op(B) + beta · C`, all row-major, `beta` 0 or 1; `op` transposes when asked,
    /// so no transposed copy is ever made. `A` is `[m, k]` (or `[k, m]` when `transposeA`), `B`
    /// is `[k, n]` (or `[n, k]` when `transposeB`), `C` is `[m, n]`. With `beta: 1` the sums
    /// continue C's chains: a product summed over chunks equals the product in one call, bit
    /// for bit.
    @inline(__always)
    public static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool = false,
        _ b: UnsafePointer<Float>, transposeB: Bool = false,
        _ c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        precondition(beta == 0 || beta == 1, "the engine's products take beta 0 or 1")
        let start = measuresTime ? DispatchTime.now().uptimeNanoseconds : 0
        GEMM.product(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k, accumulate: beta == 1,
                     threads: threads)
        if measuresTime {
            secondsInside += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            operations += 2 * Double(m) * Double(n) * Double(k)
        }
    }

    /// Times work that ran products some other way than `gemm` (on several threads at once, say),
    /// for `secondsInside` and `operations`: started on the calling thread, stopped there.
    struct Clock {
        private let start = measuresTime ? DispatchTime.now().uptimeNanoseconds : 0

        /// Adds the time since the clock started and `operations` (2 per multiply-add).
        func stop(operations done: Double) {
            guard measuresTime else { return }
            secondsInside += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            operations += done
        }
    }
}
