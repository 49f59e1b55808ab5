/// The plain window maximum the 8-channel kernel is pinned to.
extension MaxPooling2D {
    /// `maximum(_:cells:channels:into:winners:)` one channel at a time: the first largest value
    /// of the window's cells in reading order (a later cell wins only when strictly greater, so a
    /// NaN wins only from the first cell), and its index within the example.
    static func referenceMaximum(_ image: UnsafePointer<Float>, cells: UnsafeBufferPointer<Int>, channels: Int,
                                 into out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>) {
        for c in 0..<channels {
            var at = cells[0] * channels + c
            var best = image[at]
            for cell in cells.dropFirst() {
                let value = image[cell * channels + c]
                if value > best {
                    best = value
                    at = cell * channels + c
                }
            }
            out[c] = best
            winners[c] = Int32(truncatingIfNeeded: at)
        }
    }
}
