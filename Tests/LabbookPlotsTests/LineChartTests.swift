import Testing
import LabbookPlots

/// Curves land where their data says, and awkward data draws without crashing.
@Suite struct LineChartTests {
    static let red = Color(hex: 0xD62728)

    /// A chart of one horizontal red line at `y` under `ylim: 0...1`, decoded back from PNG.
    func horizontalLine(at y: Double) throws -> Bitmap {
        let chart = LineChart(series: [Series(name: "", x: [0, 10], y: [y, y], color: Self.red)],
                              ylim: 0...1, width: 400, height: 300)
        return try PNGReader.decode(Figure.lineChart(chart).renderPNG())
    }

    @Test(arguments: [0.5, 0.25, 0.9])
    func horizontalLineSitsAtItsValue(y: Double) throws {
        let bitmap = try horizontalLine(at: y)
        let column = 200
        let reddest = try #require((0..<bitmap.height).max { redness(bitmap.pixel(x: column, y: $0)) < redness(bitmap.pixel(x: column, y: $1)) })
        #expect(isClose(bitmap.pixel(x: column, y: reddest), to: RGBA(red: 214, green: 39, blue: 40)))
        // The frame: the first black pixels above and below the line in that column.
        let top = try #require((0..<reddest).last { bitmap.pixel(x: column, y: $0) == RGBA(red: 0, green: 0, blue: 0) })
        let bottom = try #require((reddest..<bitmap.height).first { bitmap.pixel(x: column, y: $0) == RGBA(red: 0, green: 0, blue: 0) })
        let expected = Double(top) + (1 - y) * Double(bottom - top)
        #expect(abs(Double(reddest) - expected) <= 1.5)
        // Away from the line the plot is background: white or grid gray, never red.
        for row in [top + 3, bottom - 3] where abs(row - reddest) > 4 {
            let pixel = bitmap.pixel(x: column, y: row)
            #expect(pixel.red == pixel.green && pixel.green == pixel.blue)
        }
    }

    @Test(arguments: [2.0, 5.0, 9.0])
    func verticalLineSitsAtItsX(x: Double) throws {
        // A frame from x = 0 to 10 (two invisible points fix the range), a red vertical line at `x`.
        let chart = LineChart(series: [Series(name: "", x: [0, 10], y: [0, 1], color: Color(hex: 0xFFFFFF)),
                                       Series(name: "", x: [x, x], y: [0, 1], color: Self.red)],
                              width: 400, height: 300)
        let bitmap = try PNGReader.decode(Figure.lineChart(chart).renderPNG())
        let row = 150
        let reddest = try #require((0..<bitmap.width).max { redness(bitmap.pixel(x: $0, y: row)) < redness(bitmap.pixel(x: $1, y: row)) })
        #expect(isClose(bitmap.pixel(x: reddest, y: row), to: RGBA(red: 214, green: 39, blue: 40)))
        let left = try #require((0..<reddest).last { bitmap.pixel(x: $0, y: row) == RGBA(red: 0, green: 0, blue: 0) })
        let right = try #require((reddest..<bitmap.width).first { bitmap.pixel(x: $0, y: row) == RGBA(red: 0, green: 0, blue: 0) })
        // The x range is 0...10 widened by 5 % on each side: -0.5...10.5.
        let expected = Double(left) + (x + 0.5) / 11 * Double(right - left)
        #expect(abs(Double(reddest) - expected) <= 1.5)
    }

