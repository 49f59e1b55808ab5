/// Whether a monitored quantity should go down or up, as Keras's `mode`.
public enum MonitorMode: String, Codable, Sendable {
    case auto, min, max

    /// `auto` resolved for a metric name by its direction (``MetricName/direction``).
    func resolved(for monitor: String) -> MonitorMode {
        guard self == .auto else { return self }
        return MetricName(keras: monitor).direction == .higherIsBetter ? .max : .min
    }
}
