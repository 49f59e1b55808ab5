/// Any figure labbook draws: what the report layer hands to `renderPNG`.
///
/// Figures are plain values (numbers, strings, pixel arrays); drawing one goes through cairo
/// and libpng and gives the same PNG bytes for the same value.
public enum Figure: Equatable, Sendable {
    /// Curves over a shared x axis: learning curves, or one metric of several runs.
    case lineChart(LineChart)
    /// One gray image, like `plt.imshow(image, cmap="gray")`.
    case image(ImageFigure)
    /// Several gray images in a grid, each with a caption.
    case imageGrid(ImageGrid)

    /// Width of the rendered PNG in pixels.
    public var width: Int {
        switch self {
        case .lineChart(let chart): chart.width
        case .image(let figure): figure.width
        case .imageGrid(let grid): grid.width
        }
    }

    /// Height of the rendered PNG in pixels.
    public var height: Int {
        switch self {
        case .lineChart(let chart): chart.height
        case .image(let figure): figure.height
        case .imageGrid(let grid): grid.height
        }
    }

    /// The same figure at another size, e.g. from a cell's `fig-width`/`fig-height` options;
    /// `nil` keeps that side as it is.
    public func sized(width: Int?, height: Int?) -> Figure {
        switch self {
        case .lineChart(var chart):
            chart.width = width ?? chart.width
            chart.height = height ?? chart.height
            return .lineChart(chart)
        case .image(var figure):
            figure.width = width ?? figure.width
            figure.height = height ?? figure.height
            return .image(figure)
        case .imageGrid(var grid):
            grid.width = width ?? grid.width
            grid.height = height ?? grid.height
            return .imageGrid(grid)
        }
    }

    /// The figure drawn and encoded as PNG bytes; the same figure always gives the same bytes.
    public func renderPNG() throws -> [UInt8] {
        try PNGWriter.encode(renderBitmap())
    }

    /// The figure drawn into pixels.
    public func renderBitmap() throws -> Bitmap {
        guard (1...Figure.maxSide).contains(width), (1...Figure.maxSide).contains(height) else {
            throw PlotError.invalidSize(width: width, height: height)
        }
        return try CairoCanvas.draw(width: width, height: height) { canvas in
            switch self {
            case .lineChart(let chart): ChartRenderer(chart: chart, canvas: canvas).draw()
            case .image(let figure): try ImageRenderer(canvas: canvas).draw(figure)
            case .imageGrid(let grid): try ImageRenderer(canvas: canvas).draw(grid)
            }
        }
    }

    /// The largest width or height accepted, in pixels (a 4096×4096 figure is 64 MB of pixels).
    public static let maxSide = 4096
}

/// Draws `figure` and returns its PNG bytes (the same as `figure.renderPNG()`).
public func renderPNG(_ figure: Figure) throws -> [UInt8] {
    try figure.renderPNG()
}
