import Testing
@testable import LabbookEngine

/// Sizes, counts and batch sizes from a notebook can be anything up to `Int.max`: each is a
/// clear error or, where Keras accepts it, just works — never an arithmetic-overflow trap.
@Suite struct OverflowTests {
    static func compiledModel() throws -> Sequential {
        let model = try Sequential([Dense(2, activation: .softmax, inputShape: [2])], random: RandomContext(seed: 3))
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy())
        return model
    }

    static let x = try! Tensor([0, 1, 1, 0, 1, 1, 0, 0], shape: [4, 2])
    static let y = try! Tensor([0, 1, 1, 0], dtype: .uint8)

    /// A batch larger than the data is the whole data, as in Keras: the same numbers as
    /// `batchSize: 4`.
    @Test func aBatchSizeLargerThanTheDataIsTheWholeData() throws {
        let whole = try Self.compiledModel(), huge = try Self.compiledModel()
        let expected = try whole.fit(Self.x, Self.y, epochs: 2, batchSize: 4, shuffle: false)
        let history = try huge.fit(Self.x, Self.y, epochs: 2, batchSize: .max, shuffle: false)
        #expect(history["loss"] == expected["loss"])
        #expect(try huge.evaluate(Self.x, Self.y, batchSize: .max).map(\.value) == whole.evaluate(Self.x, Self.y, batchSize: 4).map(\.value))
        #expect(try huge.predict(Self.x, batchSize: .max) == whole.predict(Self.x))
    }

    @Test func epochsNearIntMaxTrainTheEpochsAskedFor() throws {
        let history = try Self.compiledModel().fit(Self.x, Self.y, epochs: .max, initialEpoch: .max - 1)
        #expect(history.epochNumbers == [.max - 1])
    }

    /// Keras's `train_validation_split` refuses a split that leaves no validation examples.
    @Test func aValidationSplitThatLeavesNoValidationDataIsAnError() throws {
        let error = #expect(throws: EngineError.self) { try Self.compiledModel().fit(Self.x, Self.y, validationSplit: 1e-300) }
        #expect(error?.description == "validationSplit 1e-300 of 4 examples leaves no validation examples; "
            + "use a larger validationSplit or more data")
    }

    @Test(arguments: [
        ([{ try Input(shape: [2]) }, { try Dense(.max) }] as [() throws -> Layer], "the model (at layer 'dense') would need more than "
            + "9223372036854775807 values, far more than the limit of 100000000"),
        ([{ try Input(shape: [8, 8, 1]) }, { try Conv2D(2, kernelSize: [.max, .max], padding: .same) }],
         "the model (at layer 'conv2d') would need more than 9223372036854775807 values, far more than the limit of 100000000"),
        ([{ try Input(shape: [4]) }, { try Reshape([3, -1]) }],
         "layer 'reshape' cannot reshape an input of shape [4] (4 values per example) to [3, -1], which needs a multiple of 3 values"),
        ([{ try Input(shape: [4]) }, { try Reshape([3, 3]) }],
         "layer 'reshape' cannot reshape an input of shape [4] (4 values per example) to [3, 3], which needs 9 values"),
        ([{ try Input(shape: [10_000, 10_000, 1]) }, { try MaxPooling2D(poolSize: [100, 100], strides: [1, 1]) }],
         "the windows of layer 'max_pooling2d' would need 980298010000 values, more than the limit of 67108864"),
    ] as [([() throws -> Layer], String)])
    func oversizedModelsAreErrorsBeforeAllocation(_ layers: [() throws -> Layer], _ message: String) throws {
        let error = #expect(throws: EngineError.self) { try Sequential(try layers.map { try $0() }) }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        ({ try Input(shape: [.max, 2]) } as () throws -> Layer,
         "an input of shape [9223372036854775807, 2] per example would need more than 9223372036854775807 values, "
            + "far more than the limit of 1073741824"),
        ({ try Reshape([.max, 2]) }, "Reshape's target shape [9223372036854775807, 2] would need more than "
            + "9223372036854775807 values, far more than the limit of 1073741824"),
    ])
    func oversizedLayersAreErrors(_ make: () throws -> Layer, _ message: String) {
        let error = #expect(throws: EngineError.self) { try make() }
        #expect(error?.description == message)
    }

    /// `add` on a built model checks the budget too, and a refused layer is not left in it.
    @Test func addingALayerOverTheBudgetLeavesTheModelAsItWas() throws {
        let model = try Sequential([Input(shape: [10]), Dense(100_000)])
        let error = #expect(throws: EngineError.self) { try model.add(Dense(100_000)) }
        #expect(error?.description == "the model (at layer 'dense_1') would need 10001200000 values, more than the limit of 100000000")
        #expect(model.layers.count == 1)
    }

    /// `same` padding with a window or stride of any size: ⌈n / s⌉ positions, the window
    /// clipped to the image. On the 8×8 image 0...63 (row-major), the last window's maximum is
    /// the image's last cell, 63, when a window covers it; a stride past the image leaves one
    /// window per axis, which starts at 0 (TensorFlow pads nothing before it): 2×2 → 9; rows
    /// 6..<8 by columns 0..<3 → 58.
    @Test(arguments: [([Int.max, Int.max], [1, 1], [8, 8, 1], 63), ([2, 2], [Int.max, Int.max], [1, 1, 1], 9),
                      ([3, 3], [3, Int.max], [3, 1, 1], 58)] as [([Int], [Int], [Int], Float)])
    func samePaddingWithHugeWindowsOrStrides(_ size: [Int], _ strides: [Int], _ shape: [Int], _ last: Float) throws {
        let model = try Sequential([Input(shape: [8, 8, 1]), MaxPooling2D(poolSize: size, strides: strides, padding: .same)])
        let x = try Tensor(shape: [1, 8, 8, 1]) { for i in $0.indices { $0[i] = Float(i) } }
        let y = try model.predict(x)
        #expect(y.shape == [1] + shape)
        #expect(y.scalars.last == last)
    }

    @Test func reshapeWithAWildcardDoesNotOverflow() throws {
        let error = #expect(throws: EngineError.self) { try Tensor(zeros: [0]).reshaped(to: [-1, .max, 2]) }
        #expect(error?.description == "invalid shape [-1, 9223372036854775807, 2]: 0 values cannot be arranged in it")
        #expect(throws: EngineError.invalidShape([-1, -1], reason: "only one size can be -1")) {
            try Tensor(zeros: [4]).reshaped(to: [-1, -1])
        }
    }

    @Test(arguments: [
        (LearningRate.exponentialDecay(initial: 0.1, decaySteps: 0, decayRate: 0.9), "decaySteps must be positive, not 0"),
        (.cosineDecay(initial: 0.1, decaySteps: 10, warmupTarget: 0.2, warmupSteps: -.max),
         "warmupSteps must not be negative, not -9223372036854775807"),
    ])
    func schedulesWithImpossibleStepCountsAreErrors(_ rate: LearningRate, _ message: String) {
        let error = #expect(throws: EngineError.self) { try rate.checked() }
        #expect(error?.description == message)
    }
}
