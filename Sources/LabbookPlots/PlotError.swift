/// Why a figure could not be drawn.
public enum PlotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The requested size is not within 1...`Figure.maxSide` pixels on each side.
    case invalidSize(width: Int, height: Int)
    /// An image's pixel array does not hold `width * height` values (or that shape is impossible).
    case pixelCountMismatch(width: Int, height: Int, count: Int)
    /// cairo could not create its surface (usually out of memory).
    case cairo(String)

    public var description: String {
        switch self {
        case .invalidSize(let width, let height):
            "a figure must be 1 to \(Figure.maxSide) pixels on each side, not \(width)×\(height)"
        case .pixelCountMismatch(let width, let height, let count):
            "a \(width)×\(height) image cannot be made of \(count) pixels"
        case .cairo(let message):
            "cairo: \(message)"
        }
    }
}
