import Testing
@testable import LabbookPlots

/// The pure geometry under the charts: clipping curves and placing the legend.
@Suite struct GeometryTests {
    let area = Rect(x: 0, y: 0, width: 100, height: 100)

    @Test func clipKeepsWhatIsInsideAndCutsAtTheEdges() {
        let inside = [Point(x: 10, y: 10), Point(x: 90, y: 90)]
        #expect(clip(inside, to: area) == [inside])
        #expect(clip([Point(x: 50, y: 50), Point(x: 50, y: 150)], to: area) == [[Point(x: 50, y: 50), Point(x: 50, y: 100)]])
        #expect(clip([Point(x: -10, y: -10), Point(x: -20, y: 50)], to: area).isEmpty)
        #expect(clip([Point(x: 500, y: 500)], to: area).isEmpty)
    }

    @Test func aCurveLeavingAndComingBackIsTwoPieces() {
        let curve = [Point(x: 10, y: 50), Point(x: 50, y: -1e9), Point(x: 90, y: 50)]
        let pieces = clip(curve, to: area)
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { $0.allSatisfy { $0.y >= 0 && $0.y <= 100 } })
    }

    @Test func legendGoesToTheFirstFreePositionInMatplotlibsOrder() {
        #expect(LegendPosition.best(width: 20, height: 20, in: area, padding: 5, curves: []) == .upperRight)
        // A curve along the top half pushes the legend to the bottom left.
        let top = [Point(x: 0, y: 10), Point(x: 100, y: 10)]
        #expect(LegendPosition.best(width: 20, height: 20, in: area, padding: 5, curves: [top]) == .lowerLeft)
        // Falling from top left to bottom right leaves the upper right corner free.
        let falling = [Point(x: 0, y: 0), Point(x: 100, y: 100)]
        #expect(LegendPosition.best(width: 20, height: 20, in: area, padding: 5, curves: [falling]) == .upperRight)
        // Curves hugging the top and bottom edges leave the middle.
        let bottom = [Point(x: 0, y: 90), Point(x: 100, y: 90)]
        #expect(LegendPosition.best(width: 20, height: 20, in: area, padding: 5, curves: [top, bottom]) == .centerRight)
    }

    @Test func legendBoxesStayInsideTheArea() {
        for position in LegendPosition.allCases {
            let box = position.box(width: 30, height: 20, in: area, padding: 8)
            #expect(box.x >= 8 && box.maxX <= 92 && box.y >= 8 && box.maxY <= 92)
        }
    }
}
