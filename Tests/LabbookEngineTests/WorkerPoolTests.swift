import Foundation
import Synchronization
import Testing
@testable import LabbookEngine

/// The worker pool runs every part of a job exactly once, whoever asks and however often.
@Suite(.serialized) struct WorkerPoolTests {
    /// Counts of how often each part ran, one atomic per part.
    final class Tally: @unchecked Sendable {
        final class Count { let value = Atomic<Int>(0) }
        let counts: [Count]
        init(_ parts: Int) { counts = (0..<parts).map { _ in Count() } }
        func hit(_ part: Int) { counts[part].value.add(1, ordering: .relaxed) }
        /// The parts that did not run exactly once, with their counts.
        var wrong: [(part: Int, count: Int)] {
            counts.enumerated().compactMap { part, count in
                let n = count.value.load(ordering: .relaxed)
                return n == 1 ? nil : (part, n)
            }
        }
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func everyPartRunsOnceWhateverTheHelperCount(_ parts: Int) {
        for workers in [0, 1, 2, 3, 5] {
            for _ in 0..<200 {
                let tally = Tally(parts)
                WorkerPool.shared.run(parts: parts, workers: workers) { tally.hit($0) }
                let wrong = tally.wrong
                #expect(wrong.isEmpty, "\(parts) parts, \(workers) helpers: \(wrong.prefix(5))")
                if !wrong.isEmpty { return }
            }
        }
    }

    /// Ten thousand jobs back to back: a worker that spins hands over every one (a lost wake-up
    /// or a part run twice shows as a hang or a count other than one).
    @Test func manyJobsInARowEachRunOnce() {
        var total = 0
        for job in 0..<10_000 {
            let tally = Tally(4)
            WorkerPool.shared.run(parts: 4, workers: 1) { tally.hit($0) }
            total += tally.wrong.count
            if job == 5_000 { Thread.sleep(forTimeInterval: 0.01) } // the workers park, then wake
        }
        #expect(total == 0)
    }

    /// A job asked for from inside a part (a product inside a parallel pass) runs on the thread
    /// that asks, and every part of both still runs once.
    @Test func aNestedJobRunsInline() {
        let outer = Tally(4)
        let inner = (0..<4).map { _ in Tally(6) }
        WorkerPool.shared.run(parts: 4, workers: 3) { part in
            outer.hit(part)
            WorkerPool.shared.run(parts: 6, workers: 3) { inner[part].hit($0) }
        }
        #expect(outer.wrong.isEmpty)
        for (part, tally) in inner.enumerated() { #expect(tally.wrong.isEmpty, "inner job of part \(part)") }
    }

    /// Jobs from several threads at once: one at a time gets the workers, the others run inline.
    @Test func concurrentCallersEachGetTheirPartsRun() {
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<500 {
                let tally = Tally(9)
                WorkerPool.shared.run(parts: 9, workers: 2) { tally.hit($0) }
                if !tally.wrong.isEmpty { failures.add(1, ordering: .relaxed) }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }

    /// Chunks cover the range exactly, on aligned bounds, for any thread count.
    @Test func chunksCoverTheRangeOnAlignedBounds() {
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        for threads in [1, 2, 3, 4] {
            Parallel.workers = threads
            for count in [0, 1, 63, 64, 65, 1000, Parallel.threshold + 13] {
                let tally = Tally(max(1, count))
                let starts = Mutex<[Int]>([])
                Parallel.splittingEverything {
                    Parallel.forEachChunk(count) { range in
                        starts.withLock { $0.append(range.lowerBound) }
                        for i in range { tally.hit(i) }
                    }
                }
                if count > 0 { #expect(tally.wrong.isEmpty, "\(count) elements, \(threads) threads") }
                let misaligned = starts.withLock { $0.filter { $0 % Parallel.alignment != 0 } }
                #expect(misaligned.isEmpty, "\(count) elements, \(threads) threads: chunks start at \(misaligned)")
            }
        }
    }
}
