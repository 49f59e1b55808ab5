import Foundation
import Hummingbird
import HummingbirdWebSocket

/// The preview's HTTP server: the report folder's files, the page script and the WebSocket
/// that tells each page what the renders do, behind the `Host` check.
enum PreviewServer {
    /// The application listening on `host` port `port`; `running` is called once it listens.
    static func application(host: String, port: Int, files: ReportFiles, hub: PreviewHub,
                            running: @escaping @Sendable () -> Void) -> some ApplicationProtocol {
        let router = Router(context: BasicWebSocketRequestContext.self)
        // Middleware first: the routes added after them are the ones they wrap.
        router.add(middleware: HostCheckMiddleware(check: HostCheck(host: host), port: port))
        router.add(middleware: ReportFileMiddleware(files: files, hub: hub))
        router.get(RouterPath(PreviewPage.scriptPath)) { _, _ in
            Response(status: .ok, headers: PreviewResponse.headers(contentType: "text/javascript; charset=utf-8"),
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PreviewPage.script)))
        }
        router.ws(RouterPath(PreviewPage.socketPath)) { inbound, outbound, _ in
            let page = hub.subscribe()
            defer { page.cancel() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The page's own messages are none; this ends when it closes.
                group.addTask { for try await _ in inbound {} }
                group.addTask { for await text in page.stream { try await outbound.write(.text(text)) } }
                try await group.next()
                group.cancelAll()
            }
        }
        // The server's own log stays quiet (its shutdown logs a cancelled channel as an error at
        // every Ctrl-C), unless LOG_LEVEL (Hummingbird's) asks for more.
        setenv("LOG_LEVEL", "critical", 0)
        return Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
                           configuration: .init(address: .hostname(host, port: port), serverName: "labbook preview"),
                           onServerRunning: { _ in running() })
    }
}
