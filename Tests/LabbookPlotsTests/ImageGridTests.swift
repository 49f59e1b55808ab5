import Testing
import LabbookPlots

@Suite struct ImageGridTests {
    static let pixel = GrayImage(width: 1, height: 1, pixels: [1])

    @Test(arguments: [(1, 5, 1, 1), (5, 5, 5, 1), (10, 5, 5, 2), (11, 5, 5, 3), (3, 0, 1, 3)])
    func defaultSizeFollowsTheLayout(images: Int, columns: Int, usedColumns: Int, rows: Int) {
        let grid = ImageGrid(images: Array(repeating: Self.pixel, count: images), columns: columns)
        #expect(grid.width == usedColumns * 100 + 16)
        #expect(grid.height == rows * 120 + 16)
    }

    @Test func longCaptionsWidenTheCellsUpToALimit() {
        let images = Array(repeating: Self.pixel, count: 4)
        #expect(ImageGrid(images: images, captions: ["T-shirt/top"], columns: 4).width == 4 * 100 + 16)
        // 20 characters · 6.5 px + 8 = 138 px a cell.
        #expect(ImageGrid(images: images, captions: ["Coat", "T-shirt/top → Sandal"], columns: 4).width == 4 * 138 + 16)
        #expect(ImageGrid(images: images, captions: [String(repeating: "x", count: 80)], columns: 4).width == 4 * 180 + 16)
    }

    @Test func eachImageIsNormalisedOnItsOwn() throws {
        // Two 1×2 images: [0, 1] and [100, 200]; each maps to black and white.
        let grid = ImageGrid(images: [GrayImage(width: 1, height: 2, pixels: [0, 1]),
                                      GrayImage(width: 1, height: 2, pixels: [100, 200])], columns: 2)
        let bitmap = try PNGReader.decode(Figure.imageGrid(grid).renderPNG())
        let darkest = bitmap.rgba.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        #expect(darkest.filter { $0 == 0 }.count > 1000)
    }

    @Test func emptyGridDrawsAnEmptyFigure() throws {
        let grid = ImageGrid(images: [], captions: ["ignored"], title: "no images")
        let bitmap = try PNGReader.decode(Figure.imageGrid(grid).renderPNG())
        #expect((bitmap.width, bitmap.height) == (grid.width, grid.height))
    }

    @Test func missingCaptionsAndEmptyImagesAreFine() throws {
        let grid = ImageGrid(images: [Self.pixel, GrayImage(width: 0, height: 0, pixels: []), Self.pixel], captions: ["only one"])
        #expect(try PNGReader.decode(Figure.imageGrid(grid).renderPNG()).width == grid.width)
    }

    @Test func aBadImageInTheGridThrows() {
        let grid = ImageGrid(images: [Self.pixel, GrayImage(width: 2, height: 2, pixels: [1])])
        #expect(throws: PlotError.pixelCountMismatch(width: 2, height: 2, count: 1)) { try Figure.imageGrid(grid).renderPNG() }
    }
}
