extension Optimizer {
    /// The optimizer Keras's `optimizers.get(name)` gives for a string, with Keras's defaults;
    /// nil for a name Keras does not know. Case-insensitive, as Keras's lookup is.
    public static func named(_ kerasName: String) -> Optimizer? {
        switch kerasName.lowercased() {
        case "adam": return Adam()
        case "sgd": return SGD()
        case "rmsprop": return RMSprop()
        case "adagrad": return Adagrad()
        case "adadelta": return Adadelta()
        case "adamax": return Adamax()
        case "nadam": return Nadam()
        case "adamw": return AdamW()
        case "lion": return Lion()
        default: return nil
        }
    }
}
