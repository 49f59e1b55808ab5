/// What built the numbers: the engine's version and the BLAS underneath.
public enum EngineInfo {
    /// The engine's version; results that change with it are invalidated by it (cache, diff).
    public static let version = "0.4.0"

    /// The reproducibility class of this build: two runs of one class give the same bits,
    /// whatever the thread count or the processor (the products have one fixed order, the
    /// element-wise and scalar math is the engine's own). A build for x86-64-v3 (AVX2 and FMA,
    /// every x86-64 processor since 2013) chains fused multiply-adds; a build for the x86-64
    /// baseline (made on a machine without them) multiplies then adds, and is a class of its own.
    public static var reproducibility: String {
        #if arch(x86_64) && LABBOOK_X86_64_V3
        "x86-64-v3, fixed order"
        #elseif arch(x86_64)
        "x86-64 without FMA, fixed order"
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
