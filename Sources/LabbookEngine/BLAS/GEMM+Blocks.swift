/// The loops of the fixed-order product on one thread (the BLIS loop nest), and the packing of
/// A and B into the panels the micro-kernel reads.
extension GEMM {
    /// The BLIS loops on one thread: jc (nc) → pc (kc, ascending) → pack B → ic (mc) → pack A →
    /// jr (nr) → ir (mr) → micro-kernel.
    @inline(never)
    static func block(
        _ a: UnsafePointer<Float>, _ ta: Bool, _ lda: Int, _ b: UnsafePointer<Float>, _ tb: Bool, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, m: Int, n: Int, k: Int, accumulate: Bool, blocking: Blocking,
        ws: GEMMWorkspace, packedB: UnsafePointer<Float>? = nil
    ) {
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let kc = blocking.kc, mc = blocking.mc, nc = blocking.nc
        ws.reserve(a: mc * kc + 8, b: kc * ((min(nc, n) + nr - 1) / nr * nr))
        // A prepacked B is one block (k ≤ kc, n ≤ nc): the loops below pack nothing of it.
        precondition(packedB == nil || (k <= kc && n <= nc), "a prepacked B is one block")
        let ap = ws.a, bp = packedB.map { UnsafeMutablePointer(mutating: $0) } ?? ws.b, edge = ws.edge
        var jc = 0
        while jc < n {
            let ncur = min(nc, n - jc)
            var pc = 0
            while pc < k {
                let kcur = min(kc, k - pc)
                if packedB == nil { packB(b, tb, ldb, row: pc, column: jc, k: kcur, n: ncur, into: bp) }
                let load = accumulate || pc > 0
                var ic = 0
                while ic < m {
                    let mcur = min(mc, m - ic)
                    packA(a, ta, lda, row: ic, column: pc, m: mcur, k: kcur, into: ap)
                    var jr = 0
                    while jr < ncur {
                        let nrcur = min(nr, ncur - jr)
                        let bs = bp + jr * kcur
                        var ir = 0
                        while ir < mcur {
                            let mrcur = min(mr, mcur - ir)
                            let cp = c + (ic + ir) * ldc + jc + jr
                            let asl = ap + ir * kcur
                            if nrcur == nr {
                                switch mrcur {
                                case 6: kernel(kcur, asl, bs, cp, ldc, load, rows: 6)
                                case 5: kernel(kcur, asl, bs, cp, ldc, load, rows: 5)
                                case 4: kernel(kcur, asl, bs, cp, ldc, load, rows: 4)
                                case 3: kernel(kcur, asl, bs, cp, ldc, load, rows: 3)
                                case 2: kernel(kcur, asl, bs, cp, ldc, load, rows: 2)
                                default: kernel(kcur, asl, bs, cp, ldc, load, rows: 1)
                                }
                            } else {
                                // A partial tile goes through a full one in the workspace.
                                if load {
                                    for i in 0..<mr {
                                        for j in 0..<nr { edge[i * nr + j] = i < mrcur && j < nrcur ? cp[i * ldc + j] : 0 }
                                    }
                                }
                                kernel(kcur, asl, bs, edge, nr, load, rows: 6)
                                for i in 0..<mrcur { for j in 0..<nrcur { cp[i * ldc + j] = edge[i * nr + j] } }
                            }
                            ir += mr
                        }
                        jr += nr
                    }
                    ic += mc
                }
                pc += kc
            }
            jc += nc
        }
    }

