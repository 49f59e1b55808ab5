/// Cuts a polyline to the parts inside `rect` (Liang–Barsky on each segment).
///
/// Drawing only what is inside keeps cairo away from coordinates far off the canvas (a loss of
/// 1e9 under `ylim: 0...1`), and lets the legend count only the visible parts of each curve.
/// Consecutive segments stay one polyline while the cut does not separate them.
func clip(_ polyline: [Point], to rect: Rect) -> [[Point]] {
    if polyline.count == 1 { return rect.contains(polyline[0]) ? [polyline] : [] }
    var pieces: [[Point]] = []
    var current: [Point] = []
    for (a, b) in zip(polyline, polyline.dropFirst()) {
        guard let (start, end) = clipSegment(a, b, to: rect) else { continue }
        if let last = current.last, last == start {
            current.append(end)
        } else {
            if !current.isEmpty { pieces.append(current) }
            current = [start, end]
        }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
}

/// The part of segment `a`–`b` inside `rect`, or `nil` when none is.
private func clipSegment(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
    let dx = b.x - a.x, dy = b.y - a.y
    var t0 = 0.0, t1 = 1.0
    // Each edge as (p, q): the segment is inside that edge where p·t ≤ q.
    let edges = [(-dx, a.x - rect.x), (dx, rect.maxX - a.x), (-dy, a.y - rect.y), (dy, rect.maxY - a.y)]
    for (p, q) in edges {
        if p == 0 {
            if q < 0 { return nil }
        } else {
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        }
    }
    guard t0 <= t1 else { return nil }
    let start = t0 == 0 ? a : Point(x: a.x + t0 * dx, y: a.y + t0 * dy)
    let end = t1 == 1 ? b : Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
    return (start, end)
}
