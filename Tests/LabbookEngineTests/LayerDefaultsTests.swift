import Foundation
import Testing
@testable import LabbookEngine

/// The layers' defaults, written once in ``LayerDefaults``, are Keras's (`keras-defaults.json`'s
/// layer signatures), and each layer's `init` takes them.
struct LayerDefaultsTests {
    struct Signatures: Decodable {
        var layers: [String: [String: OptimizerRegistryTests.KerasValue]]
        enum CodingKeys: String, CodingKey { case layers = "layers_signature" }
    }

    static func signatures() throws -> [String: [String: OptimizerRegistryTests.KerasValue]] {
        let url = try #require(Bundle.module.url(forResource: "keras-defaults", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Signatures.self, from: Data(contentsOf: url)).layers
    }

    @Test func denseDefaultsAreKerass() throws {
        let dense = try #require(try Self.signatures()["Dense"])
        #expect(dense["activation"] == .null, "Keras's None is the linear activation")
        #expect(LayerDefaults.activation == .linear)
        #expect(dense["use_bias"] == .flag(LayerDefaults.useBias))
        #expect(dense["kernel_initializer"] == .text("glorot_uniform"))
        #expect(LayerDefaults.kernelInitializer == .glorotUniform())
        #expect(dense["bias_initializer"] == .text("zeros"))
        #expect(LayerDefaults.biasInitializer == .zeros)
        let layer = try Dense(3)
        #expect(layer.activation == LayerDefaults.activation && layer.useBias == LayerDefaults.useBias)
        #expect(layer.kernelInitializer == LayerDefaults.kernelInitializer && layer.biasInitializer == LayerDefaults.biasInitializer)
    }

    @Test func batchNormalizationDefaultsAreKerass() throws {
        let batchNormalization = try #require(try Self.signatures()["BatchNormalization"])
        #expect(batchNormalization["momentum"] == .number(LayerDefaults.batchNormalizationMomentum))
        #expect(batchNormalization["epsilon"] == .number(LayerDefaults.batchNormalizationEpsilon))
        let layer = try BatchNormalization()  // (it keeps them as Float, as Keras computes)
        #expect(layer.momentum == Float(LayerDefaults.batchNormalizationMomentum) && layer.epsilon == Float(LayerDefaults.batchNormalizationEpsilon))
    }

    @Test func convolutionAndPoolingTakeTheDefaults() throws {
        guard case let .conv2D(_, _, strides, padding, activation, useBias, kernel, bias, _, _, _) = try Conv2D(4, kernelSize: [3, 3]).spec
        else { Issue.record("not a Conv2D spec"); return }
        #expect(strides == [1, 1] && padding == .valid && activation == .linear && useBias)
        #expect(kernel == .glorotUniform() && bias == .zeros)
        #expect(try MaxPooling2D().spec == .maxPooling2D(poolSize: [2, 2], strides: [2, 2], padding: .valid))
    }
}
