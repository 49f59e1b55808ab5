/// Draws a `LineChart` on a canvas, matplotlib style: white background, light grid under the
/// curves, a black frame with outward ticks, the legend where it hides the least data.
struct ChartRenderer {
    let chart: LineChart
    let canvas: CairoCanvas

    func draw() {
        let xRange = axisRange(of: chart.series.flatMap(\.pairedX))
        let yRange = axisRange(of: chart.series.flatMap(\.pairedY), limits: chart.ylim)
        let yTicks = NiceTicks(lower: yRange.lowerBound, upper: yRange.upperBound,
                               maxCount: tickCount(Double(chart.height) - 90, spacing: 33))
        let area = plotArea(yTickLabels: yTicks.labels)
        let xTicks = NiceTicks(lower: xRange.lowerBound, upper: xRange.upperBound,
                               maxCount: tickCount(area.width, spacing: 70), integer: chart.integerXTicks)
        let axes = Axes(area: area, x: xRange, y: yRange)

        drawGrid(axes, xTicks: xTicks, yTicks: yTicks)
        let curves = drawSeries(axes)
        drawFrameAndTicks(axes, xTicks: xTicks, yTicks: yTicks)
        drawLabels(area)
        drawLegend(in: area, avoiding: curves)
    }
}

/// The data-to-pixel mapping of the plot area.
private struct Axes {
    let area: Rect
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>

    func pixelX(_ value: Double) -> Double {
        area.x + (value - x.lowerBound) / (x.upperBound - x.lowerBound) * area.width
    }

    func pixelY(_ value: Double) -> Double {
        area.maxY - (value - y.lowerBound) / (y.upperBound - y.lowerBound) * area.height
    }
}

private extension Series {
    var pairedX: [Double] { Array(x.prefix(y.count)) }
    var pairedY: [Double] { Array(y.prefix(x.count)) }

    /// The curve in pixels, cut into runs at every point that has no finite position (a NaN or
    /// infinite value, or a value so large that its pixel overflows).
    func pixelRuns(_ axes: Axes) -> [[Point]] {
        var runs: [[Point]] = [[]]
        for (x, y) in zip(x, y) {
            let point = Point(x: axes.pixelX(x), y: axes.pixelY(y))
            if point.x.isFinite && point.y.isFinite {
                runs[runs.count - 1].append(point)
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }
}

private extension ChartRenderer {
    static let tickFont = 12.0, labelFont = 13.0, titleFont = 15.0, legendFont = 12.0
    static let tickLength = 5.0, lineWidth = 2.0, frameWidth = 1.0

    /// At most one tick per `spacing` pixels, between 3 and 11.
    func tickCount(_ pixels: Double, spacing: Double) -> Int {
        min(11, max(3, Int(pixels / spacing)))
    }

    /// The plot area: the figure minus room for the title, the labels and the tick labels,
    /// on whole pixels so that 1-pixel lines stay crisp.
    func plotArea(yTickLabels: [String]) -> Rect {
        let widestTick = yTickLabels.map { canvas.textWidth($0, size: Self.tickFont) }.max() ?? 0
        let left = 10 + (chart.yLabel.isEmpty ? 0 : Self.labelFont + 8) + widestTick + 4 + Self.tickLength
        let top = chart.title.isEmpty ? 14.0 : 40
        let bottom = Self.tickLength + 4 + Self.tickFont + (chart.xLabel.isEmpty ? 0 : Self.labelFont + 10) + 10
        let right = 20.0
        let x = left.rounded(.up), y = top
        return Rect(x: x, y: y, width: max(1, (Double(chart.width) - right - x).rounded(.down)),
                    height: max(1, (Double(chart.height) - bottom - y).rounded(.down)))
    }

    /// The colour of the series at `index` (its own, or the cycle's) and its dash pattern
    /// (matplotlib's `"--"`: 3.7 on, 1.6 off, in line widths).
    func look(of index: Int) -> (color: Color, dash: [Double]) {
        let series = chart.series[index]
        let color = series.color ?? Color.tab10[index % Color.tab10.count]
        return (color, series.style == .dashed ? [3.7 * Self.lineWidth, 1.6 * Self.lineWidth] : [])
    }

    /// `value` moved to the middle of its pixel, where a 1-pixel line is sharp.
    func crisp(_ value: Double) -> Double {
        value.rounded(.down) + 0.5
    }

    func drawGrid(_ axes: Axes, xTicks: NiceTicks, yTicks: NiceTicks) {
        let area = axes.area
        for value in xTicks.values {
            let x = crisp(axes.pixelX(value))
            canvas.stroke([Point(x: x, y: area.y), Point(x: x, y: area.maxY)], color: .grid, lineWidth: 0.8)
        }
        for value in yTicks.values {
            let y = crisp(axes.pixelY(value))
            canvas.stroke([Point(x: area.x, y: y), Point(x: area.maxX, y: y)], color: .grid, lineWidth: 0.8)
        }
    }

    /// Draws every series clipped to the plot area and returns the visible polylines.
    func drawSeries(_ axes: Axes) -> [[Point]] {
        // Cut a little outside the area so that cairo's clip, not the geometry, trims line ends.
        let bounds = axes.area.inset(by: -2 * Self.lineWidth)
        var visible: [[Point]] = []
        canvas.clipped(to: axes.area) {
            for (index, series) in chart.series.enumerated() {
                let (color, dash) = look(of: index)
                for run in series.pixelRuns(axes) {
                    for piece in clip(run, to: bounds) {
                        if piece.count == 1 {
                            canvas.fillCircle(center: piece[0], radius: 1.5 * Self.lineWidth, color: color)
                        } else {
                            canvas.stroke(piece, color: color, lineWidth: Self.lineWidth, dash: dash)
                        }
                        visible.append(piece)
                    }
                }
            }
        }
        return visible
    }

    func drawFrameAndTicks(_ axes: Axes, xTicks: NiceTicks, yTicks: NiceTicks) {
        let area = axes.area
        canvas.stroke(area.inset(by: -0.5), color: .black, lineWidth: Self.frameWidth)
        let below = area.maxY + 0.5
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let x = crisp(axes.pixelX(value))
            canvas.stroke([Point(x: x, y: below), Point(x: x, y: below + Self.tickLength)],
                          color: .black, lineWidth: Self.frameWidth)
            canvas.text(label, at: Point(x: x, y: below + Self.tickLength + 4), size: Self.tickFont,
                        anchor: .center, baseline: .top)
        }
        let left = area.x - 0.5
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let y = crisp(axes.pixelY(value))
            canvas.stroke([Point(x: left, y: y), Point(x: left - Self.tickLength, y: y)],
                          color: .black, lineWidth: Self.frameWidth)
            canvas.text(label, at: Point(x: left - Self.tickLength - 4, y: y), size: Self.tickFont,
                        anchor: .end, baseline: .middle)
        }
    }

