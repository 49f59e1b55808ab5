import Foundation
import Testing
@testable import LabbookEngine

/// The optimizer registry, the one place an optimizer's Keras names, hyper-parameter keys and
/// defaults are written: saved specs, `Optimizer.named`, the Swift initializers and Keras
/// itself all agree with it.
///
/// `Fixtures/keras-defaults.json` is the project spec's `keras-defaults.json` copied as is:
/// the signatures and `get_config()` of Keras 3.15.1 on TensorFlow 2.21.0 (its `versions`),
/// for Adam, Adagrad, RMSprop and SGD.
@Suite struct OptimizerRegistryTests {
    /// Each entry with the optimizer its Swift initializer makes with no arguments.
    static let plainInitializers: [(OptimizerEntry, @Sendable () -> Optimizer)] = [
        (SGD.Keras.entry, { SGD() }), (Adam.Keras.entry, { Adam() }), (AdamW.Keras.entry, { AdamW() }),
        (Adamax.Keras.entry, { Adamax() }), (Nadam.Keras.entry, { Nadam() }), (RMSprop.Keras.entry, { RMSprop() }),
        (Adagrad.Keras.entry, { Adagrad() }), (Adadelta.Keras.entry, { Adadelta() }), (Lion.Keras.entry, { Lion() }),
    ]

    /// Keras's hyper-parameters that are `Optimizer`'s own (clipping, weight decay, EMA, loss
    /// scaling, accumulation) or no hyper-parameter at all, left out of an entry's `parameters`.
    static let sharedKerasArguments: Set<String> = [
        "weight_decay", "clipnorm", "global_clipnorm", "clipvalue", "use_ema", "ema_momentum",
        "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps", "name", "kwargs",
    ]

    @Test func everyOptimizerHasOneEntryUnderEachName() {
        let entries = OptimizerRegistry.entries
        #expect(entries.map(\.name) == ["SGD", "Adam", "AdamW", "Adamax", "Nadam", "RMSprop", "Adagrad", "Adadelta", "Lion"])
        #expect(Set(entries.map(\.kerasName)).count == entries.count)
        #expect(Set(entries.map(\.lookupName)).count == entries.count)
        for entry in entries {
            #expect(OptimizerRegistry.entry(savedAs: entry.kerasName)?.name == entry.name)
            #expect(OptimizerRegistry.entry(named: entry.name.uppercased())?.name == entry.name)
            #expect(Set(entry.parameters.map(\.key)).count == entry.parameters.count, "\(entry.name)")
        }
        #expect(OptimizerRegistry.entry(savedAs: "rmsprop") == nil, "saved as rm_sprop, looked up as rmsprop")
        #expect(OptimizerRegistry.entry(named: "rm_sprop") == nil)
    }

    /// A spec made into an optimizer and back is the same spec, every hyper-parameter away from
    /// its default (flags on), with clipping, weight decay, a schedule and a step count.
    @Test(arguments: OptimizerRegistry.entries.map(\.name))
    func aSpecSurvivesMakeOptimizer(_ name: String) throws {
        let entry = try #require(OptimizerRegistry.entry(named: name))
        let config = Dictionary(uniqueKeysWithValues: entry.parameters.filter { $0.key != "weight_decay" }.map { p in
            (p.key, p.isFlag ? 1 : p.defaultValue + 0.03125)
        })
        let spec = OptimizerSpec(name: entry.kerasName,
                                 learningRate: .exponentialDecay(initial: 0.05, decaySteps: 7, decayRate: 0.5),
                                 clipnorm: 1.5, clipvalue: nil, globalClipnorm: 2, weightDecay: 0.125,
                                 config: config, iterations: 11)
        #expect(try spec.makeOptimizer().spec == spec)
    }

    /// `makeOptimizer` with nothing given, `Optimizer.named` and the initializer with no
    /// arguments make the same optimizer, whose configuration holds exactly the entry's keys
    /// (bar AdamW's weight decay, which is `Optimizer`'s own) at their defaults.
    @Test(arguments: plainInitializers.indices)
    func initializerDefaultsAreTheEntrys(_ index: Int) throws {
        let (entry, make) = Self.plainInitializers[index]
        let plain = make()
        #expect(plain.spec == entry.makeOptimizer().spec)
        #expect(plain.spec == Optimizer.named(entry.lookupName)?.spec)
        #expect(plain.learningRate == .constant(entry.learningRate))
        var defaults = entry.defaults
        #expect(plain.weightDecay == defaults.removeValue(forKey: "weight_decay"))
        // Some optimizers keep their settings in Float: compare at Float precision.
        #expect(plain.spec.config.mapValues(Float.init) == defaults.mapValues(Float.init), "\(entry.name)")
    }

    /// The learning rate, the hyper-parameter keys and their defaults of Keras's signatures,
    /// and the name `get_config()` reports, for the optimizers `keras-defaults.json` has.
    @Test(arguments: ["Adam", "Adagrad", "RMSprop", "SGD"])
    func defaultsAreKerass(_ name: String) throws {
        let keras = try Self.kerasDefaults()
        let entry = try #require(OptimizerRegistry.entry(named: name))
        let signature = try #require(keras.optimizersSignature[name])
        #expect(signature["learning_rate"] == .number(entry.learningRate))
        let own = signature.filter { !Self.sharedKerasArguments.contains($0.key) && $0.key != "learning_rate" }
        #expect(Set(own.keys) == Set(entry.parameters.map(\.key)))
        for parameter in entry.parameters {
            let expected: KerasValue = parameter.isFlag ? .flag(parameter.defaultFlag) : .number(parameter.defaultValue)
            #expect(own[parameter.key] == expected, "\(name).\(parameter.key)")
        }
        let config = try #require(keras.optimizersGetConfig[name])
        #expect(config["name"] == .text(entry.kerasName))
        #expect(Set(entry.parameters.map(\.key)).isSubset(of: config.keys))
    }

    /// A saved name the registry does not have is the saved model's error.
    @Test func anUnknownSavedNameIsAnError() {
        let spec = OptimizerSpec(name: "ftrl", learningRate: .constant(0.1), config: [:], iterations: 0)
        let error = #expect(throws: EngineError.self) { try spec.makeOptimizer() }
        #expect(error?.description.contains("unknown optimizer 'ftrl'") == true)
    }

    // MARK: - keras-defaults.json

    /// A value of the JSON: a number, a Bool, a string or null (anything else is `.other`).
    enum KerasValue: Decodable, Equatable {
        case number(Double), flag(Bool), text(String), null, other

        init(from decoder: Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let flag = try? value.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else if let text = try? value.decode(String.self) {
                self = .text(text)
            } else {
                self = .other
            }
        }
    }

    struct KerasDefaults: Decodable {
        var optimizersSignature: [String: [String: KerasValue]]
        var optimizersGetConfig: [String: [String: KerasValue]]

        enum CodingKeys: String, CodingKey {
            case optimizersSignature = "optimizers_signature", optimizersGetConfig = "optimizers_get_config"
        }
    }

    static func kerasDefaults() throws -> KerasDefaults {
        let url = try #require(Bundle.module.url(forResource: "keras-defaults", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(KerasDefaults.self, from: Data(contentsOf: url))
    }
}
