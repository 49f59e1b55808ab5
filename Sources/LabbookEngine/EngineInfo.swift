/// What built the numbers: the engine's version and the BLAS underneath.
public enum EngineInfo {
    /// The engine's version; results that change with it are invalidated by it (cache, diff).
    public static let version = "0.2.0"

    /// One line for `labbook --version` and report footers.
    public static var description: String {
        "labbook engine \(version), \(BLAS.build), \(BLAS.threads) thread\(BLAS.threads == 1 ? "" : "s")"
    }
}
