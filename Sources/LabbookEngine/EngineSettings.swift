/// Process-wide engine settings from the command line and front matter.
public enum EngineSettings {
    /// Threads for BLAS and for the engine's element-wise work.
    public static var threads: Int {
        get { BLAS.threads }
        set {
            BLAS.threads = newValue
            Parallel.workers = max(1, newValue)
        }
    }
}
