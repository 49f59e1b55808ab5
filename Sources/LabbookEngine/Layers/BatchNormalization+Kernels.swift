/// The passes of ``BatchNormalization`` over a batch, each element's arithmetic that of the
/// plain loops of `BatchNormalization+Reference.swift` (the same operations, in the same order,
/// so the same bits): the per-feature sums keep up to 32 features' chains in registers over a
/// block of rows (the plain loops load and store each feature's sum at every row), and the
/// per-row passes go 8 features at a time.
extension BatchNormalization {
    typealias Doubles = SIMD4<Double>
    typealias Floats = SIMD8<Float>

    /// `sum[f] = Σ Double(x[r·stride + f])` over the rows in order, for `f < width`.
    static func columnSums(_ x: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                           into sum: UnsafeMutablePointer<Double>) {
        sum.update(repeating: 0, count: width)
        forEachRowBlock(rows, stride: stride) { first, rows in columnSums(x + first * stride, rows: rows, stride: stride, width: width, adding: sum) }
    }

    /// ``columnSums(_:rows:stride:width:into:)`` continued from the sums in `sum`.
    private static func columnSums(_ x: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                                   adding sum: UnsafeMutablePointer<Double>) {
        var f = 0
        while f + 32 <= width {
            var s0 = load(sum + f), s1 = load(sum + f + 4), s2 = load(sum + f + 8), s3 = load(sum + f + 12)
            var s4 = load(sum + f + 16), s5 = load(sum + f + 20), s6 = load(sum + f + 24), s7 = load(sum + f + 28)
            var p = x + f
            for _ in 0..<rows {
                s0 += widened(p); s1 += widened(p + 4); s2 += widened(p + 8); s3 += widened(p + 12)
                s4 += widened(p + 16); s5 += widened(p + 20); s6 += widened(p + 24); s7 += widened(p + 28)
                p += stride
            }
            store(s0, sum + f); store(s1, sum + f + 4); store(s2, sum + f + 8); store(s3, sum + f + 12)
            store(s4, sum + f + 16); store(s5, sum + f + 20); store(s6, sum + f + 24); store(s7, sum + f + 28)
            f += 32
        }
        while f + 4 <= width {
            var s = load(sum + f), p = x + f
            for _ in 0..<rows {
                s += widened(p)
                p += stride
            }
            store(s, sum + f)
            f += 4
        }
        while f < width {
            var s = sum[f], p = x + f
            for _ in 0..<rows {
                s += Double(p.pointee)
                p += stride
            }
            sum[f] = s
            f += 1
        }
    }

    /// `squares[f] = Σ (Double(x[r·stride + f]) − mean[f])²` over the rows in order.
    static func columnSquares(_ x: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                              mean: UnsafePointer<Double>, into squares: UnsafeMutablePointer<Double>) {
        squares.update(repeating: 0, count: width)
        forEachRowBlock(rows, stride: stride) { first, rows in
            columnSquares(x + first * stride, rows: rows, stride: stride, width: width, mean: mean, adding: squares)
        }
    }

    /// ``columnSquares(_:rows:stride:width:mean:into:)`` continued from the sums in `squares`.
    private static func columnSquares(_ x: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                                      mean: UnsafePointer<Double>, adding squares: UnsafeMutablePointer<Double>) {
        var f = 0
        while f + 16 <= width {
            let m0 = load(mean + f), m1 = load(mean + f + 4), m2 = load(mean + f + 8), m3 = load(mean + f + 12)
            var q0 = load(squares + f), q1 = load(squares + f + 4), q2 = load(squares + f + 8), q3 = load(squares + f + 12)
            var p = x + f
            for _ in 0..<rows {
                let d0 = widened(p) - m0, d1 = widened(p + 4) - m1, d2 = widened(p + 8) - m2, d3 = widened(p + 12) - m3
                q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3
                p += stride
            }
            store(q0, squares + f); store(q1, squares + f + 4); store(q2, squares + f + 8); store(q3, squares + f + 12)
            f += 16
        }
        while f + 4 <= width {
            let m = load(mean + f)
            var q = load(squares + f), p = x + f
            for _ in 0..<rows {
                let d = widened(p) - m
                q += d * d
                p += stride
            }
            store(q, squares + f)
            f += 4
        }
        while f < width {
            var q = squares[f], p = x + f
            for _ in 0..<rows {
                let d = Double(p.pointee) - mean[f]
                q += d * d
                p += stride
            }
            squares[f] = q
            f += 1
        }
    }

    /// One row: `h[f] = (x[f] − mean[f]) · inverse[f]`, `out[f] = gamma[f] · h[f] + beta[f]`.
    @inline(__always)
    static func normalizeRow(_ x: UnsafePointer<Float>, count: Int, mean: UnsafePointer<Float>, inverse: UnsafePointer<Float>,
                             gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
                             h: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
        var f = 0
        while f + 8 <= count {
            let hv = (load(x + f) - load(mean + f)) * load(inverse + f)
            store(hv, h + f)
            store(load(gamma + f) * hv + load(beta + f), out + f)
            f += 8
        }
        while f < count {
            h[f] = (x[f] - mean[f]) * inverse[f]
            out[f] = gamma[f] * h[f] + beta[f]
            f += 1
        }
    }

