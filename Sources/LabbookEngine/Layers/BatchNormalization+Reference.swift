/// The plain loops the passes of `BatchNormalization+Kernels.swift` are pinned to, bit for bit
/// (each feature's sums loaded and stored at every row, one element at a time).
extension BatchNormalization {
    static func referenceColumnSums(_ x: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                                    into sum: UnsafeMutablePointer<Double>) {
        sum.update(repeating: 0, count: width)
        for r in 0..<rows {
            let row = x + r * stride
            for f in 0..<width { sum[f] += Double(row[f]) }
        }
    }

    static func referenceColumnSquares(_ x: UnsafePointer<Float>, rows: Int, stride: Int, width: Int,
                                       mean: UnsafePointer<Double>, into squares: UnsafeMutablePointer<Double>) {
        squares.update(repeating: 0, count: width)
        for r in 0..<rows {
            let row = x + r * stride
            for f in 0..<width {
                let d = Double(row[f]) - mean[f]
                squares[f] += d * d
            }
        }
    }

    static func referenceNormalizeRow(_ x: UnsafePointer<Float>, count: Int, mean: UnsafePointer<Double>,
                                      inverse: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
                                      h: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
        for f in 0..<count {
            h[f] = (x[f] - Float(mean[f])) * inverse[f]
            out[f] = gamma[f] * h[f] + beta[f]
        }
    }

    static func referenceGradientSums(_ dy: UnsafePointer<Float>, _ h: UnsafePointer<Float>, rows: Int, stride: Int,
                                      width: Int, dBeta: UnsafeMutablePointer<Float>, dGamma: UnsafeMutablePointer<Float>) {
        dBeta.update(repeating: 0, count: width)
        dGamma.update(repeating: 0, count: width)
        for r in 0..<rows {
            let g = dy + r * stride, x = h + r * stride
            for f in 0..<width {
                dBeta[f] += g[f]
                dGamma[f] += g[f] * x[f]
            }
        }
    }

    static func referenceInputGradientRow(_ dy: UnsafePointer<Float>, _ h: UnsafePointer<Float>, count: Int, n: Float,
                                          scale s: UnsafePointer<Float>, dBeta: UnsafePointer<Float>,
                                          dGamma: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        for f in 0..<count { out[f] = s[f] * (n * dy[f] - dBeta[f] - h[f] * dGamma[f]) }
    }
}
