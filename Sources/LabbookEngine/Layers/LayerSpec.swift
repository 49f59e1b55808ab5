/// A layer as data: its kind and constructor arguments. Saved models store their architecture
/// as a list of these (JSON in the file's metadata), and `makeLayer` builds a fresh layer back.
public enum LayerSpec: Codable, Equatable, Sendable {
    case input(shape: [Int])
    case flatten(inputShape: [Int]?)
    case reshape(targetShape: [Int], inputShape: [Int]?)
    case dense(units: Int, activation: Activation, useBias: Bool, kernelInitializer: Initializer,
               biasInitializer: Initializer, kernelRegularizer: Regularizer?, biasRegularizer: Regularizer?,
               inputShape: [Int]?)
    case activation(Activation)
    case dropout(rate: Double, seed: Int?)
    case batchNormalization(momentum: Double, epsilon: Double)
    case conv2D(filters: Int, kernelSize: [Int], strides: [Int], padding: Padding, activation: Activation, useBias: Bool,
                kernelInitializer: Initializer, biasInitializer: Initializer, kernelRegularizer: Regularizer?,
                biasRegularizer: Regularizer?, inputShape: [Int]?)
    case maxPooling2D(poolSize: [Int], strides: [Int], padding: Padding)
    case averagePooling2D(poolSize: [Int], strides: [Int], padding: Padding)
    case globalAveragePooling2D

    /// A new, unbuilt layer with these arguments.
    public func makeLayer() throws -> Layer {
        switch self {
        case let .input(shape): return try Input(shape: shape)
        case let .flatten(inputShape): return Flatten(inputShape: inputShape)
        case let .reshape(targetShape, inputShape): return try Reshape(targetShape, inputShape: inputShape)
        case let .dense(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, biasRegularizer, inputShape):
            return try Dense(units, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer,
                             biasInitializer: biasInitializer, kernelRegularizer: kernelRegularizer,
                             biasRegularizer: biasRegularizer, inputShape: inputShape)
        case let .activation(activation): return ActivationLayer(activation)
        case let .dropout(rate, seed): return try Dropout(rate, seed: seed)
        case let .batchNormalization(momentum, epsilon): return try BatchNormalization(momentum: momentum, epsilon: epsilon)
        case let .conv2D(filters, kernelSize, strides, padding, activation, useBias, kernelInitializer, biasInitializer,
                         kernelRegularizer, biasRegularizer, inputShape):
            return try Conv2D(filters, kernelSize: kernelSize, strides: strides, padding: padding, activation: activation,
                              useBias: useBias, kernelInitializer: kernelInitializer, biasInitializer: biasInitializer,
                              kernelRegularizer: kernelRegularizer, biasRegularizer: biasRegularizer, inputShape: inputShape)
        case let .maxPooling2D(poolSize, strides, padding): return try MaxPooling2D(poolSize: poolSize, strides: strides, padding: padding)
        case let .averagePooling2D(poolSize, strides, padding):
            return try AveragePooling2D(poolSize: poolSize, strides: strides, padding: padding)
        case .globalAveragePooling2D: return GlobalAveragePooling2D()
        }
    }
}