    @Test func partOfACurveOutsideYlimIsCutAtTheFrame() throws {
        let chart = LineChart(series: [Series(name: "", x: [0, 1, 2], y: [0.5, 1e12, 0.5], color: Self.red)],
                              ylim: 0...1, width: 300, height: 200)
        let bitmap = try PNGReader.decode(Figure.lineChart(chart).renderPNG())
        // Nothing red above the frame's top edge (rows 0...10 hold no plot).
        for row in 0..<10 {
            for column in 0..<bitmap.width { #expect(redness(bitmap.pixel(x: column, y: row)) < 100) }
        }
    }

    @Test(arguments: [
        ("no series", [Series]()),
        ("empty series", [Series(name: "empty", x: [], y: [])]),
        ("one point", [Series(name: "one", x: [1], y: [0.5])]),
        ("NaN inside", [Series(name: "gap", x: [1, 2, 3, 4], y: [0.1, .nan, 0.3, 0.4])]),
        ("only NaN", [Series(name: "nan", x: [1, 2], y: [.nan, .nan])]),
        ("infinities", [Series(name: "inf", x: [1, 2, 3], y: [.infinity, 1, -.infinity])]),
        ("lengths differ", [Series(name: "short", x: [1, 2, 3], y: [1])]),
        ("constant", [Series(name: "flat", x: [1, 2, 3], y: [0, 0, 0])]),
        ("huge", [Series(name: "huge", x: [0, 1], y: [-1e300, 1e300])]),
        ("beyond huge", [Series(name: "overflow", x: [0, 1, 2], y: [-1e308, 1e308, 0])]),
        ("tiny", [Series(name: "tiny", x: [0, 1e-300, 2e-300], y: [.leastNonzeroMagnitude, 0, .leastNormalMagnitude / 1000])]),
        ("many series", (0..<25).map { Series(name: "run \($0)", x: [0, 1], y: [Double($0), Double($0) / 2]) }),
    ])
    func awkwardDataStillDraws(_ name: String, series: [Series]) throws {
        let figure = Figure.lineChart(LineChart(title: name, series: series))
        let png = try figure.renderPNG()
        try saveIfAsked(png, as: "awkward-" + name)
        let bitmap = try PNGReader.decode(png)
        #expect((bitmap.width, bitmap.height) == (640, 420))
    }

    @Test func aSinglePointIsDrawnAsADot() throws {
        let chart = LineChart(series: [Series(name: "", x: [1], y: [0.5], color: Self.red)], width: 300, height: 200)
        let bitmap = try PNGReader.decode(Figure.lineChart(chart).renderPNG())
        let reds = bitmap.rgba.indices.filter { $0 % 4 == 0 && redness(bitmap.pixel(x: ($0 / 4) % 300, y: $0 / 1200)) > 150 }
        #expect(reds.count >= 9)
    }

    @Test func learningCurvesPairTrainingAndValidationMetrics() {
        let chart = LineChart.learningCurves(Samples.history, ylim: 0...1)
        #expect(chart.series.map(\.name) == ["loss", "accuracy", "val_loss", "val_accuracy"])
        #expect(chart.series.map(\.style) == [.solid, .solid, .dashed, .dashed])
        #expect(chart.series[0].color == chart.series[2].color)
        #expect(chart.series[1].color == chart.series[3].color)
        #expect(chart.series[0].color != chart.series[1].color)
        #expect(chart.series[0].x == (1...10).map(Double.init))
        #expect(chart.integerXTicks && chart.ylim == 0...1)
    }

    @Test func comparisonHasOneCurvePerRunAndTheMetricOnY() {
        let chart = LineChart.comparison([("a", [0.8, 0.85]), ("b", [0.81])], metric: "val_accuracy", firstEpoch: 0)
        #expect(chart.series.map(\.name) == ["a", "b"])
        #expect(chart.series[0].x == [0, 1])
        #expect(chart.yLabel == "val_accuracy")
    }
}

/// How much redder than green a pixel is.
func redness(_ pixel: RGBA) -> Int {
    Int(pixel.red) - Int(pixel.green)
}

func isClose(_ a: RGBA, to b: RGBA, tolerance: Int = 12) -> Bool {
    abs(Int(a.red) - Int(b.red)) <= tolerance && abs(Int(a.green) - Int(b.green)) <= tolerance
        && abs(Int(a.blue) - Int(b.blue)) <= tolerance
}
