/// One curve of a learning-curve chart: a metric's value per epoch, and, for a validation
/// metric, the training metric it pairs with. The caller reads its names (the plots know no
/// metric naming), so `val_loss` comes as `LearningCurve(name: "val_loss", values: …,
/// validationOf: "loss")`.
public struct LearningCurve: Equatable, Sendable {
    /// The name in the legend.
    public var name: String
    /// One value per epoch.
    public var values: [Double]
    /// The training metric this is the validation counterpart of; nil for a training metric.
    public var validationOf: String?

    /// A curve; `validationOf` names the training metric of a validation one.
    public init(name: String, values: [Double], validationOf: String? = nil) {
        self.name = name
        self.values = values
        self.validationOf = validationOf
    }
}

/// Charts of training histories, built from plain per-epoch values.
extension LineChart {
    /// The learning curves of one run, like `pd.DataFrame(history.history).plot(grid=True)`.
    ///
    /// Every metric becomes a curve over the epochs `firstEpoch, firstEpoch + 1, …`. A validation
    /// metric (`val_loss`) takes the colour of its training metric (`loss`) and is dashed, so
    /// each pair reads as one colour.
    public static func learningCurves(_ metrics: [LearningCurve], title: String = "",
                                      ylim: ClosedRange<Double>? = nil, firstEpoch: Int = 1,
                                      width: Int = 640, height: Int = 420) -> LineChart {
        var colorOfBase: [String: Color] = [:]
        let series = metrics.map { metric -> Series in
            let base = metric.validationOf ?? metric.name
            let color = colorOfBase[base] ?? Color.tab10[colorOfBase.count % Color.tab10.count]
            colorOfBase[base] = color
            return Series(name: metric.name, x: epochs(metric.values.count, from: firstEpoch), y: metric.values,
                          style: metric.validationOf == nil ? .solid : .dashed, color: color)
        }
        return LineChart(title: title, xLabel: "epoch", series: series, ylim: ylim,
                         integerXTicks: true, width: width, height: height)
    }

    /// One metric of several runs, one curve per run, for `compare(runs, metric:)`.
    public static func comparison(_ runs: [(name: String, values: [Double])], metric: String,
                                  title: String = "", ylim: ClosedRange<Double>? = nil, firstEpoch: Int = 1,
                                  width: Int = 640, height: Int = 420) -> LineChart {
        let series = runs.map { Series(name: $0.name, x: epochs($0.values.count, from: firstEpoch), y: $0.values) }
        return LineChart(title: title, xLabel: "epoch", yLabel: metric, series: series, ylim: ylim,
                         integerXTicks: true, width: width, height: height)
    }

    private static func epochs(_ count: Int, from first: Int) -> [Double] {
        (0..<count).map { Double(first + $0) }
    }
}
