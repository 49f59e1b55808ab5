/// The transforms of Winograd's minimal filtering F(2×2, 3×3) (Lavin and Gray, "Fast Algorithms
/// for Convolutional Neural Networks", 2016) on one tile, for a run of channels:
///
///     Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A
///
/// with `d` a 4×4 input tile, `g` a 3×3 kernel and `Y` the 2×2 outputs of their correlation, and
///
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]
///     G  = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]
///     Aᵀ = [1 1 1 0; 0 1 −1 −1]
///
/// and the transposes the backward pass needs: `A dY Aᵀ` (the outputs' gradient into the
/// transformed domain), `B dV Bᵀ` (back onto the input tile) and `Gᵀ dU G` (onto the kernel).
/// Each of the 16 transformed values ξ = 4i + j is written `slab` floats apart, so that the
/// values of one ξ for every tile form a matrix. Every value is a fixed sequence of additions,
/// subtractions and exact halvings: the same bits on every machine.
enum WinogradTile {
    /// `v[ξ·slab + c] = (Bᵀ d B)[ξ]` for the `count` channels of the 4×4 tile at `d` (rows
    /// `rowStride` floats apart, columns `columnStride`).
    @inline(__always)
    static func input(_ d: UnsafePointer<Float>, rowStride: Int, columnStride: Int, count: Int,
                      into v: UnsafeMutablePointer<Float>, slab: Int) {
        runs(count, vector: { input(SIMD8<Float>.self, d + $0, rowStride, columnStride, v + $0, slab) },
             scalar: { input(Float.self, d + $0, rowStride, columnStride, v + $0, slab) })
    }

    /// Writes `Aᵀ m A`, the 2×2 outputs of the tile whose 16 transformed products are at
    /// `m + ξ·slab`, for `count` channels at `y` (rows `rowStride` apart, columns `columnStride`).
    @inline(__always)
    static func output(_ m: UnsafePointer<Float>, slab: Int, count: Int,
                       into y: UnsafeMutablePointer<Float>, rowStride: Int, columnStride: Int) {
        runs(count, vector: { output(SIMD8<Float>.self, m + $0, slab, y + $0, rowStride, columnStride) },
             scalar: { output(Float.self, m + $0, slab, y + $0, rowStride, columnStride) })
    }

    /// `dm[ξ·slab + c] = (A dy Aᵀ)[ξ]` for the 2×2 output gradient at `dy`.
    @inline(__always)
    static func outputGradient(_ dy: UnsafePointer<Float>, rowStride: Int, columnStride: Int, count: Int,
                               into dm: UnsafeMutablePointer<Float>, slab: Int) {
        runs(count, vector: { outputGradient(SIMD8<Float>.self, dy + $0, rowStride, columnStride, dm + $0, slab) },
             scalar: { outputGradient(Float.self, dy + $0, rowStride, columnStride, dm + $0, slab) })
    }

    /// Adds `(B dv Bᵀ)`, the gradient of the 4×4 input tile, onto `dx` (rows `rowStride` apart,
    /// columns `columnStride`).
    @inline(__always)
    static func inputGradient(_ dv: UnsafePointer<Float>, slab: Int, count: Int,
                              adding dx: UnsafeMutablePointer<Float>, rowStride: Int, columnStride: Int) {
        runs(count, vector: { inputGradient(SIMD8<Float>.self, dv + $0, slab, dx + $0, rowStride, columnStride) },
             scalar: { inputGradient(Float.self, dv + $0, slab, dx + $0, rowStride, columnStride) })
    }

    /// `u[ξ·slab + c] = (G g Gᵀ)[ξ]` for the 3×3 kernel at `g`.
    @inline(__always)
    static func kernel(_ g: UnsafePointer<Float>, rowStride: Int, columnStride: Int, count: Int,
                       into u: UnsafeMutablePointer<Float>, slab: Int) {
        runs(count, vector: { kernel(SIMD8<Float>.self, g + $0, rowStride, columnStride, u + $0, slab) },
             scalar: { kernel(Float.self, g + $0, rowStride, columnStride, u + $0, slab) })
    }

