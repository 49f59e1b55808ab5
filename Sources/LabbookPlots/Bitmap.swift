/// A picture as plain bytes: 8-bit RGBA, not premultiplied, rows top to bottom.
///
/// What the canvas hands back after drawing, what `PNGWriter` encodes and what `PNGReader`
/// decodes, so that no caller ever sees a cairo or libpng type.
public struct Bitmap: Equatable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 4` bytes: red, green, blue, alpha of each pixel, row by row.
    public let rgba: [UInt8]

    /// A bitmap over `rgba`, which must hold exactly `width * height * 4` bytes.
    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(width >= 0 && height >= 0 && rgba.count == width * height * 4,
                     "a \(width)×\(height) bitmap needs \(width * height * 4) bytes, got \(rgba.count)")
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// The pixel at column `x`, row `y` (0-based, from the top left).
    public func pixel(x: Int, y: Int) -> RGBA {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "(\(x), \(y)) is outside \(width)×\(height)")
        let i = (y * width + x) * 4
        return RGBA(red: rgba[i], green: rgba[i + 1], blue: rgba[i + 2], alpha: rgba[i + 3])
    }

    /// Whether every pixel is fully opaque (then a PNG needs no alpha channel).
    var isOpaque: Bool {
        stride(from: 3, to: rgba.count, by: 4).allSatisfy { rgba[$0] == 255 }
    }
}

/// One pixel of a `Bitmap`.
public struct RGBA: Equatable, Sendable, CustomStringConvertible {
    /// Red, 0...255.
    public var red: UInt8
    /// Green, 0...255.
    public var green: UInt8
    /// Blue, 0...255.
    public var blue: UInt8
    /// Opacity, 0 (transparent) ... 255 (opaque).
    public var alpha: UInt8

    /// A pixel from its four 8-bit channels.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public var description: String { "RGBA(\(red), \(green), \(blue), \(alpha))" }
}
