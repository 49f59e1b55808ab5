/// The seed of a session and the count of models made under it. Each model takes the next
/// ordinal, and its streams are named after it ("model2/dense_1/kernel"), so that re-running
/// the same notebook with the same seed gives the same weights, and a second model of the same
/// architecture does not start from the first one's weights (as in Keras).
public final class RandomContext {
    /// The seed every stream starts from.
    public private(set) var seed: UInt64
    /// How many models were made since the last reseed.
    public internal(set) var modelsCreated = 0

    public init(seed: UInt64 = 0) { self.seed = seed }

    /// `setSeed(n)`: a new seed for everything that follows.
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        modelsCreated = 0
    }

    /// Puts the context back where a saved session had it: the seed, and how many models had
    /// been made (so the next model takes the ordinal it took before).
    public func restore(seed: UInt64, modelsCreated: Int) {
        self.seed = seed
        self.modelsCreated = modelsCreated
    }

    func nextModelOrdinal() -> Int {
        defer { modelsCreated += 1 }
        return modelsCreated
    }

    /// The context models use unless given another (one per process; the notebook layer
    /// reseeds it at the start of each notebook).
    nonisolated(unsafe) public static let shared = RandomContext()
}
