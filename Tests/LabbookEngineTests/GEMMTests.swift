import Testing
@testable import LabbookEngine

/// The engine's product is pinned to its plain reference — one fma chain per element, k
/// ascending — bit for bit, at sizes that cover the 8-lane vectors, the 6×16 micro-tiles and
/// their tails, the K blocks, every transpose and `beta: 1`; and its bits do not depend on the
/// thread count, the cache blocking or the rows of the call.
@Suite(.serialized) struct GEMMTests {
    struct Operands {
        let a: [Float], b: [Float], c: [Float]
        init(m: Int, n: Int, k: Int, seed: String) {
            var stream = RandomStream(seed: 11, name: seed)
            a = (0..<(m * k)).map { _ in Float(2 * stream.uniform() - 1) }
            b = (0..<(k * n)).map { _ in Float(2 * stream.uniform() - 1) }
            c = (0..<(m * n)).map { _ in Float(2 * stream.uniform() - 1) }
        }
    }

    /// `op(A)·op(B)` (+ C) by the fast product with `threads`, and by the reference.
    static func both(m: Int, n: Int, k: Int, ta: Bool, tb: Bool, beta: Float, threads: Int = 1,
                     blocking: GEMM.Blocking = GEMM.Blocking(), seed: String = "x") -> (fast: [Float], reference: [Float]) {
        let x = Operands(m: m, n: n, k: k, seed: seed)
        var fast = x.c, reference = x.c
        x.a.withUnsafeBufferPointer { a in
            x.b.withUnsafeBufferPointer { b in
                fast.withUnsafeMutableBufferPointer { c in
                    // Small products too are split, so that the split is what is tested.
                    Parallel.splittingEverything {
                        GEMM.product(a.baseAddress!, transposeA: ta, b.baseAddress!, transposeB: tb, c.baseAddress!,
                                     m: m, n: n, k: k, accumulate: beta == 1, threads: threads, blocking: blocking)
                    }
                }
                reference.withUnsafeMutableBufferPointer { c in
                    GEMM.reference(a.baseAddress!, transposeA: ta, b.baseAddress!, transposeB: tb, c.baseAddress!,
                                   m: m, n: n, k: k, beta: beta)
                }
            }
        }
        return (fast, reference)
    }

    static let transposes = [(false, false), (true, false), (false, true), (true, true)]

    /// n = 101: an untransposed B packs as a group of four slivers, a group of two, and a
    /// 5-column tail.
    @Test(arguments: [1, 5, 6, 7, 17], [1, 8, 15, 16, 33, 101])
    func equalsTheReferenceAtEveryTileAndTail(m: Int, n: Int) {
        for k in [1, 9, 300] {  // 300 crosses a K block of 256
            for (ta, tb) in Self.transposes {
                for beta: Float in [0, 1] {
                    let (fast, reference) = Self.both(m: m, n: n, k: k, ta: ta, tb: tb, beta: beta)
                    #expect(BitIdentity.difference(fast, reference) == nil, "m \(m) n \(n) k \(k) ta \(ta) tb \(tb) beta \(beta)")
                }
            }
        }
    }

    /// op(B) packed once (a Winograd convolution's transformed kernel) gives the reference's bits,
    /// for every tile and tail of m and n, transposed or not, and as many products as share it.
    @Test(arguments: [1, 6, 7, 17], [1, 8, 16, 33])
    func aPrepackedOperandGivesTheReferencesBits(m: Int, n: Int) {
        for k in [1, 9, 64] {
            for (ta, tb) in Self.transposes {
                let x = Operands(m: m, n: n, k: k, seed: "packed")
                var packed = [Float](repeating: .nan, count: GEMM.packedSize(k: k, n: n))
                GEMM.pack(x.b, transposeB: tb, k: k, n: n, into: &packed)
                for _ in 0..<2 {
                    var fast = [Float](repeating: .nan, count: m * n), reference = fast
                    GEMM.product(x.a, transposeA: ta, packedB: packed, &fast, m: m, n: n, k: k, accumulate: false)
                    GEMM.reference(x.a, transposeA: ta, x.b, transposeB: tb, &reference, m: m, n: n, k: k, beta: 0)
                    #expect(BitIdentity.difference(fast, reference) == nil, "m \(m) n \(n) k \(k) ta \(ta) tb \(tb)")
                }
            }
        }
        #expect(GEMM.packsOnce(k: 256, n: 1024) && !GEMM.packsOnce(k: 257, n: 16) && !GEMM.packsOnce(k: 16, n: 1025))
    }

