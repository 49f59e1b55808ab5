import Foundation
import LabbookEngine
import LabbookInterpreter
import LabbookPlots

/// The output builtins that draw: `show`, `showGrid`, `plot`, `compare`. Each emits a figure
/// (what to draw; the report layer draws it at the cell's `fig-width`/`fig-height`).
extension EngineTypes {
    func registerPlots(context: BindingContext) {
        let tensor = self.tensor, history = self.history, metricName = self.metricName
        library.function("show", [Parameter(nil, "Tensor", name: "image"), Parameter("title", "String", default: .string(""))]) { args in
            let image = try grayImage(try args.native(0, as: tensor))
            args.context.emit(.rich(FigureOutput(figure: .image(ImageFigure(image: image, title: try args.string(1))))))
            return .void
        }
        library.function("showGrid", [
            Parameter(nil, .any, name: "images"), Parameter("labels", .array("String"), default: .array([])),
            Parameter("columns", "Int", default: .int(5)), Parameter("title", "String", default: .string("")),
        ]) { args in
            var images: [GrayImage] = []
            if let batch = tensor.unwrap(args[0]) {
                guard batch.rank == 3 else {
                    throw NativeError(BindingMessages.gridShape(batch.shape))
                }
                images = try (0..<batch.shape[0]).map { try grayImage(try batch.entry($0)) }
            } else if case .array(let items) = args[0] {
                images = try items.map { try grayImage(try tensor.unwrap($0).orThrow(BindingMessages.gridItems)) }
            } else {
                throw NativeError(BindingMessages.gridValue)
            }
            let limit = 400
            guard images.count <= limit else { throw NativeError(BindingMessages.gridTooLarge(images.count, limit: limit)) }
            let labels = try args.array(1).map { $0.description }
            let columns = try args.int(2)
            guard columns > 0 else { throw NativeError(BindingMessages.gridColumns(columns)) }
            args.context.emit(.rich(FigureOutput(figure: .imageGrid(ImageGrid(images: images, captions: labels, columns: columns,
                                                                                title: try args.string(3))))))
            return .void
        }
        library.function("plot", [
            Parameter(nil, "History", name: "history"), Parameter("metrics", .optional(.array("MetricName")), default: .nil),
            Parameter("ylim", .optional(.tuple(["Double", "Double"])), default: .nil), Parameter("title", "String", default: .string("")),
        ]) { args in
            let h = try args.native(0, as: history)
            var metrics = h.metrics.sorted { $0.name < $1.name }
            if let chosen = try args.optional(1, { try args.array($0) }) {
                let names = try chosen.map { try metricName.unwrap($0).orThrow(BindingMessages.plotMetrics).keras }
                for name in names where h[name] == nil {
                    throw NativeError(BindingMessages.historyHasNoMetric(name, metrics: h.metrics.map(\.name)))
                }
                metrics = names.map { ($0, h[$0] ?? []) }
            }
            let curves = metrics.map { metric in
                let name = MetricName(keras: metric.name)
                return LearningCurve(name: name.keras, values: metric.values, validationOf: name.isValidation ? name.base : nil)
            }
            let chart = LineChart.learningCurves(curves, title: try args.string(3), ylim: try range(args[2]),
                                                 firstEpoch: (h.epochNumbers.first ?? 0) + 1)
            args.context.emit(.rich(FigureOutput(figure: .lineChart(chart))))
            return .void
        }
        library.function("compare", [
            Parameter(nil, .any, name: "runs"), Parameter("metric", "MetricName", default: metricName.wrap(MetricName(keras: "val_accuracy"))),
            Parameter("ylim", .optional(.tuple(["Double", "Double"])), default: .nil), Parameter("title", "String", default: .string("")),
        ]) { args in
            let runs = try self.runs(args[0])
            let metric = try args.native(1, as: metricName).keras
            var curves: [(name: String, values: [Double])] = []
            var rows: [[String]] = []
            for (name, h) in runs {
                guard let values = h[metric], let best = h.best(metric) else {
                    throw NativeError(BindingMessages.runHasNoMetric(name, metric, metrics: h.metrics.map(\.name)))
                }
                curves.append((name, values))
                rows.append([name, String(format: "%.4f", values.last ?? .nan), String(format: "%.4f", best.value), "\(best.epoch + 1)"])
            }
            let chart = LineChart.comparison(curves, metric: metric, title: try args.string(3), ylim: try range(args[2]))
            args.context.emit(.rich(FigureOutput(figure: .lineChart(chart))))
            let headers = context.language == "es"
                ? ["ejecución", "\(metric) final", "mejor \(metric)", "mejor época"]
                : ["run", "final \(metric)", "best \(metric)", "best epoch"]
            args.context.emit(.table(Table(headers: headers, rows: rows)))
            return .void
        }
    }

    /// `[String: History]` or `[(String, History)]`, in order.
    private func runs(_ value: Value) throws -> [(String, History)] {
        let problem = NativeError(BindingMessages.compareRuns)
        switch value {
        case .dictionary(let entries):
            return try entries.map { key, h in
                guard case .string(let name) = key.value, let history = history.unwrap(h) else { throw problem }
                return (name, history)
            }
        case .array(let items):
            return try items.map { item in
                guard case .tuple(let pair, _) = item, pair.count == 2, case .string(let name) = pair[0],
                      let history = history.unwrap(pair[1]) else { throw problem }
                return (name, history)
            }
        default:
            throw problem
        }
    }

    /// An optional `(low, high)` tuple as a range.
    private func range(_ value: Value) throws -> ClosedRange<Double>? {
        guard case .tuple(let items, _) = value, items.count == 2 else { return nil }
        guard let low = items[0].doubleValue, let high = items[1].doubleValue, low < high else {
            throw NativeError(BindingMessages.ylim)
        }
        return low...high
    }

    /// A `[height, width]` (or `[height, width, 1]`) tensor as a gray image.
    private func grayImage(_ t: Tensor) throws -> GrayImage {
        let shape = t.shape.count == 3 && t.shape[2] == 1 ? Array(t.shape.prefix(2)) : t.shape
        guard shape.count == 2, shape[0] > 0, shape[1] > 0, shape[0] <= 2048, shape[1] <= 2048 else {
            throw NativeError(BindingMessages.imageShape(t.shape))
        }
        return GrayImage(width: shape[1], height: shape[0], pixels: t.scalars)
    }
}
