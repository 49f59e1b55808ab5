/// One hyper-parameter of an optimizer as Keras 3 has it: the key of `get_config()` and of
/// saved models (`beta_1`), and the default of Keras's signature. A flag (`amsgrad`) is a
/// Bool, kept as 0 or 1 among the numbers of a configuration.
public struct HyperParameter: Equatable, Sendable {
    /// Keras's name: the `get_config()` key (`initial_accumulator_value`).
    public let key: String
    /// Keras's default, 0 or 1 for a flag.
    public let defaultValue: Double
    /// Whether it is a Bool (`amsgrad`, `nesterov`, `centered`).
    public let isFlag: Bool
    /// A flag's default as a Bool.
    public var defaultFlag: Bool { defaultValue != 0 }

    /// A number with its Keras default.
    public init(_ key: String, default defaultValue: Double) {
        self.key = key
        self.defaultValue = defaultValue
        isFlag = false
    }

    /// A flag; every flag of Keras's optimizers is off by default.
    public init(flag key: String) {
        self.key = key
        defaultValue = 0
        isFlag = true
    }
}
