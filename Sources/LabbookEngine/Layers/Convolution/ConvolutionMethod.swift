/// How ``Conv2D`` computes its convolution and the two gradients: the bias and the activation
/// are the layer's own. A method keeps what its backward pass needs from the last forward pass
/// and reuses its buffers from batch to batch.
protocol ConvolutionMethod: AnyObject {
    /// `z` (`[batch, outHeight, outWidth, filters]`) = the `batch` images at `input` convolved
    /// with `kernel` (`[kh, kw, channels, filters]`).
    func forward(_ input: UnsafePointer<Float>, batch: Int, kernel: UnsafePointer<Float>, into z: UnsafeMutablePointer<Float>)

    /// For the last forward pass's input: writes the kernel's gradient from `dz`, the gradient
    /// of `z`, and, when `inputGradient` is given, the input's gradient there.
    func backward(_ input: UnsafePointer<Float>, batch: Int, dz: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
                  kernelGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?)
}

extension ConvolutionMethod {
    /// How many of `batch` examples are taken at once when each needs `valuesPerExample` floats
    /// of a method's buffers: ``Conv2D/valueBudget`` at most (at least one example).
    func chunk(_ valuesPerExample: Int) -> Int { max(1, Conv2D.valueBudget / max(1, valuesPerExample)) }
}
