/// Several gray images in rows of `columns`, each with a caption under it, like a
/// `plt.subplot` grid of `imshow(cmap="gray")` with the axes off.
///
/// Each image is normalised on its own, as each `imshow` call is.
public struct ImageGrid: Equatable, Sendable {
    /// The images, filling rows left to right.
    public var images: [GrayImage]
    /// The caption under each image; missing captions are empty, extra ones are ignored.
    public var captions: [String]
    /// Images per row (at least 1).
    public var columns: Int
    /// Title above the grid; empty for none.
    public var title: String
    /// Width of the figure in pixels.
    public var width: Int
    /// Height of the figure in pixels.
    public var height: Int

    /// A grid of `images`; without a size, each cell is about 100×120 pixels, wider (up to 180)
    /// when a caption needs it.
    public init(images: [GrayImage], captions: [String] = [], columns: Int = 5, title: String = "",
                width: Int? = nil, height: Int? = nil) {
        self.images = images
        self.captions = captions
        self.columns = max(1, columns)
        self.title = title
        let layout = ImageGrid.cellCounts(images: images.count, columns: self.columns)
        self.width = width ?? layout.columns * ImageGrid.cellWidth(captions: captions) + 2 * ImageGrid.margin
        self.height = height ?? layout.rows * ImageGrid.defaultCell.height + 2 * ImageGrid.margin
            + (title.isEmpty ? 0 : ImageGrid.titleHeight)
    }

    /// Columns and rows actually used: never more columns than images, at least one cell.
    static func cellCounts(images: Int, columns: Int) -> (columns: Int, rows: Int) {
        let used = max(1, min(columns, images))
        return (used, max(1, (images + used - 1) / used))
    }

    /// A cell wide enough for the longest caption at about 6.5 pixels a character (the 11-point
    /// caption font), between the default 100 and 180 pixels; longer captions are shortened.
    static func cellWidth(captions: [String]) -> Int {
        let longest = captions.map(\.count).max() ?? 0
        return min(180, max(defaultCell.width, Int((Double(longest) * 6.5).rounded(.up)) + 8))
    }

    static let defaultCell = (width: 100, height: 120)
    static let margin = 8
    static let titleHeight = 30
}
