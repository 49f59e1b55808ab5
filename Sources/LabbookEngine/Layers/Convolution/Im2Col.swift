/// The patches of a channels-last image batch laid out as matrix rows (im2col), and the way
/// back (col2im), so that a convolution is one matrix product.
///
/// Row `(n, oy, ox)` of the patch matrix holds the window at output position `(oy, ox)` of
/// example `n`, in the kernel's order `(ky, kx, channel)`: zeros where the window hangs over
/// the padding. A kernel `[kh, kw, in, out]` read row-major is then the `[kh·kw·in, out]` matrix
/// that multiplies it.
struct PatchLayout {
    let height: Int, width: Int, channels: Int
    let window: Window
    let rows: Window.Axis, columns: Window.Axis

    /// Values per patch row: `kh · kw · channels`.
    var patchSize: Int { window.height * window.width * channels }
    /// Output positions per example.
    var positions: Int { rows.count * columns.count }
    /// Values per input example.
    var exampleSize: Int { height * width * channels }

    /// Fills `patches` (`examples · positions` rows of `patchSize`) from `examples` images at
    /// `input`, the examples split over the engine's threads.
    func gather(_ input: UnsafePointer<Float>, examples: Int, into patches: UnsafeMutablePointer<Float>) {
        Parallel.forEachRange(examples, cost: examples * positions * patchSize) { range in
            gatherExamples(input + range.lowerBound * exampleSize, examples: range.count,
                           into: patches + range.lowerBound * positions * patchSize)
        }
    }

    /// Adds each patch row's values back onto the image positions they were read from
    /// (the transpose of `gather`); `output` (`examples` images) is zeroed first. The examples
    /// are split over the engine's threads (each example's sums keep their order).
    func scatter(_ patches: UnsafePointer<Float>, examples: Int, into output: UnsafeMutablePointer<Float>) {
        Parallel.forEachRange(examples, cost: examples * positions * patchSize) { range in
            scatterExamples(patches + range.lowerBound * positions * patchSize, examples: range.count,
                            into: output + range.lowerBound * exampleSize)
        }
    }

    /// ``gather(_:examples:into:)`` on one thread.
    private func gatherExamples(_ input: UnsafePointer<Float>, examples: Int, into patches: UnsafeMutablePointer<Float>) {
        let rowLength = window.width * channels
        var out = patches
        for n in 0..<examples {
            let image = input + n * exampleSize
            for oy in 0..<rows.count {
                let top = oy * window.strideY - rows.before
                for ox in 0..<columns.count {
                    let left = ox * window.strideX - columns.before
                    let inside = left >= 0 && left + window.width <= width
                    for ky in 0..<window.height {
                        let y = top + ky
                        guard y >= 0 && y < height else {
                            out.update(repeating: 0, count: rowLength)
                            out += rowLength
                            continue
                        }
                        let line = image + y * width * channels
                        if inside {
                            out.update(from: line + left * channels, count: rowLength)
                            out += rowLength
                            continue
                        }
                        for kx in 0..<window.width {
                            let x = left + kx
                            if x >= 0 && x < width {
                                out.update(from: line + x * channels, count: channels)
                            } else {
                                out.update(repeating: 0, count: channels)
                            }
                            out += channels
                        }
                    }
                }
            }
        }
    }

    /// ``scatter(_:examples:into:)`` on one thread.
    private func scatterExamples(_ patches: UnsafePointer<Float>, examples: Int, into output: UnsafeMutablePointer<Float>) {
        output.update(repeating: 0, count: examples * exampleSize)
        var source = patches
        for n in 0..<examples {
            let image = output + n * exampleSize
            for oy in 0..<rows.count {
                let top = oy * window.strideY - rows.before
                for ox in 0..<columns.count {
                    let left = ox * window.strideX - columns.before
                    for ky in 0..<window.height {
                        let y = top + ky
                        guard y >= 0 && y < height else {
                            source += window.width * channels
                            continue
                        }
                        let line = image + y * width * channels
                        for kx in 0..<window.width {
                            let x = left + kx
                            if x >= 0 && x < width {
                                let target = line + x * channels
                                for c in 0..<channels { target[c] += source[c] }
                            }
                            source += channels
                        }
                    }
                }
            }
        }
    }
}
