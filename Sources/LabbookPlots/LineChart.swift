/// A line chart: every series a curve over a shared x axis, with a grid and a legend.
///
/// Drawn like matplotlib's `plot(grid=True)`: x and y ranges fitted to the data with a 5 %
/// margin (or `ylim`), ticks at 1-2-5 steps, series coloured in the tab10 cycle.
public struct LineChart: Equatable, Sendable {
    /// Title above the plot; empty for none.
    public var title: String
    /// Label under the x axis; empty for none.
    public var xLabel: String
    /// Label left of the y axis, written upwards; empty for none.
    public var yLabel: String
    /// The curves, drawn in order (later ones on top) and listed in the legend in that order.
    public var series: [Series]
    /// Fixed y range; `nil` fits the data.
    public var ylim: ClosedRange<Double>?
    /// Whether x ticks fall on whole numbers only (x values are epochs).
    public var integerXTicks: Bool
    /// Width of the figure in pixels.
    public var width: Int
    /// Height of the figure in pixels.
    public var height: Int

    /// A chart of `series`; 640×420 pixels unless told otherwise.
    public init(title: String = "", xLabel: String = "", yLabel: String = "", series: [Series],
                ylim: ClosedRange<Double>? = nil, integerXTicks: Bool = false,
                width: Int = 640, height: Int = 420) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.ylim = ylim
        self.integerXTicks = integerXTicks
        self.width = width
        self.height = height
    }
}

/// One curve of a `LineChart`.
///
/// Points pair `x[i]` with `y[i]`; extra values in the longer array are ignored. A point with a
/// non-finite coordinate is a gap in the curve, as in matplotlib; a point with no neighbour on
/// either side is drawn as a dot.
public struct Series: Equatable, Sendable {
    /// The name in the legend; empty leaves the series out of the legend.
    public var name: String
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates.
    public var y: [Double]
    /// Solid or dashed.
    public var style: LineStyle
    /// The colour; `nil` takes the next colour of the tab10 cycle.
    public var color: Color?

    /// A series from its coordinates.
    public init(name: String, x: [Double], y: [Double], style: LineStyle = .solid, color: Color? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.style = style
        self.color = color
    }
}

/// How a curve is stroked.
public enum LineStyle: Equatable, Sendable {
    /// A continuous line.
    case solid
    /// matplotlib's `"--"`: used for validation metrics.
    case dashed
}