    func drawLabels(_ area: Rect) {
        let middle = Point(x: area.x + area.width / 2, y: area.y + area.height / 2)
        if !chart.title.isEmpty {
            let title = canvas.truncated(chart.title, size: Self.titleFont, maxWidth: Double(chart.width) - 20)
            canvas.text(title, at: Point(x: Double(chart.width) / 2, y: area.y - 12), size: Self.titleFont, anchor: .center)
        }
        if !chart.xLabel.isEmpty {
            let label = canvas.truncated(chart.xLabel, size: Self.labelFont, maxWidth: area.width)
            canvas.text(label, at: Point(x: middle.x, y: Double(chart.height) - 10),
                        size: Self.labelFont, anchor: .center)
        }
        if !chart.yLabel.isEmpty {
            let label = canvas.truncated(chart.yLabel, size: Self.labelFont, maxWidth: area.height)
            canvas.text(label, at: Point(x: 10 + Self.labelFont * 0.76, y: middle.y),
                        size: Self.labelFont, anchor: .center, upright: false)
        }
    }

    /// The legend (a line sample and the name of each named series) where it hides the least
    /// of `curves`. Names longer than half the plot are shortened; when they do not all fit in
    /// the plot's height, the last row says how many are left out.
    func drawLegend(in area: Rect, avoiding curves: [[Point]]) {
        let named = chart.series.indices.filter { !chart.series[$0].name.isEmpty }
        guard !named.isEmpty else { return }
        let padding = 6.0, handle = 28.0, gap = 6.0, row = Self.legendFont * 1.6, margin = 8.0
        let fitting = max(1, Int((area.height - 2 * margin - 2 * padding) / row))
        let shown = named.count <= fitting ? named : Array(named.prefix(fitting - 1))
        let more = named.count - shown.count
        let longest = max(40, area.width / 2 - handle - gap - 2 * padding)
        let texts = shown.map { canvas.truncated(chart.series[$0].name, size: Self.legendFont, maxWidth: longest) }
            + (more > 0 ? ["+\(more) more"] : [])
        let widest = texts.map { canvas.textWidth($0, size: Self.legendFont) }.max() ?? 0
        let width = (padding + handle + gap + widest + padding).rounded(.up)
        let height = (2 * padding + Double(texts.count) * row).rounded(.up)
        let position = LegendPosition.best(width: width, height: height, in: area, padding: margin, curves: curves)
        let box = position.box(width: width, height: height, in: area, padding: margin)

        canvas.fill(box, radius: 3, color: .white, alpha: 0.8)
        canvas.stroke(box.inset(by: 0.5), color: .legendFrame, lineWidth: 1, radius: 3)
        for (line, text) in texts.enumerated() {
            let y = box.y + padding + (Double(line) + 0.5) * row
            if line < shown.count {
                let (color, dash) = look(of: shown[line])
                canvas.stroke([Point(x: box.x + padding, y: y), Point(x: box.x + padding + handle, y: y)],
                              color: color, lineWidth: Self.lineWidth, dash: dash)
            }
            canvas.text(text, at: Point(x: box.x + padding + handle + gap, y: y), size: Self.legendFont,
                        baseline: .middle)
        }
    }
}
