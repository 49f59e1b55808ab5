import Testing
@testable import LabbookEngine

/// The coursework's first network (B1) trained for real on Fashion-MNIST.
@Suite(.tags(.needsFashionMNIST)) struct RealDataTrainingTests {
    @Test func firstNetworkReachesKerasAccuracyInTwoEpochs() throws {
        let ((images, labels), (testImages, testLabels)) = try FashionMNIST.loadData()
        let x = try images.dividing(by: 255), xTest = try testImages.dividing(by: 255)
        let model = try Benchmark.model("B1", random: RandomContext(seed: 0))
        let history = try model.fit(x, labels, epochs: 2, batchSize: 64, validationData: (xTest, testLabels))
        // Keras 3 after 2 epochs: val_accuracy 0.8494 (keras-baseline.md).
        #expect(history["val_accuracy"]!.last! >= 0.82)
        let evaluation = try model.evaluate(xTest, testLabels)
        #expect(evaluation[metric: "accuracy"] == history["val_accuracy"]!.last!)
        let predictions = try model.predict(try xTest.slice(0..<1))
        #expect(try predictions.entry(0).argmax() == 9)  // the first test image is an ankle boot
    }
}