    /// `dBeta[f] = Σ dy[r·stride + f]` and `dGamma[f] = Σ dy·h` over the rows in order (Float).
    static func gradientSums(_ dy: UnsafePointer<Float>, _ h: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                             dBeta: UnsafeMutablePointer<Float>, dGamma: UnsafeMutablePointer<Float>) {
        dBeta.update(repeating: 0, count: width)
        dGamma.update(repeating: 0, count: width)
        forEachRowBlock(rows, stride: stride) { first, rows in
            let offset = first * stride
            gradientSums(dy + offset, h + offset, rows: rows, stride: stride, width: width, addingTo: dBeta, dGamma)
        }
    }

    /// ``gradientSums(_:_:rows:stride:width:dBeta:dGamma:)`` continued from the sums in `dBeta` and `dGamma`.
    private static func gradientSums(_ dy: UnsafePointer<Float>, _ h: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                                     addingTo dBeta: UnsafeMutablePointer<Float>, _ dGamma: UnsafeMutablePointer<Float>) {
        var f = 0
        while f + 32 <= width {
            var b0 = load(dBeta + f), b1 = load(dBeta + f + 8), b2 = load(dBeta + f + 16), b3 = load(dBeta + f + 24)
            var g0 = load(dGamma + f), g1 = load(dGamma + f + 8), g2 = load(dGamma + f + 16), g3 = load(dGamma + f + 24)
            var pg = dy + f, ph = h + f
            for _ in 0..<rows {
                let y0 = load(pg), y1 = load(pg + 8), y2 = load(pg + 16), y3 = load(pg + 24)
                b0 += y0; b1 += y1; b2 += y2; b3 += y3
                g0 += y0 * load(ph); g1 += y1 * load(ph + 8); g2 += y2 * load(ph + 16); g3 += y3 * load(ph + 24)
                pg += stride
                ph += stride
            }
            store(b0, dBeta + f); store(b1, dBeta + f + 8); store(b2, dBeta + f + 16); store(b3, dBeta + f + 24)
            store(g0, dGamma + f); store(g1, dGamma + f + 8); store(g2, dGamma + f + 16); store(g3, dGamma + f + 24)
            f += 32
        }
        while f + 8 <= width {
            var b = load(dBeta + f), g = load(dGamma + f), pg = dy + f, ph = h + f
            for _ in 0..<rows {
                let y = load(pg)
                b += y
                g += y * load(ph)
                pg += stride
                ph += stride
            }
            store(b, dBeta + f)
            store(g, dGamma + f)
            f += 8
        }
        while f < width {
            var b = dBeta[f], g = dGamma[f], pg = dy + f, ph = h + f
            for _ in 0..<rows {
                b += pg.pointee
                g += pg.pointee * ph.pointee
                pg += stride
                ph += stride
            }
            dBeta[f] = b
            dGamma[f] = g
            f += 1
        }
    }

    /// One row of the input gradient: `out[f] = s[f] · (n · dy[f] − dBeta[f] − h[f] · dGamma[f])`.
    @inline(__always)
    static func inputGradientRow(_ dy: UnsafePointer<Float>, _ h: UnsafePointer<Float>, count: Int, n: Float,
                                 scale s: UnsafePointer<Float>, dBeta: UnsafePointer<Float>, dGamma: UnsafePointer<Float>,
                                 into out: UnsafeMutablePointer<Float>) {
        var f = 0
        let nv = Floats(repeating: n)
        while f + 8 <= count {
            store(load(s + f) * (nv * load(dy + f) - load(dBeta + f) - load(h + f) * load(dGamma + f)), out + f)
            f += 8
        }
        while f < count {
            out[f] = s[f] * (n * dy[f] - dBeta[f] - h[f] * dGamma[f])
            f += 1
        }
    }

    /// The rows a column pass takes at a time, for rows `stride` floats apart: it goes over a
    /// block's rows for every group of features before the next block, so that the block stays in
    /// the first-level cache from one group to the next. A block spans at most 16 KB, and holds
    /// at least 8 rows. (All the rows at once, group by group, was slower than the plain loops
    /// for 1024 features: rows 4 KB apart fall in one set of the 8-way first-level cache.)
    static func rowBlock(stride: Int) -> Int { max(8, 4096 / max(1, stride)) }

    @inline(__always)
    private static func forEachRowBlock(_ rows: Int, stride: Int, _ body: (Int, Int) -> Void) {
        let block = rowBlock(stride: stride)
        var first = 0
        while first < rows {
            body(first, min(block, rows - first))
            first += block
        }
    }

    @inline(__always)
    private static func widened(_ p: UnsafePointer<Float>) -> Doubles {
        let v = UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
        return Doubles(Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]))
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> Doubles { UnsafeRawPointer(p).loadUnaligned(as: Doubles.self) }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Float>) -> Floats { UnsafeRawPointer(p).loadUnaligned(as: Floats.self) }

    @inline(__always)
    private static func store(_ v: Doubles, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Doubles.self)
    }

    @inline(__always)
    private static func store(_ v: Floats, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Floats.self)
    }
}
