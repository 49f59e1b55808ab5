import Foundation

/// The open pages and what they must know: the render thread publishes, each page's WebSocket
/// subscribes. A page that connects (or reconnects) is told the current state at once: the
/// version of the last good report, the failure laid over it, the block that runs.
final class PreviewHub: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The version of the report last rendered without failure (0: none yet).
    private(set) var version = 0
    private var failure: PreviewMessage?
    private var progress: PreviewMessage?
    /// Set when the server stops: every stream, also of a page that connects later, has ended.
    private var closed = false

    /// The version of the last good report, as `index.html` is served with it.
    var currentVersion: Int { lock.withLock { version } }

    /// A page's stream of messages, starting with the current state; `cancel` ends it.
    func subscribe() -> (stream: AsyncStream<String>, cancel: @Sendable () -> Void) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        lock.withLock {
            // A page that (re)connects while the server stops gets an ended stream, so that its
            // socket does not hold the shutdown up.
            if closed {
                continuation.finish()
                return
            }
            if version > 0 { continuation.yield(PreviewMessage.rendered(version: version).json) }
            if let failure { continuation.yield(failure.json) }
            if let progress { continuation.yield(progress.json) }
            pages[id] = continuation
        }
        return (stream, { [weak self] in
            self?.lock.withLock { _ = self?.pages.removeValue(forKey: id) }
            continuation.finish()
        })
    }

    /// Tells every page `message`, and keeps it as the state a new page is told.
    func publish(_ message: PreviewMessage) {
        lock.withLock {
            switch message.kind {
            case .rendering:
                progress = message
            case .progress:
                progress = message
            case .rendered:
                version = message.version ?? version
                failure = nil
                progress = nil
            case .failed:
                failure = message
                progress = nil
            }
            let text = message.json
            for page in pages.values { page.yield(text) }
        }
    }

    /// The `index.html` of the last good render, served in place of the report folder's (which
    /// a failed render has replaced with its own) so that a reload still shows the last good
    /// page under the diagnostics; nil before the first good render.
    var lastGoodPage: Data? { lock.withLock { page } }
    private var page: Data?

    /// A render that succeeded, whose `index.html` is `page`: the next version, told to every page.
    func rendered(page: Data?) {
        lock.withLock { self.page = page }
        publish(.rendered(version: currentVersion + 1))
    }

    /// Ends every page's stream, and those of pages that connect later (the server stops).
    func close() {
        lock.withLock {
            closed = true
            for page in pages.values { page.finish() }
            pages = [:]
        }
    }
}
