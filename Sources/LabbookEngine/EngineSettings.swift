import Foundation

/// Process-wide engine settings from the command line and front matter.
public enum EngineSettings {
    /// Threads for matrix products and for the engine's element-wise work.
    public static var threads: Int {
        get { BLAS.threads }
        set {
            BLAS.threads = max(1, newValue)
            Parallel.workers = max(1, newValue)
        }
    }

    /// `threads: auto`: every logical processor. Products too small to gain from a split run on
    /// one thread whatever the count (``GEMM/splitThreshold``), so the networks of small layers
    /// train as fast as on one thread and the wide ones faster: on this project's two cores, B2
    /// (1024 units) 1.26×, B5 (a CNN) 1.12× and B6 (the coursework's final network) 1.43×
    /// faster than on one (`labbook bench --threads 1` against `--threads 2`).
    public static var automaticThreads: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
