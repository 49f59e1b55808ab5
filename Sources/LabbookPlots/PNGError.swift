/// What went wrong encoding or decoding a PNG.
public enum PNGError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libpng refused the data; its own message.
    case libpng(String)
    /// A bitmap with no pixels has no PNG encoding.
    case emptyImage(width: Int, height: Int)
    /// A PNG whose header declares more pixels than the reader accepts.
    case tooLarge(width: Int, height: Int)

    public var description: String {
        switch self {
        case .libpng(let message): "libpng: \(message)"
        case .emptyImage(let width, let height): "cannot encode an empty \(width)×\(height) image as PNG"
        case .tooLarge(let width, let height): "a \(width)×\(height) PNG is too large to decode"
        }
    }
}
