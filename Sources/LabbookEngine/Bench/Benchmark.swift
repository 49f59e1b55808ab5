import Foundation

/// `labbook bench`: the reference models of engine.md trained on the real data, with the
/// figures that say how fast the engine is and how far from the machine's ceiling.
public enum Benchmark {
    /// One benchmark's figures (the JSON names are relied on by tools).
    public struct Result: Codable, Sendable {
        public let name: String
        public let description: String
        /// Median seconds of an epoch (B4: of the whole prediction).
        public let secondsPerEpoch: Double
        public let epochSeconds: [Double]
        public let examplesPerSecond: Double
        /// Matrix-product FLOPs per second over the epochs' whole time: the multiply-adds the
        /// products did (a Winograd convolution's 16 products, not the direct convolution's).
        public let gflops: Double
        /// The share of the time spent inside the products (a Winograd convolution's passes
        /// whole, their transforms included).
        public let blasShare: Double
        public let valAccuracy: Double?
        public let kerasSecondsPerEpoch: Double?
    }

    /// Keras 3.15.1 on TensorFlow, median seconds per epoch on this kind of machine
    /// (keras-baseline.md; B4 is the prediction of the 10,000 test images; B5 measured the same
    /// way for this project, see docs/engine.md).
    public static let kerasSeconds: [String: Double] = ["B1": 2.42, "B2": 5.16, "B3": 5.82, "B4": 0.43, "B5": 10.34]

    /// Every benchmark, in the order `labbook bench` runs them.
    public static let names = ["B1", "B2", "B3", "B4", "B5", "B6"]

    /// The batch size each training benchmark trains with: 64, as Keras's baseline, but for B6,
    /// which trains as the coursework does.
    static func batchSize(_ name: String) -> Int { name == "B6" ? 128 : 64 }

    /// What each training benchmark trains.
    static let descriptions = [
        "B1": "Dense(128, sigmoid), Adam, batch 64", "B2": "Dense(1024, sigmoid), Adam, batch 64",
        "B3": "3 × [Dense(256, relu), BatchNormalization, Dropout(0.2)], Adam, batch 64",
        "B5": "Conv2D(32, 3) → MaxPooling2D(2) → Conv2D(64, 3) → MaxPooling2D(2) → Dropout(0.5) → Dense(10), Adam, batch 64",
        "B6": "Dropout(0.1) → Dense(1024, relu) → BN → Dropout(0.3) → Dense(512, relu) → BN → Dropout(0.3) → Dense(10), Adam, batch 128",
    ]

    /// GFLOP/s of a large product (the best of a few 2048³ products) on the engine's threads:
    /// the ceiling its training is measured against. With `openBLAS`, the same product by
    /// OpenBLAS on as many threads, for comparison.
    public static func sgemmCeiling(size n: Int = 2048, repeats: Int = 3, openBLAS: Bool = false) -> Double {
        let a = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let b = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        let c = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
        defer { a.deallocate(); b.deallocate(); c.deallocate() }
        for i in 0..<(n * n) {
            a[i] = Float(i % 7) * 0.1
            b[i] = Float(i % 5) * 0.1
        }
        func multiply() {
            if openBLAS { OpenBLASReference.sgemm(a, b, c, n: n, threads: BLAS.threads) } else { BLAS.gemm(a, b, c, m: n, n: n, k: n) }
        }
        var best = Double.infinity
        multiply()  // warm-up: threads started, pages touched
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            multiply()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return 2 * pow(Double(n), 3) / best / 1e9
    }

    /// OpenBLAS's build, e.g. `OpenBLAS 0.3.21 Cooperlake` (for the comparison line).
    public static var openBLASBuild: String { OpenBLASReference.build }

