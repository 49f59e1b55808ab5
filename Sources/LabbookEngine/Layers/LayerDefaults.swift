/// Keras's defaults of the layers' settings, each written once: the layers' `init`s and the
/// bindings read them, and a test holds them to Keras's own (`keras-defaults.json`).
public enum LayerDefaults {
    /// A Dense or Conv2D layer's: linear activation, a bias, `glorot_uniform` kernel, `zeros` bias.
    public static let activation = Activation.linear
    public static let useBias = true
    public static let kernelInitializer = Initializer.glorotUniform()
    public static let biasInitializer = Initializer.zeros
    /// A convolution's or pooling's stride and padding (a pooling's stride is its pool size).
    public static let convolutionStrides = [1, 1]
    public static let padding = Padding.valid
    /// A pooling layer's window.
    public static let poolSize = [2, 2]
    /// BatchNormalization's.
    public static let batchNormalizationMomentum = 0.99
    public static let batchNormalizationEpsilon = 0.001
}
