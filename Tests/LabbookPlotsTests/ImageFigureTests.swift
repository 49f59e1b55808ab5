import Testing
@testable import LabbookPlots

/// Gray images: matplotlib's gray colormap, nearest-neighbour scaling, sharp pixels.
@Suite struct ImageFigureTests {
    /// A 2×2 image [[0, 1], [2, 3]] alone in a 100×100 figure: an 80×80 box at (10, 10),
    /// each source pixel a 40×40 square.
    func quadrants(_ pixels: [Float]) throws -> Bitmap {
        let figure = ImageFigure(image: GrayImage(width: 2, height: 2, pixels: pixels), showsAxes: false,
                                 width: 100, height: 100)
        return try PNGReader.decode(Figure.image(figure).renderPNG())
    }

    @Test func pixelsTakeTheGrayOfTheirValueScaledBetweenMinAndMax() throws {
        let bitmap = try quadrants([0, 1, 2, 3])
        // ⌊v·256⌋ of the normalised values 0, 1/3, 2/3, 1, the last clamped to 255.
        let expected: [(x: Int, y: Int, gray: UInt8)] = [(30, 30, 0), (70, 30, 85), (30, 70, 170), (70, 70, 255)]
        for (x, y, gray) in expected {
            #expect(bitmap.pixel(x: x, y: y) == RGBA(red: gray, green: gray, blue: gray))
        }
    }

    @Test func scalingIsNearestNeighbourWithSharpEdges() throws {
        let bitmap = try quadrants([0, 3, 3, 0])
        // Either side of the boundary between columns at x = 50: pure black, pure white.
        #expect(bitmap.pixel(x: 49, y: 30) == RGBA(red: 0, green: 0, blue: 0))
        #expect(bitmap.pixel(x: 50, y: 30) == RGBA(red: 255, green: 255, blue: 255))
        #expect(bitmap.pixel(x: 10, y: 10) == RGBA(red: 0, green: 0, blue: 0))
        #expect(bitmap.pixel(x: 9, y: 9) == RGBA(red: 255, green: 255, blue: 255))
    }

    @Test func notFiniteValuesShowTheBackground() throws {
        let bitmap = try quadrants([0, .nan, 2, 4])
        #expect(bitmap.pixel(x: 70, y: 30) == RGBA(red: 255, green: 255, blue: 255))
        #expect(bitmap.pixel(x: 30, y: 70) == RGBA(red: 127, green: 127, blue: 127) || bitmap.pixel(x: 30, y: 70) == RGBA(red: 128, green: 128, blue: 128))
    }

    @Test func grayLevelsFollowMatplotlib() throws {
        #expect(try GrayImage(width: 3, height: 1, pixels: [0, 127.5, 255]).grayLevels() == [0, 128, 255])
        #expect(try GrayImage(width: 2, height: 1, pixels: [7, 7]).grayLevels() == [0, 0])
        #expect(try GrayImage(width: 2, height: 1, pixels: [.nan, .infinity]).grayLevels() == [nil, nil])
    }

    @Test func wrongPixelCountThrows() {
        let figure = Figure.image(ImageFigure(image: GrayImage(width: 28, height: 28, pixels: [1, 2, 3])))
        #expect(throws: PlotError.pixelCountMismatch(width: 28, height: 28, count: 3)) { try figure.renderPNG() }
    }

    @Test(arguments: [(-1, -1, 1), (Int.max, 2, 0), (1 << 40, 1 << 40, 0), (3, 3, 8)])
    func impossibleShapesThrow(width: Int, height: Int, count: Int) {
        let image = GrayImage(width: width, height: height, pixels: Array(repeating: 1, count: count))
        #expect(throws: PlotError.pixelCountMismatch(width: width, height: height, count: count)) {
            try Figure.image(ImageFigure(image: image)).renderPNG()
        }
    }

    @Test func zeroSizeImageDrawsAnEmptyFigure() throws {
        let figure = Figure.image(ImageFigure(image: GrayImage(width: 0, height: 0, pixels: []), title: "nothing"))
        let bitmap = try PNGReader.decode(figure.renderPNG())
        #expect((bitmap.width, bitmap.height) == (400, 400))
        #expect(bitmap.pixel(x: 200, y: 200) == RGBA(red: 255, green: 255, blue: 255))
    }

    @Test func axesFrameTheImage() throws {
        let figure = ImageFigure(image: GrayImage(width: 2, height: 2, pixels: [1, 1, 1, 1]), width: 200, height: 200)
        let bitmap = try PNGReader.decode(Figure.image(figure).renderPNG())
        // The constant image is black; just outside it, left of its middle row, the frame and a tick.
        let row = 100
        let firstDark = try #require((0..<200).first { bitmap.pixel(x: $0, y: row).red < 100 })
        #expect(firstDark > 20 && firstDark < 60)
    }
}
