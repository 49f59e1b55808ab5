import Foundation

/// A layer of a `Sequential` model, as Keras's: built once for a per-example input shape,
/// then called on batches. Forward and backward are written side by side in each layer; the
/// tensors a layer returns may be views of its own reusable buffers, valid until its next call,
/// so that training allocates nothing per batch.
public protocol Layer: AnyObject {
    /// Keras's class name (`Dense`, `BatchNormalization`).
    var typeName: String { get }
    /// The name the model gives it (`dense`, `dense_1`, ...).
    var name: String { get set }
    /// The per-example input shape given with `inputShape:`, if any.
    var declaredInputShape: [Int]? { get }
    /// The per-example output shape for a per-example input shape, or an error naming both.
    func outputShape(forInput inputShape: [Int]) throws -> [Int]
    /// How many weights `build` will create for this input shape (checked against the budget
    /// before anything is allocated); `Int.max` for a count that does not fit in an Int.
    func parameterCount(forInput inputShape: [Int]) -> (trainable: Int, nonTrainable: Int)
    /// Creates and initialises the weights; `stream(name)` gives the weight's random stream.
    func build(inputShape: [Int], stream: (String) -> RandomStream) throws
    /// The weights, in Keras's order (`kernel`, `bias`; `gamma`, `beta`, `moving_mean`, ...).
    var parameters: [Weight] { get }
    /// The output for a batch `[batch] + inputShape`.
    func forward(_ input: Tensor, training: Bool) throws -> Tensor
    /// Given dLoss/dOutput for the last forward call, sets the weights' gradients and returns
    /// dLoss/dInput when `needsInputGradient` (the first layer's is never needed).
    func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor?
    /// The constructor and its arguments, for saving the architecture.
    var spec: LayerSpec { get }
    /// At the start of each training epoch: `stream(purpose)` is the layer's random stream for
    /// that purpose and epoch, from the model's `seed` (Dropout reseeds its mask stream here;
    /// most layers draw nothing).
    func epochBegan(seed: UInt64, stream: (_ purpose: String, _ seed: UInt64) -> RandomStream)
}

extension Layer {
    public var declaredInputShape: [Int]? { nil }
    public var parameters: [Weight] { [] }
    public func parameterCount(forInput inputShape: [Int]) -> (trainable: Int, nonTrainable: Int) { (0, 0) }
    public func build(inputShape: [Int], stream: (String) -> RandomStream) throws {}
    public func epochBegan(seed: UInt64, stream: (_ purpose: String, _ seed: UInt64) -> RandomStream) {}

    /// Keras's base of automatic names (`to_snake_case`): `BatchNormalization` →
    /// `batch_normalization`, `MaxPooling2D` → `max_pooling2d`. An underscore goes before each
    /// capital that starts a lower-case word, and between a lower-case letter and a capital.
    public var baseName: String {
        let characters = Array(typeName)
        var result = ""
        for (i, c) in characters.enumerated() {
            if i > 0, c.isUppercase {
                let startsWord = i + 1 < characters.count && characters[i + 1].isLowercase
                let afterLowercase = characters[i - 1].isLowercase
                if startsWord || afterLowercase { result += "_" }
            }
            result += c.lowercased()
        }
        return result
    }
}

/// A layer may be told that the loss computes the gradient with respect to its
/// pre-activation values itself (softmax + cross-entropy, sigmoid + binary cross-entropy,
/// fused as Keras 3 fuses them): it then exposes those logits and skips the activation's
/// derivative in `backward`.
protocol LogitsProducing: Layer {
    /// The activation applied last.
    var outputActivation: Activation { get }
    /// The pre-activation values of the last forward call, same shape as its output.
    var logits: Tensor? { get }
    /// Set by the model when the loss hands back dLoss/dLogits.
    var receivesLogitGradient: Bool { get set }
}

/// A reusable buffer: hands out tensors of any shape up to the largest asked for, reallocating
/// only when a larger one is needed (the first batch, or a larger prediction batch).
struct Workspace {
    private var storage: TensorStorage?

    /// A tensor of `shape` over this buffer; its previous contents are not preserved.
    mutating func tensor(_ shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        if storage == nil || storage!.capacity < count { storage = TensorStorage(capacity: count) }
        return Tensor(uncheckedShape: shape, dtype: .float32, storage: storage!, offset: 0)
    }
}
