/// What built the numbers: the engine's version and the BLAS underneath.
public enum EngineInfo {
    /// The engine's version; results that change with it are invalidated by it (cache, diff).
    public static let version = "0.3.0"

    /// The reproducibility class of this build on this machine: two runs of one class give the
    /// same bits, whatever the thread count or the processor (the products have one fixed FMA
    /// order, the element-wise code is the engine's own, and the build targets x86-64-v3:
    /// AVX2 and FMA, every x86-64 processor since 2013).
    public static var reproducibility: String {
        #if arch(x86_64)
        "x86-64-v3, fixed order"
        #elseif arch(arm64)
        "arm64, fixed order"
        #else
        "other, fixed order"
        #endif
    }

    /// One line for `labbook --version` and report footers.
    public static var description: String {
        "labbook engine \(version), \(BLAS.build), \(BLAS.threads) thread\(BLAS.threads == 1 ? "" : "s"), "
            + "reproducibility class \(reproducibility)"
    }
}
