import Testing
@testable import LabbookEngine

/// The errors a student meets, and that none of them traps.
@Suite struct ModelErrorTests {
    @Test func missingFlattenNamesBothShapesAndSuggestsFlatten() throws {
        let model = try Sequential([Dense(128, activation: .sigmoid, inputShape: [28, 28]), Dense(10, activation: .softmax)])
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        let x = try Tensor(zeros: [100, 28, 28]), y = try Tensor(zeros: [100], dtype: .uint8)
        #expect(try model.summary().rows.last?.outputShape == "(None, 28, 10)")
        let error = #expect(throws: EngineError.self) { try model.fit(x, y, epochs: 1, batchSize: 64) }
        #expect(error?.description == "the model outputs [64, 28, 10] per batch but the labels are [64]: sparse categorical "
            + "crossentropy needs one row of class scores per label; is a Flatten() missing before the first Dense?")
    }

    @Test func labelOutOfRangeNamesTheLabelAndTheClassCount() throws {
        let model = try Sequential([Flatten(inputShape: [2]), Dense(5, activation: .softmax)])
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy())
        let x = try Tensor(zeros: [4, 2]), y = try Tensor([1, 9, 2, 3], dtype: .uint8)
        let error = #expect(throws: EngineError.self) { try model.fit(x, y) }
        #expect(error == .labelOutOfRange(label: 9, classes: 5))
        #expect(error?.description.hasPrefix("label 9 is out of range for a 5-unit softmax output") == true)
    }

    /// NaN reads as NaN (0/0 is a negative NaN, which Swift prints "-nan"), other values as written.
    @Test(arguments: [(-Float.nan, "NaN"), (0.5, "0.5"), (1e30, "1e+30")])
    func aLabelThatIsNotAClassIndexIsNamed(_ label: Float, _ text: String) throws {
        let model = try Sequential([Dense(2, activation: .softmax, inputShape: [2])])
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy())
        let error = #expect(throws: EngineError.self) { try model.fit(try Tensor(zeros: [2, 2]), try Tensor([label, 1])) }
        #expect(error?.description == "labels must be whole class indices; found \(text)")
    }

    @Test func aNonFiniteLossStopsTrainingWithEpochAndBatch() throws {
        let model = try Sequential([Dense(1, inputShape: [1])], random: RandomContext(seed: 1))
        model.compile(optimizer: SGD(learningRate: .constant(1e30)), loss: .meanSquaredError)
        let x = try Tensor([1, 2, 3, 4], shape: [4, 1]), y = try Tensor([1, 2, 3, 4], shape: [4, 1])
        let error = #expect(throws: EngineError.self) { try model.fit(x, y, epochs: 5, batchSize: 1) }
        guard case let .nonFiniteLoss(epoch, batch)? = error else {
            Issue.record("expected nonFiniteLoss, got \(String(describing: error))")
            return
        }
        #expect(epoch == 0 && batch >= 1)
    }

    @Test func aModelOverTheParameterBudgetIsAnErrorBeforeAllocation() throws {
        let error = #expect(throws: EngineError.self) {
            try Sequential([Dense(1_000_000, inputShape: [1_000_000])])
        }
        guard case .tooLarge? = error else {
            Issue.record("expected tooLarge, got \(String(describing: error))")
            return
        }
    }

    @Test func misuseIsAnErrorNotATrap() throws {
        let model = try Sequential([Dense(2, inputShape: [3])])
        let x = try Tensor(zeros: [4, 3]), y = try Tensor(zeros: [4, 2])
        #expect(throws: EngineError.self) { try model.fit(x, y) }                        // not compiled
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        #expect(throws: EngineError.self) { try model.fit(x, try Tensor(zeros: [3, 2])) }  // lengths differ
        #expect(throws: EngineError.self) { try model.fit(x, y, batchSize: 0) }
        #expect(throws: EngineError.self) { try model.predict(try Tensor(zeros: [4, 5])) } // wrong input shape
        #expect(throws: EngineError.self) { try model.setWeights([]) }
        #expect(throws: EngineError.self) { try Dense(0) }
        #expect(throws: EngineError.self) { try Dropout(1) }
        #expect(throws: EngineError.self) { try Tensor(zeros: [-1]) }
        #expect(throws: EngineError.self) { try Tensor(zeros: [1 << 20, 1 << 20]) }
    }
}

extension ModelErrorTests {
    @Test func anEmptyModelCannotBeTrained() throws {
        let model = try Sequential()
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy())
        let error = #expect(throws: EngineError.self) { try model.fit(try Tensor(zeros: [4, 3]), try Tensor([9, 9, 9, 9])) }
        #expect(error?.description.contains("has no layers") == true)
    }

    /// An integer tensor never holds a value its dtype cannot (`DType`), so printing one never
    /// meets a huge value.
    @Test func hugeValuesCannotBecomeAnIntegerTensor() throws {
        let error = #expect(throws: EngineError.self) { try Tensor([1e30, 2], dtype: .float32).asType(.int32) }
        #expect(error?.description == "value 1e+30 does not fit in int32 "
            + "(-16777215...16777215, the whole numbers its Float32 storage holds exactly)")
    }
}