    /// Writes `(Gᵀ du G)`, the gradient of the 3×3 kernel, at `dg`.
    @inline(__always)
    static func kernelGradient(_ du: UnsafePointer<Float>, slab: Int, count: Int,
                               into dg: UnsafeMutablePointer<Float>, rowStride: Int, columnStride: Int) {
        runs(count, vector: { kernelGradient(SIMD8<Float>.self, du + $0, slab, dg + $0, rowStride, columnStride) },
             scalar: { kernelGradient(Float.self, du + $0, slab, dg + $0, rowStride, columnStride) })
    }

    /// Calls `vector` at each multiple of 8 below `count` that starts a whole run of eight
    /// channels, then `scalar` at each channel of the tail.
    @inline(__always)
    private static func runs(_ count: Int, vector: (Int) -> Void, scalar: (Int) -> Void) {
        var c = 0
        while c + 8 <= count {
            vector(c)
            c += 8
        }
        while c < count {
            scalar(c)
            c += 1
        }
    }

    // MARK: One run of lanes

    @inline(__always)
    private static func input<L: TransformLanes>(_: L.Type, _ d: UnsafePointer<Float>, _ rowStride: Int, _ columnStride: Int,
                                                 _ v: UnsafeMutablePointer<Float>, _ slab: Int) {
        // Bᵀ down each column j, then Bᵀ along each row i.
        @inline(__always) func column(_ j: Int) -> (L, L, L, L) {
            let p = d + j * columnStride
            let d0 = L(loading: p), d1 = L(loading: p + rowStride)
            let d2 = L(loading: p + 2 * rowStride), d3 = L(loading: p + 3 * rowStride)
            return (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
        }
        @inline(__always) func row(_ i: Int, _ t0: L, _ t1: L, _ t2: L, _ t3: L) {
            (t0 - t2).store(to: v + (4 * i) * slab)
            (t1 + t2).store(to: v + (4 * i + 1) * slab)
            (t2 - t1).store(to: v + (4 * i + 2) * slab)
            (t1 - t3).store(to: v + (4 * i + 3) * slab)
        }
        let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
        row(0, c0.0, c1.0, c2.0, c3.0)
        row(1, c0.1, c1.1, c2.1, c3.1)
        row(2, c0.2, c1.2, c2.2, c3.2)
        row(3, c0.3, c1.3, c2.3, c3.3)
    }

    @inline(__always)
    private static func output<L: TransformLanes>(_: L.Type, _ m: UnsafePointer<Float>, _ slab: Int,
                                                  _ y: UnsafeMutablePointer<Float>, _ rowStride: Int, _ columnStride: Int) {
        // Aᵀ down each column j, then Aᵀ along each of the two rows.
        @inline(__always) func column(_ j: Int) -> (L, L) {
            let m0 = L(loading: m + j * slab), m1 = L(loading: m + (4 + j) * slab)
            let m2 = L(loading: m + (8 + j) * slab), m3 = L(loading: m + (12 + j) * slab)
            return (m0 + m1 + m2, m1 - m2 - m3)
        }
        let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
        (c0.0 + c1.0 + c2.0).store(to: y)
        (c1.0 - c2.0 - c3.0).store(to: y + columnStride)
        (c0.1 + c1.1 + c2.1).store(to: y + rowStride)
        (c1.1 - c2.1 - c3.1).store(to: y + rowStride + columnStride)
    }

    @inline(__always)
    private static func outputGradient<L: TransformLanes>(_: L.Type, _ dy: UnsafePointer<Float>, _ rowStride: Int,
                                                          _ columnStride: Int, _ dm: UnsafeMutablePointer<Float>, _ slab: Int) {
        // A down each of the two columns, then A along each of the four rows.
        @inline(__always) func column(_ j: Int) -> (L, L, L, L) {
            let g0 = L(loading: dy + j * columnStride), g1 = L(loading: dy + rowStride + j * columnStride)
            return (g0, g0 + g1, g0 - g1, -g1)
        }
        @inline(__always) func row(_ i: Int, _ a: L, _ b: L) {
            a.store(to: dm + (4 * i) * slab)
            (a + b).store(to: dm + (4 * i + 1) * slab)
            (a - b).store(to: dm + (4 * i + 2) * slab)
            (-b).store(to: dm + (4 * i + 3) * slab)
        }
        let c0 = column(0), c1 = column(1)
        row(0, c0.0, c1.0)
        row(1, c0.1, c1.1)
        row(2, c0.2, c1.2)
        row(3, c0.3, c1.3)
    }

    @inline(__always)
    private static func inputGradient<L: TransformLanes>(_: L.Type, _ dv: UnsafePointer<Float>, _ slab: Int,
                                                         _ dx: UnsafeMutablePointer<Float>, _ rowStride: Int, _ columnStride: Int) {
        // B down each column j, then B along each row i, added onto the tile.
        @inline(__always) func column(_ j: Int) -> (L, L, L, L) {
            let v0 = L(loading: dv + j * slab), v1 = L(loading: dv + (4 + j) * slab)
            let v2 = L(loading: dv + (8 + j) * slab), v3 = L(loading: dv + (12 + j) * slab)
            return (v0, v1 - v2 + v3, v1 + v2 - v0, -v3)
        }
        @inline(__always) func add(_ value: L, _ target: UnsafeMutablePointer<Float>) {
            (L(loading: target) + value).store(to: target)
        }
        @inline(__always) func row(_ i: Int, _ a: L, _ b: L, _ c: L, _ d: L) {
            let line = dx + i * rowStride
            add(a, line)
            add(b - c + d, line + columnStride)
            add(b + c - a, line + 2 * columnStride)
            add(-d, line + 3 * columnStride)
        }
        let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
        row(0, c0.0, c1.0, c2.0, c3.0)
        row(1, c0.1, c1.1, c2.1, c3.1)
        row(2, c0.2, c1.2, c2.2, c3.2)
        row(3, c0.3, c1.3, c2.3, c3.3)
    }

    @inline(__always)
    private static func kernel<L: TransformLanes>(_: L.Type, _ g: UnsafePointer<Float>, _ rowStride: Int, _ columnStride: Int,
                                                  _ u: UnsafeMutablePointer<Float>, _ slab: Int) {
        // G down each column j, then G along each row i.
        @inline(__always) func column(_ j: Int) -> (L, L, L, L) {
            let p = g + j * columnStride
            let g0 = L(loading: p), g1 = L(loading: p + rowStride), g2 = L(loading: p + 2 * rowStride)
            return (g0, (g0 + g1 + g2).halved(), (g0 - g1 + g2).halved(), g2)
        }
        @inline(__always) func row(_ i: Int, _ a: L, _ b: L, _ c: L) {
            a.store(to: u + (4 * i) * slab)
            (a + b + c).halved().store(to: u + (4 * i + 1) * slab)
            (a - b + c).halved().store(to: u + (4 * i + 2) * slab)
            c.store(to: u + (4 * i + 3) * slab)
        }
        let c0 = column(0), c1 = column(1), c2 = column(2)
        row(0, c0.0, c1.0, c2.0)
        row(1, c0.1, c1.1, c2.1)
        row(2, c0.2, c1.2, c2.2)
        row(3, c0.3, c1.3, c2.3)
    }

    @inline(__always)
    private static func kernelGradient<L: TransformLanes>(_: L.Type, _ du: UnsafePointer<Float>, _ slab: Int,
                                                          _ dg: UnsafeMutablePointer<Float>, _ rowStride: Int, _ columnStride: Int) {
        // Gᵀ down each column j, then Gᵀ along each row i.
        @inline(__always) func column(_ j: Int) -> (L, L, L) {
            let u0 = L(loading: du + j * slab), u1 = L(loading: du + (4 + j) * slab)
            let u2 = L(loading: du + (8 + j) * slab), u3 = L(loading: du + (12 + j) * slab)
            return (u0 + (u1 + u2).halved(), (u1 - u2).halved(), (u1 + u2).halved() + u3)
        }
        @inline(__always) func row(_ i: Int, _ a: L, _ b: L, _ c: L, _ d: L) {
            let line = dg + i * rowStride
            (a + (b + c).halved()).store(to: line)
            (b - c).halved().store(to: line + columnStride)
            ((b + c).halved() + d).store(to: line + 2 * columnStride)
        }
        let c0 = column(0), c1 = column(1), c2 = column(2), c3 = column(3)
        row(0, c0.0, c1.0, c2.0, c3.0)
        row(1, c0.1, c1.1, c2.1, c3.1)
        row(2, c0.2, c1.2, c2.2, c3.2)
    }
}
