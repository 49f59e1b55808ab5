import Testing
@testable import LabbookReport
@testable import LabbookDiff
import LabbookTestSupport
import LabbookEngine

@Suite struct DiffToleranceTests {
    @Test(arguments: [
        // arguments, accuracy default, loss default, overrides
        ([String](), Tolerance.absolute(0.005), Tolerance.relative(0.02), [String: Tolerance]()),
        (["0.01"], .absolute(0.01), .relative(0.02), [:]),
        (["rel:0.05"], .absolute(0.005), .relative(0.05), [:]),
        (["abs:0.002"], .absolute(0.002), .relative(0.02), [:]),
        (["val_accuracy=0.003"], .absolute(0.005), .relative(0.02), ["val_accuracy": .absolute(0.003)]),
        (["loss=rel:0.02", "loss=abs:0.1"], .absolute(0.005), .relative(0.02), ["loss": .absolute(0.1)]),
        ([" 0 ", "val_loss = rel:0"], .absolute(0), .relative(0.02), ["val_loss": .relative(0)]),
    ])
    func parses(arguments: [String], accuracy: Tolerance, loss: Tolerance, overrides: [String: Tolerance]) throws {
        let tolerances = try Tolerances.parse(arguments)
        #expect(tolerances.accuracyDefault == accuracy)
        #expect(tolerances.lossDefault == loss)
        #expect(tolerances.overrides == overrides)
    }

    @Test(arguments: [
        ("", "'' is not a number"),
        ("abc", "'abc' is not a number"),
        ("-0.1", "a tolerance cannot be negative"),
        ("nan", "'nan' is not a number"),
        ("inf", "'inf' is not a number"),
        ("loss=", "'' is not a number"),
        ("=0.1", "the metric name before '=' must be letters, digits or '_'"),
        ("val-loss=0.1", "the metric name before '=' must be letters, digits or '_'"),
        ("loss=rel:", "'' is not a number"),
        ("loss=rel:x", "'x' is not a number"),
        ("loss=pct:1", "the kind before ':' must be 'abs' or 'rel'"),
        ("2%", "'2%' is not a number"),
    ])
    func rejects(argument: String, problem: String) {
        #expect(throws: ToleranceError(argument: argument, problem: problem)) { try Tolerances.parse([argument]) }
    }

    /// Accuracies get the absolute default, losses the relative one, by ``MetricName/direction``;
    /// a name labbook does not know follows Keras's `auto` rule (`acc` in it: better higher).
    @Test(arguments: [
        ("accuracy", Tolerance.absolute(0.005)), ("val_accuracy", .absolute(0.005)),
        ("val_sparse_top_k_categorical_accuracy", .absolute(0.005)), ("top_acc", .absolute(0.005)),
        ("loss", .relative(0.02)), ("val_loss", .relative(0.02)), ("mae", .relative(0.02)), ("val_mse", .relative(0.02)),
        ("auc", .relative(0.02)), ("val_precision", .relative(0.02)),
    ])
    func defaultToleranceFollowsTheDirection(name: String, tolerance: Tolerance) {
        #expect(Tolerances().tolerance(for: name) == tolerance)
    }

    /// One direction per name everywhere: `EarlyStopping`'s `auto` mode maximizes exactly the
    /// metrics whose diff tolerance is the accuracies' one, known names or not.
    @Test(arguments: ["accuracy", "val_accuracy", "loss", "val_loss", "mse", "auc", "val_precision", "top_acc", "val_val_acc"])
    func monitorAndToleranceAgree(name: String) {
        let maximizes = EarlyStopping(monitor: name).mode == .max
        #expect(maximizes == (Tolerances().tolerance(for: name) == Tolerances().accuracyDefault))
        #expect(maximizes == (MetricName(keras: name).direction == .higherIsBetter))
    }

    /// The best value over the epochs is the largest of an accuracy, the smallest of a loss,
    /// NaN left out.
    @Test func bestValueFollowsTheDirection() {
        #expect(MetricName(keras: "val_accuracy").direction.best(of: [0.8, .nan, 0.9, 0.85]) == 0.9)
        #expect(MetricName(keras: "val_loss").direction.best(of: [0.5, 0.3, .nan, 0.4]) == 0.3)
        #expect(MetricName(keras: "loss").direction.best(of: [.nan]) == nil)
    }

    @Test(arguments: [
        (Tolerance.absolute(0.005), 0.88, 0.885, true),
        (.absolute(0.005), 0.88, 0.8751, true),
        (.absolute(0.005), 0.88, 0.886, false),
        (.relative(0.02), 0.5, 0.51, true),
        (.relative(0.02), 0.5, 0.4899, false),
        (.absolute(0), 0.5, 0.5, true),
        (.absolute(1), .nan, .nan, true),
        (.absolute(1), 0.5, .nan, false),
    ])
    func allows(tolerance: Tolerance, old: Double, new: Double, within: Bool) {
        #expect(tolerance.allows(old: old, new: new) == within)
    }

    @Test func descriptions() {
        #expect(Tolerance.absolute(0.005).description == "±0.005")
        #expect(Tolerance.relative(0.02).description == "±2 %")
    }
}
