/// A position on the canvas in pixels, y growing downwards.
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle on the canvas, in pixels.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func contains(_ p: Point) -> Bool {
        p.x >= x && p.x <= maxX && p.y >= y && p.y <= maxY
    }

    /// The rectangle moved in by `d` on every side (grown when `d` is negative).
    func inset(by d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}
