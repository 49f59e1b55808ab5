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

    /// `threads: auto`: every logical processor. Work too small to gain from a split runs on
    /// one thread whatever the count (``GEMM/splitThreshold``, ``Parallel/threshold``); the
    /// rest is split over the engine's worker threads (docs/engine.md, Speed).
    public static var automaticThreads: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
