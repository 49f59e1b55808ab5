/// The 6×16 micro-kernel and the register transposes that pack transposed operands.
extension GEMM {
    /// dst[j·ldd + i] = src[i·lds + j] for an 8×8 block.
    @inline(__always)
    static func transpose8x8(_ src: UnsafePointer<Float>, _ lds: Int, _ dst: UnsafeMutablePointer<Float>, _ ldd: Int) {
        let r0 = V(loading: src), r1 = V(loading: src + lds), r2 = V(loading: src + 2 * lds), r3 = V(loading: src + 3 * lds)
        let r4 = V(loading: src + 4 * lds), r5 = V(loading: src + 5 * lds), r6 = V(loading: src + 6 * lds), r7 = V(loading: src + 7 * lds)
        let t = transpose(r0, r1, r2, r3, r4, r5, r6, r7)
        t.0.store(to: dst); t.1.store(to: dst + ldd); t.2.store(to: dst + 2 * ldd); t.3.store(to: dst + 3 * ldd)
        t.4.store(to: dst + 4 * ldd); t.5.store(to: dst + 5 * ldd); t.6.store(to: dst + 6 * ldd); t.7.store(to: dst + 7 * ldd)
    }

    /// dst[j·6 + i] = src[i·lds + j], i < 6, j < 8 (writes 2 lanes past dst[7·6 + 5]).
    @inline(__always)
    static func transpose6x8(_ src: UnsafePointer<Float>, _ lds: Int, _ dst: UnsafeMutablePointer<Float>) {
        let r0 = V(loading: src), r1 = V(loading: src + lds), r2 = V(loading: src + 2 * lds), r3 = V(loading: src + 3 * lds)
        let r4 = V(loading: src + 4 * lds), r5 = V(loading: src + 5 * lds)
        let t = transpose(r0, r1, r2, r3, r4, r5, V(), V())
        t.0.store(to: dst); t.1.store(to: dst + 6); t.2.store(to: dst + 12); t.3.store(to: dst + 18)
        t.4.store(to: dst + 24); t.5.store(to: dst + 30); t.6.store(to: dst + 36); t.7.store(to: dst + 42)
    }

    @inline(__always)
    static func transpose(_ r0: V, _ r1: V, _ r2: V, _ r3: V, _ r4: V, _ r5: V, _ r6: V, _ r7: V) -> (V, V, V, V, V, V, V, V) {
        @inline(__always) func lo(_ a: V, _ b: V) -> V { V(a[0], b[0], a[1], b[1], a[4], b[4], a[5], b[5]) }
        @inline(__always) func hi(_ a: V, _ b: V) -> V { V(a[2], b[2], a[3], b[3], a[6], b[6], a[7], b[7]) }
        @inline(__always) func lo2(_ a: V, _ b: V) -> V { V(a[0], a[1], b[0], b[1], a[4], a[5], b[4], b[5]) }
        @inline(__always) func hi2(_ a: V, _ b: V) -> V { V(a[2], a[3], b[2], b[3], a[6], a[7], b[6], b[7]) }
        let u0 = lo(r0, r1), u1 = hi(r0, r1), u2 = lo(r2, r3), u3 = hi(r2, r3)
        let u4 = lo(r4, r5), u5 = hi(r4, r5), u6 = lo(r6, r7), u7 = hi(r6, r7)
        let v0 = lo2(u0, u2), v1 = hi2(u0, u2), v2 = lo2(u1, u3), v3 = hi2(u1, u3)
        let v4 = lo2(u4, u6), v5 = hi2(u4, u6), v6 = lo2(u5, u7), v7 = hi2(u5, u7)
        return (V(lowHalf: v0.lowHalf, highHalf: v4.lowHalf), V(lowHalf: v1.lowHalf, highHalf: v5.lowHalf),
                V(lowHalf: v2.lowHalf, highHalf: v6.lowHalf), V(lowHalf: v3.lowHalf, highHalf: v7.lowHalf),
                V(lowHalf: v0.highHalf, highHalf: v4.highHalf), V(lowHalf: v1.highHalf, highHalf: v5.highHalf),
                V(lowHalf: v2.highHalf, highHalf: v6.highHalf), V(lowHalf: v3.highHalf, highHalf: v7.highHalf))
    }

    /// One step of every element's chain: c ← fma(x, y, c) where the build has a fused
    /// multiply-add (x86-64-v3, arm64), c ← c + x·y (two roundings) on the x86-64 baseline,
    /// whose reproducibility class is its own (see ``EngineInfo/reproducibility``).
    @inline(__always)
    static func step(_ c: inout V, _ x: V, _ y: V) {
        #if LABBOOK_FMA
        c.addProduct(x, y)
        #else
        c = c + x * y
        #endif
    }

    /// ``step(_:_:_:)`` for one element.
    @inline(__always)
    static func step(_ c: Float, _ x: Float, _ y: Float) -> Float {
        #if LABBOOK_FMA
        c.addingProduct(x, y)
        #else
        c + x * y
        #endif
    }

    /// The 6×16 micro-kernel (rows ≤ 6 of it touch C; the packed A sliver is always 6 wide):
    /// 12 accumulators of 8 lanes, one FMA chain per element over p ascending.
    @inline(__always)
    static func kernel(_ k: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                       _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ load: Bool, rows: Int) {
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        if load {
            c00 = V(loading: c); c01 = V(loading: c + 8)
            if rows > 1 { c10 = V(loading: c + ldc); c11 = V(loading: c + ldc + 8) }
            if rows > 2 { c20 = V(loading: c + 2 * ldc); c21 = V(loading: c + 2 * ldc + 8) }
            if rows > 3 { c30 = V(loading: c + 3 * ldc); c31 = V(loading: c + 3 * ldc + 8) }
            if rows > 4 { c40 = V(loading: c + 4 * ldc); c41 = V(loading: c + 4 * ldc + 8) }
            if rows > 5 { c50 = V(loading: c + 5 * ldc); c51 = V(loading: c + 5 * ldc + 8) }
        }
        var ap = a, bp = b
        for _ in 0..<k {
            let b0 = V(loading: bp), b1 = V(loading: bp + 8)
            var x = V(repeating: ap[0])
            step(&c00, x, b0); step(&c01, x, b1)
            if rows > 1 { x = V(repeating: ap[1]); step(&c10, x, b0); step(&c11, x, b1) }
            if rows > 2 { x = V(repeating: ap[2]); step(&c20, x, b0); step(&c21, x, b1) }
            if rows > 3 { x = V(repeating: ap[3]); step(&c30, x, b0); step(&c31, x, b1) }
            if rows > 4 { x = V(repeating: ap[4]); step(&c40, x, b0); step(&c41, x, b1) }
            if rows > 5 { x = V(repeating: ap[5]); step(&c50, x, b0); step(&c51, x, b1) }
            ap += mr
            bp += nr
        }
        c00.store(to: c); c01.store(to: c + 8)
        if rows > 1 { c10.store(to: c + ldc); c11.store(to: c + ldc + 8) }
        if rows > 2 { c20.store(to: c + 2 * ldc); c21.store(to: c + 2 * ldc + 8) }
        if rows > 3 { c30.store(to: c + 3 * ldc); c31.store(to: c + 3 * ldc + 8) }
        if rows > 4 { c40.store(to: c + 4 * ldc); c41.store(to: c + 4 * ldc + 8) }
        if rows > 5 { c50.store(to: c + 5 * ldc); c51.store(to: c + 5 * ldc + 8) }
    }
}
