import CCairo

/// A drawing surface backed by cairo: the only file that talks to cairo.
///
/// `draw(width:height:_:)` creates the surface, lets the body draw with Swift values only, copies
/// the pixels out as a `Bitmap` and destroys every cairo object before returning. Text is
/// DejaVu Sans through cairo's toy font API, with fixed font options (gray anti-aliasing, no
/// hint metrics) so that the pixels do not depend on the desktop's font settings.
final class CairoCanvas {
    private let context: OpaquePointer

    private init(context: OpaquePointer) {
        self.context = context
    }

    /// A white `width`×`height` canvas handed to `body`, then its pixels.
    static func draw(width: Int, height: Int, _ body: (CairoCanvas) throws -> Void) throws -> Bitmap {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw PlotError.cairo("no surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        guard let context = cairo_create(surface) else { throw PlotError.cairo("no context") }
        defer { cairo_destroy(context) }
        try check(cairo_status(context))

        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)

        let canvas = CairoCanvas(context: context)
        canvas.fill(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), color: .white)
        try body(canvas)
        try check(cairo_status(context))
        cairo_surface_flush(surface)
        return pixels(of: surface, width: width, height: height)
    }

    // MARK: Shapes

    /// Fills `rect` with `color`.
    func fill(_ rect: Rect, color: Color) {
        setColor(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Strokes the outline of `rect`, rounding its corners by `radius`.
    func stroke(_ rect: Rect, color: Color, lineWidth: Double, radius: Double = 0) {
        roundedRectPath(rect, radius: radius)
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_dash(context, nil, 0, 0)
        cairo_stroke(context)
    }

    /// Fills `rect` with rounded corners.
    func fill(_ rect: Rect, radius: Double, color: Color, alpha: Double = 1) {
        roundedRectPath(rect, radius: radius)
        setColor(color, alpha: alpha)
        cairo_fill(context)
    }

    /// Strokes the polyline through `points` with round joins; `dash` is the on/off pattern in
    /// pixels, empty for a solid line.
    func stroke(_ points: [Point], color: Color, lineWidth: Double, dash: [Double] = []) {
        guard let first = points.first else { return }
        cairo_new_path(context)
        cairo_move_to(context, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(context, p.x, p.y) }
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, dash.isEmpty ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(context)
    }

    /// Fills a disc of `radius` around `center`.
    func fillCircle(center: Point, radius: Double, color: Color) {
        cairo_new_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        setColor(color)
        cairo_fill(context)
    }

    /// Runs `body` with drawing restricted to `rect`.
    func clipped(to rect: Rect, _ body: () -> Void) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        body()
        cairo_restore(context)
    }

    // MARK: Images

    /// Draws gray levels (`nil` is transparent) scaled into `rect` nearest-neighbour, no smoothing.
    func drawGray(_ levels: [UInt8?], width: Int, height: Int, in rect: Rect) {
        guard width > 0, height > 0, let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else { return }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else { return }
        let stride = Int(cairo_image_surface_get_stride(image))
        for row in 0..<height {
            let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width {
                // ARGB32 is premultiplied native-endian 0xAARRGGBB; transparent is all zero.
                line[column] = levels[row * width + column].map { g in
                    0xFF00_0000 | UInt32(g) << 16 | UInt32(g) << 8 | UInt32(g)
                } ?? 0
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_rectangle(context, 0, 0, Double(width), Double(height))
        cairo_fill(context)
        cairo_restore(context)
    }

    // MARK: Text

    /// How text sits on the point it is drawn at.
    enum Anchor {
        case start, center, end
    }

    /// Where the point is vertically: the top or middle of the capital letters, or the baseline.
    enum Baseline {
        case top, middle, alphabetic
    }

    /// The advance width of `text` in pixels at `size`.
    func textWidth(_ text: String, size: Double) -> Double {
        selectFont(size: size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws `text` in black at `point`, turned a quarter counter-clockwise when `upright` is false.
    func text(_ text: String, at point: Point, size: Double,
              anchor: Anchor = .start, baseline: Baseline = .alphabetic, upright: Bool = true) {
        let width = textWidth(text, size: size)
        let dx: Double = switch anchor {
        case .start: 0
        case .center: -width / 2
        case .end: -width
        }
        // DejaVu Sans capitals are 0.73 em tall.
        let dy: Double = switch baseline {
        case .top: 0.73 * size
        case .middle: 0.365 * size
        case .alphabetic: 0
        }
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        if !upright { cairo_rotate(context, -Double.pi / 2) }
        cairo_move_to(context, dx, dy)
        setColor(.black)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    /// `text`, shortened with an ellipsis until it is at most `maxWidth` wide.
    func truncated(_ text: String, size: Double, maxWidth: Double) -> String {
        guard textWidth(text, size: size) > maxWidth else { return text }
        // Binary search on the number of characters kept: a pasted essay costs ~20 measurements.
        let characters = Array(text)
        var fits = 0, tooLong = characters.count
        while tooLong - fits > 1 {
            let middle = (fits + tooLong) / 2
            if textWidth(String(characters[..<middle]) + "…", size: size) <= maxWidth { fits = middle } else { tooLong = middle }
        }
        return String(characters[..<fits]) + "…"
    }

    // MARK: Private

    private func setColor(_ color: Color, alpha: Double = 1) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, alpha)
    }

    private func selectFont(size: Double) {
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }

    private func roundedRectPath(_ rect: Rect, radius: Double) {
        cairo_new_path(context)
        guard radius > 0 else {
            cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
            return
        }
        let r = min(radius, rect.width / 2, rect.height / 2)
        let half = Double.pi / 2
        cairo_arc(context, rect.maxX - r, rect.y + r, r, -half, 0)
        cairo_arc(context, rect.maxX - r, rect.maxY - r, r, 0, half)
        cairo_arc(context, rect.x + r, rect.maxY - r, r, half, 2 * half)
        cairo_arc(context, rect.x + r, rect.y + r, r, 2 * half, 3 * half)
        cairo_close_path(context)
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else { throw PlotError.cairo(String(cString: cairo_status_to_string(status))) }
    }

    /// The RGB24 surface's pixels (native-endian 0x00RRGGBB words) as opaque RGBA bytes.
    private static func pixels(of surface: OpaquePointer, width: Int, height: Int) -> Bitmap {
        let data = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width {
                let word = line[column], i = (row * width + column) * 4
                rgba[i] = UInt8(truncatingIfNeeded: word >> 16)
                rgba[i + 1] = UInt8(truncatingIfNeeded: word >> 8)
                rgba[i + 2] = UInt8(truncatingIfNeeded: word)
            }
        }
        return Bitmap(width: width, height: height, rgba: rgba)
    }
}
