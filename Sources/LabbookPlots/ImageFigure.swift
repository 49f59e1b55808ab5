/// One gray image drawn like `plt.imshow(image, cmap="gray")`: scaled up without smoothing,
/// square pixels, a thin frame with pixel-index ticks, and a title.
public struct ImageFigure: Equatable, Sendable {
    /// The picture.
    public var image: GrayImage
    /// Title above the image; empty for none.
    public var title: String
    /// Whether to draw the frame and pixel-index ticks (matplotlib's default) or the image alone.
    public var showsAxes: Bool
    /// Width of the figure in pixels.
    public var width: Int
    /// Height of the figure in pixels.
    public var height: Int

    /// A figure of `image`; 400×400 pixels unless told otherwise.
    public init(image: GrayImage, title: String = "", showsAxes: Bool = true, width: Int = 400, height: Int = 400) {
        self.image = image
        self.title = title
        self.showsAxes = showsAxes
        self.width = width
        self.height = height
    }
}
