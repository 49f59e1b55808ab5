import Testing
@testable import LabbookEngine

/// The bench trains the models it says it trains.
@Suite struct BenchModelTests {
    /// B6 is exercise 12's final network: its layers and parameter counts are those of the
    /// coursework's committed report (Total 1,339,914; Trainable 1,336,842; Non-trainable 3,072),
    /// and it trains with the coursework's batch of 128.
    @Test func b6IsTheCourseworksFinalNetwork() throws {
        let model = try Benchmark.model("B6", random: RandomContext(seed: 0))
        let summary = try model.summary()
        #expect(summary.trainable == 1_336_842 && summary.nonTrainable == 3_072, "\(summary.trainable), \(summary.nonTrainable)")
        #expect(model.layers.map(\.typeName) == ["Flatten", "Dropout", "Dense", "BatchNormalization", "Dropout",
                                                 "Dense", "BatchNormalization", "Dropout", "Dense"])
        #expect(model.layers.compactMap { ($0 as? Dropout)?.rate } == [0.1, 0.3, 0.3])
        #expect(model.layers.compactMap { ($0 as? Dense).map { "\($0.units) \($0.activation)" } } == ["1024 relu", "512 relu", "10 softmax"])
        #expect(Benchmark.batchSize("B6") == 128 && Benchmark.batchSize("B2") == 64)
        #expect(Benchmark.names.last == "B6")
    }
}