    /// op(B)[row..<row+k, column..<column+n] as nr-wide slivers, each k-major (`[k][nr]`), zero-padded.
    @inline(__always)
    static func packB(_ b: UnsafePointer<Float>, _ tb: Bool, _ ldb: Int, row: Int, column: Int, k: Int, n: Int,
                      into out: UnsafeMutablePointer<Float>) {
        var j = 0
        if !tb {
            // Whole slivers up to four at a time, row by row: each row of B gives 256 contiguous
            // bytes, not 64 from rows a stride apart (2.3× faster on the coursework's weights).
            while j + nr <= n {
                let slivers = min(packBGroup, (n - j) / nr)
                let src = b + row * ldb + column + j, dst = out + j * k
                for p in 0..<k {
                    let s = src + p * ldb
                    var d = dst + p * nr
                    for q in 0..<slivers {
                        V(loading: s + q * nr).store(to: d)
                        V(loading: s + q * nr + 8).store(to: d + 8)
                        d += k * nr
                    }
                }
                j += slivers * nr
            }
            if j < n {
                let w = n - j, src = b + row * ldb + column + j, dst = out + j * k
                for p in 0..<k { for q in 0..<nr { dst[p * nr + q] = q < w ? src[p * ldb + q] : 0 } }
            }
            return
        }
        while j < n {
            let w = min(nr, n - j)
            let dst = out + j * k
            // op(B)[p][q] = b[(column+j+q)·ldb + row+p]
            let src = b + (column + j) * ldb + row
            if w < nr {
                dst.update(repeating: 0, count: k * nr)
                for q in 0..<w {
                    let s = src + q * ldb
                    for p in 0..<k { dst[p * nr + q] = s[p] }
                }
            } else {
                let k8 = k & ~7
                for q0 in stride(from: 0, to: nr, by: 8) {
                    var p0 = 0
                    while p0 < k8 {
                        transpose8x8(src + q0 * ldb + p0, ldb, dst + p0 * nr + q0, nr)
                        p0 += 8
                    }
                }
                for q in 0..<nr {
                    let s = src + q * ldb
                    for p in k8..<k { dst[p * nr + q] = s[p] }
                }
            }
            j += nr
        }
    }

    /// The whole slivers ``packB(_:_:_:row:column:k:n:into:)`` packs together from an untransposed B.
    static let packBGroup = 4

    /// op(A)[row..<row+m, column..<column+k] as mr-tall slivers, each k-major (`[k][mr]`), zero-padded.
    @inline(__always)
    static func packA(_ a: UnsafePointer<Float>, _ ta: Bool, _ lda: Int, row: Int, column: Int, m: Int, k: Int,
                      into out: UnsafeMutablePointer<Float>) {
        var i = 0
        while i < m {
            let h = min(mr, m - i)
            let dst = out + i * k
            if !ta {
                // op(A)[i+r][p] = a[(row+i+r)·lda + column+p]
                let src = a + (row + i) * lda + column
                if h < mr {
                    dst.update(repeating: 0, count: k * mr)
                    for r in 0..<h {
                        let s = src + r * lda
                        for p in 0..<k { dst[p * mr + r] = s[p] }
                    }
                } else {
                    // 6 rows → 6-wide columns: 6×8 transposes (each store writes 8 lanes, the last
                    // 2 overwritten by the next; the pack buffer has 8 floats of slack).
                    let k8 = k & ~7
                    var p0 = 0
                    while p0 < k8 {
                        transpose6x8(src + p0, lda, dst + p0 * mr)
                        p0 += 8
                    }
                    for r in 0..<mr {
                        let s = src + r * lda
                        for p in k8..<k { dst[p * mr + r] = s[p] }
                    }
                }
            } else {
                // op(A)[i+r][p] = a[(column+p)·lda + row+i+r]
                let src = a + column * lda + row + i
                if h == mr {
                    // A whole sliver: six contiguous values per k (a 4- and a 2-lane copy).
                    for p in 0..<k {
                        let s = src + p * lda, d = dst + p * mr
                        UnsafeMutableRawPointer(d).storeBytes(of: UnsafeRawPointer(s).loadUnaligned(as: SIMD4<Float>.self),
                                                             as: SIMD4<Float>.self)
                        UnsafeMutableRawPointer(d + 4).storeBytes(of: UnsafeRawPointer(s + 4).loadUnaligned(as: SIMD2<Float>.self),
                                                                 as: SIMD2<Float>.self)
                    }
                } else {
                    for p in 0..<k {
                        let s = src + p * lda, d = dst + p * mr
                        for r in 0..<mr { d[r] = r < h ? s[r] : 0 }
                    }
                }
            }
            i += mr
        }
    }
}
