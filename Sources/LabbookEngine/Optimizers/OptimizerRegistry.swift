/// Every optimizer labbook has, by the names Keras gives it: what saved models, the Keras-name
/// lookup (`Optimizer.named`) and the bindings read.
public enum OptimizerRegistry {
    /// The entries, in the order the bindings register them.
    public static let entries: [OptimizerEntry] = [
        SGD.Keras.entry, Adam.Keras.entry, AdamW.Keras.entry, Adamax.Keras.entry, Nadam.Keras.entry,
        RMSprop.Keras.entry, Adagrad.Keras.entry, Adadelta.Keras.entry, Lion.Keras.entry,
    ]

    /// The entry of the name an optimizer is saved under (`rm_sprop`), nil for one labbook does not have.
    public static func entry(savedAs kerasName: String) -> OptimizerEntry? {
        entries.first { $0.kerasName == kerasName }
    }

    /// The entry `keras.optimizers.get(name)` finds: the class name in any case (`"rmsprop"`,
    /// `"RMSprop"`), as Keras lowercases it; nil for a name Keras does not know.
    public static func entry(named name: String) -> OptimizerEntry? {
        let lookupName = name.lowercased()
        return entries.first { $0.lookupName == lookupName }
    }
}
