import Testing
@testable import LabbookEngine

/// BatchNormalization's passes (32, 16, 8 or 4 features at a time, then one by one) against the
/// plain loops of `BatchNormalization+Reference.swift`, bit for bit, at feature counts that take
/// each branch alone and together, rows a stride apart wider than the features, and values of
/// magnitudes far apart (so that a sum taken in another order, or a fused multiply-add, would
/// round differently), over one block of rows (`rowBlock(stride:)`: 39 to 1024 rows here) or several.
@Suite struct BatchNormalizationKernelTests {
    static let widths = [1, 3, 4, 5, 8, 12, 16, 17, 31, 32, 33, 45, 64, 70, 100]

    static func values(_ count: Int, _ name: String) -> [Float] {
        var stream = RandomStream(seed: 5, name: name)
        return (0..<count).map { _ in
            let unit = 2 * Double(stream.uniform()) - 1
            let magnitude = Double(1 << Int(stream.uniform() * 24)) / 4096
            return Float(unit * magnitude)
        }
    }

    @Test(arguments: widths, [1, 7, 13, 64, 200])
    func theStatisticsEqualTheReference(width: Int, rows: Int) {
        let stride = width + 3
        let x = Self.values(rows * stride, "x")
        var sum = [Double](repeating: .nan, count: width), expectedSum = sum
        BatchNormalization.columnSums(x, rows: rows, stride: stride, width: width, into: &sum)
        BatchNormalization.referenceColumnSums(x, rows: rows, stride: stride, width: width, into: &expectedSum)
        #expect(BitIdentity.difference(sum, expectedSum) == nil, "sums")
        let mean = expectedSum.map { $0 / Double(rows) }
        var squares = [Double](repeating: .nan, count: width), expectedSquares = squares
        BatchNormalization.columnSquares(x, rows: rows, stride: stride, width: width, mean: mean, into: &squares)
        BatchNormalization.referenceColumnSquares(x, rows: rows, stride: stride, width: width, mean: mean, into: &expectedSquares)
        #expect(BitIdentity.difference(squares, expectedSquares) == nil, "squares")
    }

    @Test(arguments: widths)
    func theRowPassesEqualTheReference(width: Int) {
        let x = Self.values(width, "row"), mean = Self.values(width, "mean").map(Double.init)
        let inverse = Self.values(width, "inverse"), gamma = Self.values(width, "gamma"), beta = Self.values(width, "beta")
        var h = [Float](repeating: .nan, count: width), out = h, expectedH = h, expectedOut = h
        BatchNormalization.normalizeRow(x, count: width, mean: mean.map(Float.init), inverse: inverse, gamma: gamma, beta: beta,
                                        h: &h, out: &out)
        BatchNormalization.referenceNormalizeRow(x, count: width, mean: mean, inverse: inverse, gamma: gamma, beta: beta,
                                                 h: &expectedH, out: &expectedOut)
        #expect(BitIdentity.difference(h, expectedH) == nil, "normalized")
        #expect(BitIdentity.difference(out, expectedOut) == nil, "output")

        let dy = Self.values(width, "dy"), scale = Self.values(width, "scale")
        let dBeta = Self.values(width, "dBeta"), dGamma = Self.values(width, "dGamma")
        var dx = [Float](repeating: .nan, count: width), expectedDx = dx
        BatchNormalization.inputGradientRow(dy, h, count: width, n: 64, scale: scale, dBeta: dBeta, dGamma: dGamma, into: &dx)
        BatchNormalization.referenceInputGradientRow(dy, h, count: width, n: 64, scale: scale, dBeta: dBeta, dGamma: dGamma,
                                                     into: &expectedDx)
        #expect(BitIdentity.difference(dx, expectedDx) == nil, "input gradient")
    }

    @Test(arguments: widths, [1, 7, 13, 64, 200])
    func theGradientSumsEqualTheReference(width: Int, rows: Int) {
        let stride = width + 3
        let dy = Self.values(rows * stride, "dy"), h = Self.values(rows * stride, "h")
        var dBeta = [Float](repeating: .nan, count: width), dGamma = dBeta, expectedBeta = dBeta, expectedGamma = dBeta
        BatchNormalization.gradientSums(dy, h, rows: rows, stride: stride, width: width, dBeta: &dBeta, dGamma: &dGamma)
        BatchNormalization.referenceGradientSums(dy, h, rows: rows, stride: stride, width: width,
                                                 dBeta: &expectedBeta, dGamma: &expectedGamma)
        #expect(BitIdentity.difference(dBeta, expectedBeta) == nil, "dBeta")
        #expect(BitIdentity.difference(dGamma, expectedGamma) == nil, "dGamma")
    }
}
