import CBLAS
import Foundation

/// OpenBLAS's `sgemm`, measured beside the engine's own product by `labbook bench` for
/// comparison: the one place labbook calls OpenBLAS (its kernels change their bits with the
/// processor, the thread count and the split of a product, so the engine computes nothing with
/// it; see docs/engine.md).
enum OpenBLASReference {
    /// The library, its version and the kernel it picked, e.g. `OpenBLAS 0.3.21 Cooperlake`.
    static var build: String {
        var version = "OpenBLAS"
        if let config = openblas_get_config() {
            let words = String(cString: config).split(separator: " ")
            if words.count > 1, words[0] == "OpenBLAS" { version += " \(words[1])" }
        }
        let core = openblas_get_corename().map { String(cString: $0).trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return "\(version) \(core)"
    }

    /// `C[n×n] = A·B` with OpenBLAS on `threads` threads.
    static func sgemm(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, n: Int,
                      threads: Int) {
        openblas_set_num_threads(Int32(threads))
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n), b, Int32(n),
                    0, c, Int32(n))
    }
}
