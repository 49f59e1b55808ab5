/// Draws `ImageFigure`s and `ImageGrid`s: gray images scaled up nearest-neighbour, by a whole
/// factor whenever the image fits at least once, so every source pixel is a sharp square.
struct ImageRenderer {
    let canvas: CairoCanvas

    static let titleFont = 14.0, tickFont = 11.0, captionFont = 11.0, tickLength = 5.0

    /// One image with a title and, if asked, a frame with pixel-index ticks.
    func draw(_ figure: ImageFigure) throws {
        let image = figure.image
        let levels = try image.grayLevels()
        let width = Double(figure.width), height = Double(figure.height)
        if !figure.title.isEmpty {
            let title = canvas.truncated(figure.title, size: Self.titleFont, maxWidth: width - 20)
            canvas.text(title, at: Point(x: width / 2, y: 24), size: Self.titleFont, anchor: .center)
        }
        let top = figure.title.isEmpty ? 10.0 : 36
        let (left, bottom, right) = figure.showsAxes ? (36.0, 26.0, 14.0) : (10.0, 10.0, 10.0)
        let available = Rect(x: left, y: top, width: width - left - right, height: height - top - bottom)
        guard let box = fitted(width: image.width, height: image.height, in: available) else { return }
        canvas.drawGray(levels, width: image.width, height: image.height, in: box)
        if figure.showsAxes { drawAxes(around: box, columns: image.width, rows: image.height) }
    }

    /// Several images in a grid, each normalised on its own, each with its caption under it.
    func draw(_ grid: ImageGrid) throws {
        let levels = try grid.images.map { try $0.grayLevels() }
        let margin = Double(ImageGrid.margin)
        let width = Double(grid.width), height = Double(grid.height)
        if !grid.title.isEmpty {
            let title = canvas.truncated(grid.title, size: Self.titleFont, maxWidth: width - 20)
            canvas.text(title, at: Point(x: width / 2, y: margin + 18), size: Self.titleFont, anchor: .center)
        }
        let top = margin + (grid.title.isEmpty ? 0 : Double(ImageGrid.titleHeight))
        let (columns, rows) = ImageGrid.cellCounts(images: grid.images.count, columns: grid.columns)
        let cellWidth = (width - 2 * margin) / Double(columns)
        let cellHeight = (height - top - margin) / Double(rows)
        let captionHeight = Self.captionFont + 8
        for (index, image) in grid.images.enumerated() {
            let cell = Rect(x: margin + Double(index % columns) * cellWidth, y: top + Double(index / columns) * cellHeight,
                            width: cellWidth, height: cellHeight)
            let space = Rect(x: cell.x + 4, y: cell.y + 4, width: cell.width - 8, height: cell.height - 8 - captionHeight)
            let box = fitted(width: image.width, height: image.height, in: space)
            if let box { canvas.drawGray(levels[index], width: image.width, height: image.height, in: box) }
            guard index < grid.captions.count, !grid.captions[index].isEmpty else { continue }
            let caption = canvas.truncated(grid.captions[index], size: Self.captionFont, maxWidth: cell.width - 4)
            canvas.text(caption, at: Point(x: cell.x + cell.width / 2, y: (box?.maxY ?? space.maxY) + 5),
                        size: Self.captionFont, anchor: .center, baseline: .top)
        }
    }
}

private extension ImageRenderer {
    /// The largest box of square pixels for a `width`×`height` image centred in `space`, scaled
    /// by a whole factor when at least 1 fits, on whole pixels; `nil` for an empty image or space.
    func fitted(width: Int, height: Int, in space: Rect) -> Rect? {
        guard width > 0, height > 0, space.width >= 1, space.height >= 1 else { return nil }
        let exact = min(space.width / Double(width), space.height / Double(height))
        let scale = exact >= 1 ? exact.rounded(.down) : exact
        let boxWidth = Double(width) * scale, boxHeight = Double(height) * scale
        return Rect(x: (space.x + (space.width - boxWidth) / 2).rounded(.down),
                    y: (space.y + (space.height - boxHeight) / 2).rounded(.down),
                    width: boxWidth, height: boxHeight)
    }

    /// A thin black frame with outward ticks at pixel centres, labelled with pixel indices from
    /// the top left, as `imshow` draws them.
    func drawAxes(around box: Rect, columns: Int, rows: Int) {
        canvas.stroke(box.inset(by: -0.5), color: .black, lineWidth: 1)
        let scaleX = box.width / Double(columns), scaleY = box.height / Double(rows)
        let xTicks = NiceTicks(lower: -0.5, upper: Double(columns) - 0.5, maxCount: 7, integer: true)
        let yTicks = NiceTicks(lower: -0.5, upper: Double(rows) - 0.5, maxCount: 7, integer: true)
        let below = box.maxY + 0.5, left = box.x - 0.5
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let x = (box.x + (value + 0.5) * scaleX).rounded(.down) + 0.5
            canvas.stroke([Point(x: x, y: below), Point(x: x, y: below + Self.tickLength)], color: .black, lineWidth: 1)
            canvas.text(label, at: Point(x: x, y: below + Self.tickLength + 4), size: Self.tickFont,
                        anchor: .center, baseline: .top)
        }
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let y = (box.y + (value + 0.5) * scaleY).rounded(.down) + 0.5
            canvas.stroke([Point(x: left, y: y), Point(x: left - Self.tickLength, y: y)], color: .black, lineWidth: 1)
            canvas.text(label, at: Point(x: left - Self.tickLength - 3, y: y), size: Self.tickFont,
                        anchor: .end, baseline: .middle)
        }
    }
}
