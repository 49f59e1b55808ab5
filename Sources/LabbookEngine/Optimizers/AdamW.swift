/// AdamW (Loshchilov & Hutter, 2019, arXiv:1711.05101): Adam with decoupled weight decay, as
/// Keras 3's `optimizers/adamw.py`, which is Adam with `weight_decay` defaulting to 0.004. The
/// decay `w ← w − w·wd·lr` is applied by `Optimizer.apply` before Adam's update, as Keras's
/// `_apply_weight_decay` is.
public final class AdamW: Adam {
    /// Keras's defaults: learning rate 0.001, weight decay 0.004, β₁ 0.9, β₂ 0.999, ε 1e-7.
    public init(learningRate: LearningRate = .constant(0.001), weightDecay: Double = 0.004, beta1: Double = 0.9,
                beta2: Double = 0.999, epsilon: Double = 1e-7, amsgrad: Bool = false, clipnorm: Double? = nil,
                clipvalue: Double? = nil, globalClipnorm: Double? = nil) {
        super.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad,
                   clipnorm: clipnorm, clipvalue: clipvalue, globalClipnorm: globalClipnorm,
                   weightDecay: weightDecay, kerasName: "adamw")
    }
}