    /// The training benchmarks' models: B1 (the coursework's first network), B2 (1024 sigmoid
    /// units), B3 (the final network: 3 × [Dense 256 relu random-normal, BatchNormalization,
    /// Dropout 0.2]), B5 (Keras's `mnist_convnet`: two 3×3 convolutions of 32 and 64 filters,
    /// each followed by a 2×2 max pooling, dropout 0.5 and a softmax layer), B6 (the coursework's
    /// final network, exercise 12: Dropout 0.1, Dense 1024 and 512 relu each with
    /// BatchNormalization and Dropout 0.3, softmax).
    public static func model(_ name: String, random: RandomContext) throws -> Sequential {
        let model: Sequential
        switch name {
        case "B1", "B4":
            model = try Sequential([Flatten(inputShape: [28, 28]), Dense(128, activation: .sigmoid),
                                    Dense(10, activation: .softmax)], random: random)
        case "B2":
            model = try Sequential([Flatten(inputShape: [28, 28]), Dense(1024, activation: .sigmoid),
                                    Dense(10, activation: .softmax)], random: random)
        case "B5":
            model = try Sequential([
                Reshape([28, 28, 1], inputShape: [28, 28]),
                Conv2D(32, kernelSize: [3, 3], activation: .relu), MaxPooling2D(poolSize: [2, 2]),
                Conv2D(64, kernelSize: [3, 3], activation: .relu), MaxPooling2D(poolSize: [2, 2]),
                Flatten(), Dropout(0.5), Dense(10, activation: .softmax),
            ], random: random)
        case "B6":
            var layers: [Layer] = [Flatten(inputShape: [28, 28]), try Dropout(0.1)]
            for units in [1024, 512] {
                layers += [try Dense(units, activation: .relu), try BatchNormalization(), try Dropout(0.3)]
            }
            layers.append(try Dense(10, activation: .softmax))
            model = try Sequential(layers, random: random)
        default:
            var layers: [Layer] = [Flatten(inputShape: [28, 28])]
            for _ in 0..<3 {
                layers += [try Dense(256, activation: .relu, kernelInitializer: .randomNormal(), biasInitializer: .randomNormal()),
                           try BatchNormalization(), try Dropout(0.2)]
            }
            layers.append(try Dense(10, activation: .softmax))
            model = try Sequential(layers, random: random)
        }
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        return model
    }

    /// Runs one benchmark: `epochs` epochs (of batch 64; B6: 128) with validation on the test set (B1–B3, B5, B6),
    /// or the prediction of the test images by a B1 model trained one epoch (B4).
    public static func run(_ name: String, epochs: Int, seed: UInt64 = 0, train: (Tensor, Tensor), test: (Tensor, Tensor),
                           progress: @escaping (String) -> Void = { _ in }) throws -> Result {
        let random = RandomContext(seed: seed)
        let model = try model(name, random: random)
        BLAS.measuresTime = true
        defer { BLAS.measuresTime = false }
        if name == "B4" {
            _ = try model.fit(train.0, train.1, epochs: 1, batchSize: 64)
            var times: [Double] = []
            var blasSeconds = 0.0, operations = 0.0
            for _ in 0..<max(1, epochs) {
                BLAS.resetClock()
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try model.predict(test.0)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                blasSeconds += BLAS.secondsInside
                operations += BLAS.operations
            }
            let median = times.sorted()[times.count / 2]
            return Result(name: name, description: "predict 10,000 test images with B1's model", secondsPerEpoch: median,
                          epochSeconds: times, examplesPerSecond: Double(test.0.shape[0]) / median,
                          gflops: operations / times.reduce(0, +) / 1e9, blasShare: blasSeconds / times.reduce(0, +),
                          valAccuracy: nil, kerasSecondsPerEpoch: kerasSeconds[name])
        }
        let epochLogger = EpochLogger(name: name, progress: progress)
        BLAS.resetClock()
        let history = try model.fit(train.0, train.1, epochs: epochs, batchSize: batchSize(name), validationData: test,
                                    callbacks: [epochLogger])
        let total = history.seconds.reduce(0, +)
        let median = history.seconds.sorted()[history.seconds.count / 2]
        return Result(name: name, description: descriptions[name] ?? name, secondsPerEpoch: median,
                      epochSeconds: history.seconds, examplesPerSecond: Double(train.0.shape[0]) / median,
                      gflops: BLAS.operations / total / 1e9, blasShare: BLAS.secondsInside / total,
                      valAccuracy: history["val_accuracy"]?.last, kerasSecondsPerEpoch: kerasSeconds[name])
    }

    /// Reports each epoch as it ends.
    private final class EpochLogger: Callback {
        let name: String
        let progress: (String) -> Void
        init(name: String, progress: @escaping (String) -> Void) {
            self.name = name
            self.progress = progress
        }
        func epochEnded(_ epoch: Int, logs: Logs) throws -> CallbackAction {
            progress("\(name) epoch \(epoch + 1): " + logs.map { "\($0.name) \(String(format: "%.4f", $0.value))" }.joined(separator: ", "))
            return .continue
        }
    }
}
