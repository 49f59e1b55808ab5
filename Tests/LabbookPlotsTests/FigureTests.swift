import Testing
import LabbookPlots

/// Every figure kind: it renders at its size, decodes back through libpng, and is deterministic.
@Suite struct FigureTests {
    static let all: [(String, Figure)] = [
        ("learning-curves", Samples.learningCurves),
        ("comparison", Samples.comparison),
        ("image", Samples.imageFigure),
        ("grid", Samples.grid),
        ("wide-image-no-title", .image(ImageFigure(image: GrayImage(width: 40, height: 10, pixels: (0..<400).map { Float($0 % 40) }),
                                                   width: 500, height: 220))),
    ]

    @Test(arguments: all)
    func rendersAndDecodesAtItsSize(name: String, figure: Figure) throws {
        let png = try renderPNG(figure)
        let bitmap = try PNGReader.decode(png)
        #expect(bitmap.width == figure.width)
        #expect(bitmap.height == figure.height)
        // Something is drawn on the background: not a blank page, not one solid block.
        let ink = Self.inkShare(bitmap)
        #expect(ink > 0.005 && ink < 0.95, "\(name): \(ink * 100) % of the pixels differ from the background")
        #expect(Set(bitmap.rgba).count > 2, "\(name) has \(Set(bitmap.rgba).count) distinct channel values")
        try saveIfAsked(png, as: name)
    }

    /// The share of pixels that differ from the top-left corner's (the background).
    static func inkShare(_ bitmap: Bitmap) -> Double {
        let background = bitmap.pixel(x: 0, y: 0)
        var ink = 0
        for y in 0..<bitmap.height { for x in 0..<bitmap.width where bitmap.pixel(x: x, y: y) != background { ink += 1 } }
        return Double(ink) / Double(bitmap.width * bitmap.height)
    }

    /// Another figure draws other pixels: the content, not only the size, comes from the model.
    @Test func theDataChangesThePixels() throws {
        let rising = Figure.lineChart(LineChart(series: [Series(name: "a", x: [1, 2, 3], y: [0, 1, 2])], width: 200, height: 150))
        let falling = Figure.lineChart(LineChart(series: [Series(name: "a", x: [1, 2, 3], y: [2, 1, 0])], width: 200, height: 150))
        #expect(try PNGReader.decode(rising.renderPNG()) != PNGReader.decode(falling.renderPNG()))
    }

    @Test(arguments: all)
    func sameFigureGivesSameBytes(name: String, figure: Figure) throws {
        #expect(try figure.renderPNG() == figure.renderPNG())
    }

    @Test func sizeComesFromTheModel() throws {
        let chart = Figure.lineChart(.learningCurves(Samples.history, ylim: 0...1, width: 800, height: 300))
        let png = try chart.renderPNG()
        try saveIfAsked(png, as: "learning-curves-ylim-800x300")
        let bitmap = try PNGReader.decode(png)
        #expect((bitmap.width, bitmap.height) == (800, 300))
    }

    @Test(arguments: all)
    func sizedChangesOnlyTheGivenSides(name: String, figure: Figure) throws {
        let wider = figure.sized(width: 500, height: nil)
        #expect((wider.width, wider.height) == (500, figure.height))
        let both = figure.sized(width: 300, height: 200)
        let bitmap = try PNGReader.decode(both.renderPNG())
        #expect((bitmap.width, bitmap.height) == (300, 200))
        #expect(figure.sized(width: nil, height: nil) == figure)
    }

    @Test(arguments: [(0, 10), (10, 0), (-5, 100), (100, Figure.maxSide + 1)])
    func badSizesThrow(width: Int, height: Int) {
        let figure = Figure.lineChart(LineChart(series: [], width: width, height: height))
        #expect(throws: PlotError.invalidSize(width: width, height: height)) { try figure.renderPNG() }
    }

    @Test func longTextsAreShortenedToFit() throws {
        let essay = "A title pasted by mistake, " + String(repeating: "and longer ", count: 10_000)
        func figures(_ text: String) -> [Figure] {
            let chart = LineChart(title: text, xLabel: text, yLabel: text, series: [Series(name: text, x: [1, 2], y: [1, 2])])
            return [.lineChart(chart), .image(ImageFigure(image: Samples.image, title: text)),
                    .imageGrid(ImageGrid(images: [Samples.image], captions: [text], title: text))]
        }
        for (long, short) in zip(figures(essay), figures("A short title")) {
            let png = try long.renderPNG()
            try saveIfAsked(png, as: "long-texts-\(long.testDescription)")
            let bitmap = try PNGReader.decode(png)
            #expect(bitmap.width == long.width)
            // Shortened to its line, the long text inks about as much as a short one would, not
            // a page of it.
            let inkLong = Self.inkShare(bitmap), inkShort = Self.inkShare(try PNGReader.decode(short.renderPNG()))
            #expect(inkLong < inkShort + 0.15, "\(long.testDescription): \(inkLong * 100) % ink, \(inkShort * 100) % with a short text")
        }
    }

    @Test func tinyFiguresStillRender() throws {
        for figure in [Figure.lineChart(.learningCurves(Samples.history, title: "t", width: 8, height: 8)),
                       .image(ImageFigure(image: Samples.image, title: "t", width: 5, height: 5)),
                       .imageGrid(ImageGrid(images: [Samples.image], width: 3, height: 3))] {
            let bitmap = try PNGReader.decode(figure.renderPNG())
            #expect((bitmap.width, bitmap.height) == (figure.width, figure.height))
        }
    }
}

/// Test arguments print as their kind and size, not their every pixel.
extension Figure: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .lineChart: "line chart \(width)×\(height)"
        case .image: "image \(width)×\(height)"
        case .imageGrid: "image grid \(width)×\(height)"
        }
    }
}
