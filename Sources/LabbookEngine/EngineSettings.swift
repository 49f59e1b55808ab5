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

    /// `threads: auto`: one thread per two logical processors. On the 2-vCPU machines this
    /// project runs on, the two processors share one core's arithmetic units (two concurrent
    /// single-threaded `sgemm`s reach 1.3× one alone), and splitting a training batch's small
    /// products costs more in synchronisation than it gains: one thread trains B1 20 % and
    /// B2 25 % faster than two (`labbook bench --threads 2` shows it).
    public static var automaticThreads: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    }
}
