/// AdamW (Loshchilov & Hutter, 2019, arXiv:1711.05101): Adam with decoupled weight decay, as
/// Keras 3's `optimizers/adamw.py`, which is Adam with `weight_decay` defaulting to 0.004. The
/// decay `w ← w − w·wd·lr` is applied by `Optimizer.apply` before Adam's update, as Keras's
/// `_apply_weight_decay` is.
public final class AdamW: Adam {
    /// Keras 3's `AdamW(learning_rate=0.001, weight_decay=0.004, ...)`, the rest as ``Adam``. Its
    /// weight decay is ``Optimizer``'s own, saved beside the configuration rather than in it.
    public enum Keras {
        public static let weightDecay = HyperParameter("weight_decay", default: 0.004)
        /// AdamW in ``OptimizerRegistry``.
        public static let entry = OptimizerEntry(name: "AdamW", kerasName: "adamw", learningRate: Adam.Keras.learningRate,
                                                 parameters: [weightDecay] + Adam.Keras.entry.parameters) { c in
            AdamW(learningRate: c.learningRate, weightDecay: c[weightDecay], beta1: c[Adam.Keras.beta1],
                  beta2: c[Adam.Keras.beta2], epsilon: c[Adam.Keras.epsilon], amsgrad: c.flag(Adam.Keras.amsgrad))
        }
    }

    /// Keras's defaults (``Keras`` and ``Adam/Keras``).
    public init(learningRate: LearningRate = .constant(Adam.Keras.learningRate),
                weightDecay: Double = Keras.weightDecay.defaultValue, beta1: Double = Adam.Keras.beta1.defaultValue,
                beta2: Double = Adam.Keras.beta2.defaultValue, epsilon: Double = Adam.Keras.epsilon.defaultValue,
                amsgrad: Bool = Adam.Keras.amsgrad.defaultFlag, clipnorm: Double? = nil, clipvalue: Double? = nil,
                globalClipnorm: Double? = nil) {
        super.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad,
                   clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm,
                   weightDecay: weightDecay, kerasName: Keras.entry.kerasName)
    }
}
