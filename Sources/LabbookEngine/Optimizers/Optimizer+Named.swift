extension Optimizer {
    /// The optimizer Keras's `optimizers.get(name)` gives for a string, with Keras's defaults;
    /// nil for a name Keras does not know. Case-insensitive, as Keras's lookup is.
    public static func named(_ name: String) -> Optimizer? {
        OptimizerRegistry.entry(named: name)?.makeOptimizer()
    }
}
