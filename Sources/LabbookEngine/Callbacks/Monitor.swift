/// Whether a monitored quantity should go down or up, as Keras's `mode`.
public enum MonitorMode: String, Codable, Sendable {
    case auto, min, max

    /// `auto` resolved for a metric name: losses go down, accuracies go up (Keras decides from
    /// the metric's direction; every metric labbook has is an accuracy or a loss).
    func resolved(for monitor: String) -> MonitorMode {
        guard self == .auto else { return self }
        let metric = monitor.hasPrefix("val_") ? String(monitor.dropFirst(4)) : monitor
        return metric.contains("accuracy") || metric == "acc" ? .max : .min
    }
}
