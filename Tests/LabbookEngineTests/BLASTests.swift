import Testing
@testable import LabbookEngine

@Suite struct BLASTests {
    @Test func gemmMultipliesRowMajorWithTransposes() {
        // A = [[1, 2, 3], [4, 5, 6]] (2×3), B = [[1, 0], [0, 1], [1, 1]] (3×2).
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [1, 0, 0, 1, 1, 1]
        var c = [Float](repeating: 0, count: 4)
        BLAS.gemm(a, b, &c, m: 2, n: 2, k: 3)
        #expect(c == [4, 5, 10, 11])
        // Aᵀ·A is 3×3: uses transposeA on the same buffer.
        var ata = [Float](repeating: 0, count: 9)
        BLAS.gemm(a, transposeA: true, a, &ata, m: 3, n: 3, k: 2)
        #expect(ata == [17, 22, 27, 22, 29, 36, 27, 36, 45])
        // A·Aᵀ is 2×2: uses transposeB.
        var aat = [Float](repeating: 0, count: 4)
        BLAS.gemm(a, a, transposeB: true, &aat, m: 2, n: 2, k: 3)
        #expect(aat == [14, 32, 32, 77])
    }

    @Test func buildNamesTheEnginesOwnProductAndOpenBLASIsTheReference() {
        #expect(BLAS.build.hasPrefix("labbook GEMM 1 (fixed-order "))
        #expect(BLAS.threads >= 1)
        #expect(OpenBLASReference.build.hasPrefix("OpenBLAS 0."))
    }
}
