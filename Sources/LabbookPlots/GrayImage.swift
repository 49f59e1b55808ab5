/// A one-channel image as plain numbers, row by row from the top, any range of values.
public struct GrayImage: Equatable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int
    /// `width * height` values; drawing an image whose count differs throws.
    public var pixels: [Float]

    /// An image from its values, row by row.
    public init(width: Int, height: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The 8-bit gray level of every pixel, `nil` where the value is not finite.
    ///
    /// Follows matplotlib's `imshow(cmap="gray")`: values are normalised between the image's
    /// finite minimum and maximum and looked up in a 256-entry colormap (index `⌊v·256⌋`,
    /// the maximum mapped to 255). A constant image is black, as matplotlib draws it.
    func grayLevels() throws -> [UInt8?] {
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        guard width >= 0, height >= 0, !overflow, pixels.count == count else {
            throw PlotError.pixelCountMismatch(width: width, height: height, count: pixels.count)
        }
        let finite = pixels.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return pixels.map { _ in nil } }
        let range = Double(high) - Double(low)
        return pixels.map { value -> UInt8? in
            guard value.isFinite else { return nil }
            guard range > 0 else { return 0 }
            let normalised = (Double(value) - Double(low)) / range
            return UInt8(min(255, Int(normalised * 256)))
        }
    }
}
