/// One weight of a layer (a kernel, a bias, a batch-norm statistic) with its gradient.
public final class Weight {
    /// The weight's name inside its layer: `kernel`, `bias`, `gamma`, `moving_mean`, ...
    public let name: String
    /// The current value.
    public var value: Tensor
    /// The gradient of the loss with respect to `value`, written by the layer's backward pass
    /// (same shape as `value`; unused for non-trainable parameters).
    public var gradient: Tensor
    /// Whether optimizers update it (batch-norm moving statistics are not trainable).
    public let trainable: Bool
    /// The penalty added to the loss for this weight, if any.
    public let regularizer: Regularizer?

    /// A parameter of the given shape, zero until an initializer fills it.
    public init(name: String, shape: [Int], trainable: Bool = true, regularizer: Regularizer? = nil) throws {
        self.name = name
        self.value = try Tensor(zeros: shape)
        self.gradient = try Tensor(zeros: trainable ? shape : [0])
        self.trainable = trainable
        self.regularizer = regularizer
    }

    /// The element count.
    public var count: Int { value.count }
}
