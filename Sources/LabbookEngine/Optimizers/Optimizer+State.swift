extension Optimizer {
    /// Puts back the per-weight state of a saved optimizer (one array of `slotNames.count`
    /// tensors per trainable weight, as `slots` gives them), so that training goes on bit for
    /// bit. The step count and settings come with its ``OptimizerSpec``.
    public func restoreSlots(_ saved: [[Tensor]]) throws {
        guard saved.allSatisfy({ $0.count == slotNames.count }) else {
            throw EngineError.data(EngineMessages.optimizerSlots(kerasName, saved: saved.first?.count ?? 0,
                                                                 expected: slotNames.count))
        }
        slots = try saved.map { try $0.map { try $0.asType(.float32).copied() } }
    }
}
