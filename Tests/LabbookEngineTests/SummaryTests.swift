import Testing
@testable import LabbookEngine

/// `summary()` prints what Keras 3.15.1 printed for the coursework's models (keras-baseline.md).
@Suite struct SummaryTests {
    @Test func firstNetworkMatchesKeras() throws {
        let model = try Sequential([Flatten(inputShape: [28, 28]), Dense(128, activation: .sigmoid), Dense(10, activation: .softmax)])
        #expect(try model.summary().description == """
            Model: "sequential"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ flatten (Flatten)               │ (None, 784)            │             0 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dense (Dense)                   │ (None, 128)            │       100,480 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dense_1 (Dense)                 │ (None, 10)             │         1,290 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 101,770 (397.54 KB)
             Trainable params: 101,770 (397.54 KB)
             Non-trainable params: 0 (0.00 B)
            """)
        #expect(model.countParams() == 101_770)
    }

    @Test func finalNetworkMatchesKeras() throws {
        var layers: [Layer] = [Flatten(inputShape: [28, 28])]
        for _ in 0..<3 { layers += [try Dense(256, activation: .relu), try BatchNormalization(), try Dropout(0.2)] }
        layers.append(try Dense(10, activation: .softmax))
        let summary = try Sequential(layers).summary()
        #expect(summary.trainable == 336_650 && summary.nonTrainable == 1_536)
        let text = summary.description
        #expect(text.contains("""
            │ batch_normalization             │ (None, 256)            │         1,024 │
            │ (BatchNormalization)            │                        │               │
            """))
        #expect(text.contains("│ dropout_2 (Dropout)             │ (None, 256)            │             0 │"))
        #expect(text.hasSuffix("""
             Total params: 338,186 (1.29 MB)
             Trainable params: 336,650 (1.28 MB)
             Non-trainable params: 1,536 (6.00 KB)
            """))
    }
}
