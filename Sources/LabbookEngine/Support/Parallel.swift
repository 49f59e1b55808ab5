import Foundation

/// Splits element-wise work over the cores in fixed chunks, so that results never depend on
/// scheduling: each element is computed by exactly one chunk, whatever the thread count.
enum Parallel {
    /// Below this many elements the work runs on the calling thread.
    static let threshold = 1 << 15
    /// The number of worker threads; set from `--threads`.
    nonisolated(unsafe) static var workers = EngineSettings.automaticThreads

    /// Calls `body` on disjoint ranges covering `0..<count`.
    @inline(__always)
    static func forEachChunk(_ count: Int, _ body: (Range<Int>) -> Void) {
        guard count >= threshold, workers > 1 else {
            body(0..<count)
            return
        }
        let chunks = workers
        let size = (count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size
            let end = min(count, start + size)
            if start < end { body(start..<end) }
        }
    }
}