    @Test(arguments: [2, 3, 4])
    func theThreadCountChangesNoBit(threads: Int) {
        // Shapes of the coursework's layers (small batches), forward and backward, and a narrow
        // 10-class output computed transposed.
        for (m, n, k, ta, tb) in [(64, 128, 160, false, false), (160, 128, 64, true, false), (64, 160, 128, false, true),
                                  (130, 10, 96, false, false), (48, 300, 70, false, false)] {
            let one = Self.both(m: m, n: n, k: k, ta: ta, tb: tb, beta: 0, threads: 1).fast
            let many = Self.both(m: m, n: n, k: k, ta: ta, tb: tb, beta: 0, threads: threads)
            #expect(BitIdentity.difference(many.fast, one) == nil, "\(m)×\(n)×\(k) on \(threads) threads")
            #expect(BitIdentity.difference(many.fast, many.reference) == nil)
        }
    }

    @Test func theCacheBlockingChangesNoBit() {
        let standard = Self.both(m: 70, n: 100, k: 530, ta: false, tb: false, beta: 1).fast
        let odd = Self.both(m: 70, n: 100, k: 530, ta: false, tb: false, beta: 1, blocking: GEMM.Blocking(kc: 37, mc: 12, nc: 48))
        #expect(BitIdentity.difference(odd.fast, standard) == nil)
        #expect(BitIdentity.difference(odd.fast, odd.reference) == nil)
    }

    @Test func aProductSummedOverChunksOfKEqualsOneCall() {
        Parallel.splittingEverything {
            // The convolution's kernel gradient: Σ over chunks of examples with beta 1 continues
            // each element's chain, so the chunking is invisible.
            let (m, n, k) = (40, 24, 300)
            let x = Operands(m: m, n: n, k: k, seed: "chunks")
            var whole = [Float](repeating: 0, count: m * n), chunked = whole
            x.a.withUnsafeBufferPointer { a in  // A is [k, m]: op(A) = Aᵀ
                x.b.withUnsafeBufferPointer { b in
                    whole.withUnsafeMutableBufferPointer { c in
                        GEMM.product(a.baseAddress!, transposeA: true, b.baseAddress!, transposeB: false, c.baseAddress!,
                                     m: m, n: n, k: k, accumulate: false, threads: 1)
                    }
                    chunked.withUnsafeMutableBufferPointer { c in
                        var start = 0
                        for size in [128, 100, 72] {
                            // Rows start..<start+size of A and B: the same m, n, a shorter k.
                            GEMM.product(a.baseAddress! + start * m, transposeA: true, b.baseAddress! + start * n, transposeB: false,
                                         c.baseAddress!, m: m, n: n, k: size, accumulate: start > 0, threads: 2)
                            start += size
                        }
                    }
                }
            }
            #expect(BitIdentity.difference(chunked, whole) == nil)
        }
    }

    @Test func rowsComputedAloneEqualTheSameRowsOfALargerProduct() {
        Parallel.splittingEverything {
            // predict and evaluate in batches of any size: each row's bits do not depend on the call.
            let (m, n, k) = (50, 37, 200)
            let x = Operands(m: m, n: n, k: k, seed: "rows")
            var whole = [Float](repeating: 0, count: m * n)
            x.a.withUnsafeBufferPointer { a in
                x.b.withUnsafeBufferPointer { b in
                    whole.withUnsafeMutableBufferPointer { c in
                        GEMM.product(a.baseAddress!, transposeA: false, b.baseAddress!, transposeB: false, c.baseAddress!,
                                     m: m, n: n, k: k, accumulate: false, threads: 2)
                    }
                    for (start, rows) in [(0, 1), (1, 5), (6, 7), (13, 37)] {
                        var part = [Float](repeating: 0, count: rows * n)
                        part.withUnsafeMutableBufferPointer { c in
                            GEMM.product(a.baseAddress! + start * k, transposeA: false, b.baseAddress!, transposeB: false,
                                         c.baseAddress!, m: rows, n: n, k: k, accumulate: false, threads: 1)
                        }
                        #expect(BitIdentity.difference(part, Array(whole[(start * n)..<((start + rows) * n)])) == nil,
                                "rows \(start)..<\(start + rows)")
                    }
                }
            }
        }
    }

    @Test func anEmptySumIsZeroOrLeavesC() {
        let zero = Self.both(m: 3, n: 20, k: 0, ta: false, tb: false, beta: 0)
        #expect(zero.fast == [Float](repeating: 0, count: 60))
        let kept = Self.both(m: 3, n: 20, k: 0, ta: false, tb: false, beta: 1)
        #expect(BitIdentity.difference(kept.fast, Operands(m: 3, n: 20, k: 0, seed: "x").c) == nil)
    }
}
