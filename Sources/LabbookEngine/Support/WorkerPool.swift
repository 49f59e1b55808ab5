import Foundation
import Synchronization
import CBuiltins

/// The engine's worker threads, kept for the life of the process: a job's parts are run by the
/// calling thread and by as many workers as the job asks for, each part by exactly one of them.
///
/// Training calls for thousands of small jobs a second (a product, an activation, a pooling
/// pass), so a worker that has just finished one spins for the next for a while
/// (``spinSeconds``) before it parks on a condition variable: handing a job to a spinning worker
/// costs about a microsecond, where waking a parked thread (as `DispatchQueue.concurrentPerform`
/// does for every call) costs tens. Which thread runs which part is left to chance, so a job's
/// parts must write disjoint results: then the result is the same whoever runs them.
///
/// One job runs at a time. A job asked for while another runs (from one of its parts, or from
/// another thread) runs all its parts on the calling thread.
final class WorkerPool: @unchecked Sendable {
    /// The pool of the process.
    static let shared = WorkerPool()

    /// How long a worker that has run a job waits, spinning, for the next before it parks.
    static let spinSeconds = 0.000_3

    /// The current job's number times 256 plus its number of workers (at most 255): one word,
    /// so that a worker reads both at once.
    private let ticket = Atomic<Int>(0)
    /// The next part to hand out.
    private let nextPart = Atomic<Int>(0)
    /// The workers that have finished with the current job.
    private let checkedOut = Atomic<Int>(0)
    /// The workers parked on `parking`.
    private let sleepers = Atomic<Int>(0)
    private let parking = NSCondition()
    /// Held while a job runs; a call that cannot take it runs inline.
    private let busy = NSLock()

    /// The job's parts and body: written by the caller before the ticket that announces them,
    /// read by workers after it, and not written again until every worker of the job has
    /// checked out.
    private var parts = 0
    private var body: ((Int) -> Void)?
    /// Started workers; only the caller holding `busy` touches it.
    private var started = 0

    /// Runs `body(0) … body(parts - 1)` on the calling thread and up to `workers` others,
    /// and returns when all are done.
    func run(parts: Int, workers: Int, _ body: (Int) -> Void) {
        let helpers = min(workers, parts - 1, 255)
        guard helpers > 0, busy.try() else {
            for part in 0..<parts { body(part) }
            return
        }
        defer { busy.unlock() }
        while started < helpers { start(index: started); started += 1 }
        withoutActuallyEscaping(body) { body in
            self.body = body
            self.parts = parts
            nextPart.store(0, ordering: .relaxed)
            checkedOut.store(0, ordering: .relaxed)
            let number = ticket.load(ordering: .relaxed) >> 8 + 1
            ticket.store(number << 8 | helpers, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                parking.lock()
                parking.broadcast()
                parking.unlock()
            }
            runParts()
            var spins = 0
            while checkedOut.load(ordering: .acquiring) < helpers {
                spins += 1
                Self.pause(spins)
            }
            self.body = nil
        }
    }

    /// Claims and runs parts until none is left.
    private func runParts() {
        guard let body else { return }
        while true {
            let part = nextPart.wrappingAdd(1, ordering: .relaxed).oldValue
            guard part < parts else { return }
            body(part)
        }
    }

    /// Starts worker `index`, which waits for a ticket after the current one.
    private func start(index: Int) {
        let current = ticket.load(ordering: .acquiring)
        let thread = Thread { self.work(index: index, after: current) }
        thread.name = "labbook-worker-\(index + 1)"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A worker's life: wait for a ticket that counts it in, run parts, check out.
    private func work(index: Int, after ticket: Int) {
        var seen = ticket
        while true {
            seen = next(after: seen)
            guard index < seen & 255 else { continue }
            runParts()
            checkedOut.add(1, ordering: .releasing)
        }
    }

    /// Waits for a ticket other than `seen`: spins for ``spinSeconds``, then parks.
    private func next(after seen: Int) -> Int {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.spinSeconds * 1e9)
        var spins = 0
        while true {
            let current = ticket.load(ordering: .acquiring)
            if current != seen { return current }
            spins += 1
            if spins & 255 == 0, DispatchTime.now().uptimeNanoseconds > deadline { break }
            Self.pause(0)
        }
        parking.lock()
        defer { parking.unlock() }
        sleepers.add(1, ordering: .sequentiallyConsistent)
        defer { sleepers.subtract(1, ordering: .sequentiallyConsistent) }
        while true {
            let current = ticket.load(ordering: .sequentiallyConsistent)
            if current != seen { return current }
            parking.wait()
        }
    }

    /// A spin-loop hint; after many spins (a worker descheduled) the processor is yielded.
    @inline(__always)
    private static func pause(_ spins: Int) {
        if spins > 1 << 14 { sched_yield(); return }
        labbook_spin_hint()
    }
}
