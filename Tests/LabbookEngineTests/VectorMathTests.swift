import Foundation
import Testing
@testable import LabbookEngine

/// The 8-lane functions of `VectorMath` against their plain references
/// (`VectorMath+Reference.swift`), which do the same operations in the same order: bit for bit,
/// through `map`, at sizes that fill whole vectors, leave a tail of 1 to 7 elements, or both.
/// Then the accuracy the doc comments state, against the engine's Float64 functions.
@Suite struct VectorMathTests {
    typealias V = VectorMath.V

    struct Kernel: CustomTestStringConvertible, Sendable {
        let name: String
        let vector: @Sendable (V) -> V
        let reference: @Sendable (Float) -> Float
        /// The inputs checked: these special values, then uniform ones from `range`.
        let specials: [Float]
        let range: ClosedRange<Float>
        var testDescription: String { name }
    }

    /// Zeros, tiny values, the ends of exp's clamp and what lies beyond, and infinities.
    static let specials: [Float] = [0, -0.0, 1e-30, -1e-30, 1, -1, -87.33654, 88.72283, -87.5, 89, -200, 200,
                                    .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]

    static let kernels: [Kernel] = [
        Kernel(name: "exp", vector: { VectorMath.exp($0) }, reference: { VectorMath.Reference.exp($0) },
               specials: specials, range: -100...100),
        Kernel(name: "sigmoid", vector: { VectorMath.sigmoid($0) }, reference: { VectorMath.Reference.sigmoid($0) },
               specials: specials, range: -30...30),
        Kernel(name: "tanh", vector: { VectorMath.tanh($0) }, reference: { VectorMath.Reference.tanh($0) },
               specials: specials, range: -20...20),
        Kernel(name: "erf", vector: { VectorMath.erf($0) }, reference: { VectorMath.Reference.erf($0) },
               specials: specials, range: -6...6),
        Kernel(name: "softplus", vector: { VectorMath.softplus($0) }, reference: { VectorMath.Reference.softplus($0) },
               specials: specials, range: -100...100),
        // log1p's domain is [0, 1] (softplus gives it e^−|x|).
        Kernel(name: "log1p", vector: { VectorMath.log1p($0) }, reference: { VectorMath.Reference.log1p($0) },
               specials: [0, -0.0, 1, 1e-30, 1e-8, 0.5, .leastNonzeroMagnitude], range: 0...1),
        Kernel(name: "sqrt", vector: { VectorMath.sqrt($0) }, reference: { VectorMath.Reference.sqrt($0) },
               specials: [0, -0.0, 1, 2, 1e-30, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity], range: 0...1e4),
    ]

    /// Whole vectors, tails of 1 to 7 elements, both, and a lone partial vector.
    static let sizes = [1, 7, 8, 9, 15, 16, 17, 63, 64, 65]

    /// `specials`, then uniform values from `range`: `count` in all (520 makes most sizes above
    /// end with a shorter run).
    static func inputs(_ name: String, specials: [Float] = [], range: ClosedRange<Float>, count: Int = 520) -> [Float] {
        var stream = RandomStream(seed: 11, name: "vector-math/\(name)")
        let span = range.upperBound - range.lowerBound
        return specials + (specials.count..<count).map { _ in range.lowerBound + span * stream.uniform() }
    }

    /// `f` mapped over consecutive runs of `size` inputs (the last one shorter), concatenated, so
    /// that index i of the result is f(inputs[i]) and every input lands in a lane and in a tail.
    static func mapped(_ inputs: [Float], size: Int, inPlace: Bool,
                       _ map: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) -> (values: [Float], overrun: Bool) {
        var values: [Float] = []
        var overrun = false
        // Past the run: a NaN with a payload of its own, which `map` must leave alone.
        let sentinel = Float(bitPattern: 0x7FC0_1234)
        for start in stride(from: 0, to: inputs.count, by: size) {
            let run = Array(inputs[start..<min(inputs.count, start + size)])
            var destination = (inPlace ? run : [Float](repeating: sentinel, count: run.count)) + [Float](repeating: sentinel, count: 8)
            destination.withUnsafeMutableBufferPointer { d in
                if inPlace {
                    map(UnsafePointer(d.baseAddress!), d.baseAddress!, run.count)
                } else {
                    run.withUnsafeBufferPointer { s in map(s.baseAddress!, d.baseAddress!, run.count) }
                }
            }
            values += destination.prefix(run.count)
            overrun = overrun || destination.dropFirst(run.count).contains { $0.bitPattern != sentinel.bitPattern }
        }
        return (values, overrun)
    }

