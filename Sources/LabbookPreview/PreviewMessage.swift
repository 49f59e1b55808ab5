import Foundation

/// What the server tells every open page: one JSON object per WebSocket text message.
///
/// - `rendering`: a render started (the page shows "rendering…").
/// - `progress`: the block that runs (`[7/38] q4-1024`) and, during `fit`, the epoch.
/// - `rendered`: a render succeeded; the page fetches report version `version` in place.
/// - `failed`: a render failed; the page keeps what it shows and lays `diagnostics` over it.
struct PreviewMessage: Codable, Equatable, Sendable {
    enum Kind: String, Codable, Sendable { case rendering, progress, rendered, failed }

    var kind: Kind
    var version: Int?
    var step: String?
    var epoch: String?
    var diagnostics: String?

    static let rendering = PreviewMessage(kind: .rendering)

    static func progress(step: String, epoch: String? = nil) -> PreviewMessage {
        PreviewMessage(kind: .progress, step: step, epoch: epoch)
    }

    static func rendered(version: Int) -> PreviewMessage { PreviewMessage(kind: .rendered, version: version) }

    static func failed(_ diagnostics: String) -> PreviewMessage { PreviewMessage(kind: .failed, diagnostics: diagnostics) }

    /// The message as the page receives it.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding a struct of strings and integers cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
