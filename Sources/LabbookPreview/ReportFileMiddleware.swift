import Foundation
import Hummingbird

/// Serves the report folder's files (see ``ReportFiles``) to `GET` and `HEAD`, `index.html` as
/// the last good render wrote it, with the preview's script in it; anything else, and any path under `/_labbook/`, goes on to the
/// routes. Nothing is cached by the browser: a reload always shows the latest report.
struct ReportFileMiddleware<Context: RequestContext>: RouterMiddleware {
    let files: ReportFiles
    let hub: PreviewHub

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get || request.method == .head, !path.hasPrefix("/_labbook/") else {
            return try await next(request, context)
        }
        guard let file = files.file(for: path), var bytes = try? Data(contentsOf: URL(fileURLWithPath: file)) else {
            if path == "/" || path == "/index.html" {
                // Before the first render has written the report: a page that waits for it.
                let page = PreviewPage.inject(into: PreviewPage.waiting, version: 0)
                return Response(status: .ok, headers: PreviewResponse.headers(contentType: "text/html; charset=utf-8"),
                                body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
            }
            return PreviewResponse.plain(.notFound, "not found\n")
        }
        if file == files.root + "/index.html" {
            let page = hub.lastGoodPage ?? bytes
            bytes = Data(PreviewPage.inject(into: String(decoding: page, as: UTF8.self), version: hub.currentVersion).utf8)
        }
        var headers = PreviewResponse.headers(contentType: ReportFiles.contentType(of: file))
        headers[.contentLength] = String(bytes.count)
        return Response(status: .ok, headers: headers,
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// What every answer of the preview has in common.
enum PreviewResponse {
    /// The headers of everything the preview serves: its type, and never cached (a reload
    /// always shows the latest report).
    static func headers(contentType: String) -> HTTPFields {
        [.contentType: contentType, .cacheControl: "no-store"]
    }

    /// A short plain-text answer.
    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: headers(contentType: "text/plain; charset=utf-8"),
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Refuses (403) every request whose `Host` header is not the preview's own address.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let check: HostCheck
    let port: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority
        guard check.allows(host, port: port) else {
            return PreviewResponse.plain(.forbidden, PreviewMessages.wrongHost(host))
        }
        return try await next(request, context)
    }
}
