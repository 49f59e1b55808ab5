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

    /// The number of threads BLAS uses.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

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
        let start = measuresTime ? DispatchTime.now().uptimeNanoseconds : 0
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha,
            a, Int32(transposeA ? m : k),
            b, Int32(transposeB ? k : n),
            beta, c, Int32(n)
        )
        if measuresTime {
            secondsInside += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            operations += 2 * Double(m) * Double(n) * Double(k)
        }
    }
}