    @Test(arguments: kernels, sizes)
    func laneForLaneTheSameBitsAsTheReference(_ kernel: Kernel, size: Int) {
        let inputs = Self.inputs(kernel.name, specials: kernel.specials, range: kernel.range)
        for inPlace in [false, true] {
            let fast = Self.mapped(inputs, size: size, inPlace: inPlace) { VectorMath.map($0, $1, count: $2, kernel.vector) }
            let plain = Self.mapped(inputs, size: size, inPlace: inPlace) { VectorMath.Reference.map($0, $1, count: $2, kernel.reference) }
            let placement = inPlace ? "in place" : "into another buffer"
            #expect(!fast.overrun, "VectorMath.map wrote past the \(size) elements it was given (\(placement))")
            if let difference = BitIdentity.difference(fast.values, plain.values),
               let first = BitIdentity.firstDifference(fast.values, plain.values) {
                Issue.record("""
                    \(kernel.name), runs of \(size) \(placement): \(difference); \
                    input \(inputs[first]), element \(first % size) of its run
                    """)
            }
        }
    }

    /// How far a formula may be from the exact value: in ulps of the Float nearest it, or
    /// absolutely where relative accuracy is not what the formula offers (tanh's 1 − e^−2|x|
    /// cancels near 0; A&S 7.1.26 states an absolute bound, 1.5e-7, to which its Float32
    /// evaluation adds the cancellation of 1 − p·t·e^−x² near 0). Ranges stay inside exp's clamp
    /// (−87.34), below which e^x is held at ~1.2e-38 rather than becoming denormal. The bounds
    /// are the worst errors over every 256th Float of each range (every Float of [−0.3, 0.3] for
    /// erf), rounded up; the test samples 16,384 points of the range.
    enum Bound: Sendable, CustomStringConvertible {
        case ulps(Double), absolute(Double)
        var limit: Double {
            switch self {
            case let .ulps(n): return n
            case let .absolute(e): return e
            }
        }
        var description: String {
            switch self {
            case let .ulps(n): return "\(n) ulp"
            case let .absolute(e): return "\(e) absolute"
            }
        }
    }

    struct Accuracy: CustomTestStringConvertible, Sendable {
        let name: String
        let vector: @Sendable (V) -> V
        let exact: @Sendable (Float) -> Double
        let range: ClosedRange<Float>
        let bound: Bound
        var testDescription: String { "\(name) within \(bound)" }
    }

    static let accuracies: [Accuracy] = [
        Accuracy(name: "exp", vector: { VectorMath.exp($0) }, exact: { ScalarMath.exp(Double($0)) }, range: -87...88,
                 bound: .ulps(1)),
        Accuracy(name: "sigmoid", vector: { VectorMath.sigmoid($0) }, exact: { 1 / (1 + ScalarMath.exp(-Double($0))) },
                 range: -30...30, bound: .ulps(3)),
        Accuracy(name: "tanh", vector: { VectorMath.tanh($0) }, exact: { Foundation.tanh(Double($0)) }, range: -20...20,
                 bound: .absolute(1.5e-7)),
        Accuracy(name: "erf", vector: { VectorMath.erf($0) }, exact: { Double(ScalarMath.erf($0)) }, range: -6...6,
                 bound: .absolute(7e-7)),
        Accuracy(name: "softplus", vector: { VectorMath.softplus($0) },
                 exact: { x in max(Double(x), 0) + ScalarMath.log1p(ScalarMath.exp(-abs(Double(x)))) }, range: -80...100,
                 bound: .ulps(4)),
        Accuracy(name: "log1p", vector: { VectorMath.log1p($0) }, exact: { ScalarMath.log1p(Double($0)) }, range: 0...1,
                 bound: .ulps(3)),
        Accuracy(name: "sqrt", vector: { VectorMath.sqrt($0) }, exact: { Double($0).squareRoot() }, range: 0...1e4,
                 bound: .ulps(0)),
    ]

    /// The accuracy of each formula, which its reference shares: the worst over its range,
    /// against the engine's Float64 functions (libm's tanh, which ScalarMath lacks; for erf,
    /// ScalarMath's Float32 erf, within half a Float step of the exact value).
    @Test(arguments: accuracies)
    func formulaWithinItsBound(_ a: Accuracy) {
        let inputs = Self.inputs(a.name, range: a.range, count: 1 << 14)
        let values = Self.mapped(inputs, size: 64, inPlace: false) { VectorMath.map($0, $1, count: $2, a.vector) }.values
        let errors = zip(inputs, values).map { x, value -> (x: Float, error: Double) in
            let exact = a.exact(x)
            switch a.bound {
            case .ulps:
                let nearest = Float(exact)
                return (x, value == nearest ? 0 : abs(Double(value) - exact) / Double(nearest.ulp))
            case .absolute:
                return (x, abs(Double(value) - exact))
            }
        }
        let worst = errors.max { $0.error < $1.error }!
        #expect(worst.error <= a.bound.limit, "\(a.name)(\(worst.x)) is \(worst.error) from the exact value (bound \(a.bound))")
    }
}
