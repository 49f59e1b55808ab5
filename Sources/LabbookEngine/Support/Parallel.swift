import Foundation

/// Splits the engine's work over its threads (``WorkerPool``) in parts fixed by the data, so
/// that results never depend on scheduling or on the thread count: each output is computed by
/// exactly one part, in the same order whatever the count.
enum Parallel {
    /// Below this many elements element-wise work runs on the calling thread.
    static let threshold = 1 << 14
    /// Chunk boundaries fall on multiples of this many elements (whole SIMD vectors and cache
    /// lines, so a chunk's vector loop and tail are the same as the whole's).
    static let alignment = 64
    /// Column ranges split on multiples of this many (a 64-byte cache line of Float32).
    static let columnAlignment = 16
    /// The number of threads; set from `--threads`.
    nonisolated(unsafe) static var workers = EngineSettings.automaticThreads

    private static let splitLock = NSLock()
    nonisolated(unsafe) private static var everythingSplit = 0

    /// Runs `body` with all work split as finely as the thread count allows, whatever its size
    /// (the tests of the splits; nested and concurrent calls are counted).
    static func splittingEverything<T>(_ body: () throws -> T) rethrows -> T {
        splitLock.withLock { everythingSplit += 1 }
        defer { splitLock.withLock { everythingSplit -= 1 } }
        return try body()
    }

    /// Whether work of `size` below `threshold` runs on one thread (the lock is taken only for
    /// small work, never in a large job's path).
    static func isSmall(_ size: Int, threshold: Int) -> Bool {
        size < threshold && splitLock.withLock { everythingSplit == 0 }
    }

    /// Runs `body(0) … body(parts - 1)`, each exactly once, on up to `threads` threads.
    @inline(__always)
    static func forEachPart(_ parts: Int, threads: Int = workers, _ body: (Int) -> Void) {
        WorkerPool.shared.run(parts: parts, workers: threads - 1, body)
    }

    /// Calls `body` on disjoint ranges covering `0..<count` (one per thread, aligned).
    @inline(__always)
    static func forEachChunk(_ count: Int, _ body: (Range<Int>) -> Void) {
        forEachRange(count, cost: count, alignment: alignment, body)
    }

    /// Calls `body` on disjoint ranges covering `0..<count` items (rows, examples, columns) whose
    /// whole work is `cost` elements; range bounds are multiples of `alignment`.
    static func forEachRange(_ count: Int, cost: Int, alignment: Int = 1, _ body: (Range<Int>) -> Void) {
        let threads = workers
        guard threads > 1, count > alignment, !isSmall(cost, threshold: threshold) else {
            body(0..<count)
            return
        }
        let blocks = (count + alignment - 1) / alignment
        let parts = min(threads, blocks)
        let per = (blocks + parts - 1) / parts * alignment
        forEachPart(parts) { part in
            let start = part * per, end = min(count, start + per)
            if start < end { body(start..<end) }
        }
    }
}
