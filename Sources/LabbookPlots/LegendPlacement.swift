/// A corner of the plot area where the legend can sit.
enum LegendCorner: CaseIterable {
    // matplotlib's order of preference for `loc="best"` among the corners.
    case upperRight, upperLeft, lowerLeft, lowerRight

    /// The box of `size` in this corner of `area`, `padding` pixels in from its edges.
    func box(width: Double, height: Double, in area: Rect, padding: Double) -> Rect {
        let left = area.x + padding, right = area.maxX - padding - width
        let top = area.y + padding, bottom = area.maxY - padding - height
        switch self {
        case .upperRight: return Rect(x: right, y: top, width: width, height: height)
        case .upperLeft: return Rect(x: left, y: top, width: width, height: height)
        case .lowerLeft: return Rect(x: left, y: bottom, width: width, height: height)
        case .lowerRight: return Rect(x: right, y: bottom, width: width, height: height)
        }
    }

    /// The corner whose legend box covers the fewest points of `curves`, sampled every couple of
    /// pixels along each segment; ties go to the earlier corner in matplotlib's order.
    static func best(width: Double, height: Double, in area: Rect, padding: Double, curves: [[Point]]) -> LegendCorner {
        let samples = curves.flatMap(sampled)
        return allCases.min { a, b in
            let boxA = a.box(width: width, height: height, in: area, padding: padding)
            let boxB = b.box(width: width, height: height, in: area, padding: padding)
            return samples.count(where: boxA.contains) < samples.count(where: boxB.contains)
        } ?? .upperRight
    }

    /// The points of a polyline every 2 pixels or so, its vertices included.
    private static func sampled(_ curve: [Point]) -> [Point] {
        guard curve.count > 1 else { return curve }
        var points = [curve[0]]
        for (a, b) in zip(curve, curve.dropFirst()) {
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let steps = max(1, min(10_000, Int(length / 2)))
            for i in 1...steps {
                let t = Double(i) / Double(steps)
                points.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
            }
        }
        return points
    }
}
