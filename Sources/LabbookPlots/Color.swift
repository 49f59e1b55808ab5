/// An opaque sRGB colour, each channel in 0...1.
public struct Color: Equatable, Sendable {
    /// Red, 0...1.
    public var red: Double
    /// Green, 0...1.
    public var green: Double
    /// Blue, 0...1.
    public var blue: Double

    /// A colour from channels in 0...1.
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a `0xRRGGBB` literal.
    public init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255,
                  green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255)
    }

    /// matplotlib's default colour cycle ("tab10"): the colours series take in order.
    public static let tab10: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map { Color(hex: $0) }

    static let white = Color(hex: 0xFFFFFF)
    static let black = Color(hex: 0x000000)
    /// matplotlib's grid line colour.
    static let grid = Color(hex: 0xB0B0B0)
    /// matplotlib's legend frame colour.
    static let legendFrame = Color(hex: 0xCCCCCC)
}
