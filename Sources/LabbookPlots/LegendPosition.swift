/// Where in the plot area the legend can sit: matplotlib's `loc` values that `loc="best"` tries.
enum LegendPosition: CaseIterable {
    // In matplotlib's order of preference, which breaks ties.
    case upperRight, upperLeft, lowerLeft, lowerRight, centerRight, centerLeft, lowerCenter, upperCenter, center

    /// The `width`×`height` box at this position in `area`, `padding` pixels in from its edges,
    /// on whole pixels.
    func box(width: Double, height: Double, in area: Rect, padding: Double) -> Rect {
        let left = area.x + padding, right = area.maxX - padding - width
        let top = area.y + padding, bottom = area.maxY - padding - height
        let middleX = area.x + (area.width - width) / 2, middleY = area.y + (area.height - height) / 2
        let (x, y): (Double, Double) = switch self {
        case .upperRight: (right, top)
        case .upperLeft: (left, top)
        case .lowerLeft: (left, bottom)
        case .lowerRight: (right, bottom)
        case .centerRight: (right, middleY)
        case .centerLeft: (left, middleY)
        case .lowerCenter: (middleX, bottom)
        case .upperCenter: (middleX, top)
        case .center: (middleX, middleY)
        }
        return Rect(x: x.rounded(.down), y: y.rounded(.down), width: width, height: height)
    }

    /// The position whose legend box covers the fewest points of `curves`, sampled every couple
    /// of pixels along each segment; ties go to the earlier position in matplotlib's order.
    static func best(width: Double, height: Double, in area: Rect, padding: Double, curves: [[Point]]) -> LegendPosition {
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
