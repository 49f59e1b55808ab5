import Testing
@testable import LabbookPlots

@Suite struct NiceTicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let lower: Double, upper: Double, integer: Bool, labels: [String]
        var testDescription: String { "(\(lower), \(upper))\(integer ? " integer" : "")" }
    }

    @Test(arguments: [
        Case(lower: 0, upper: 1, integer: false, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(lower: 0.3, upper: 0.92, integer: false, labels: ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"]),
        Case(lower: 1, upper: 30, integer: true, labels: ["5", "10", "15", "20", "25", "30"]),
        Case(lower: 0.55, upper: 10.45, integer: true, labels: ["2", "4", "6", "8", "10"]),
        Case(lower: 0.5, upper: 2.5, integer: true, labels: ["1", "2"]),
        Case(lower: 0.84, upper: 0.886, integer: false, labels: ["0.84", "0.85", "0.86", "0.87", "0.88"]),
        Case(lower: -1, upper: 1, integer: false, labels: ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"]),
        Case(lower: 0, upper: 60000, integer: false, labels: ["0", "10000", "20000", "30000", "40000", "50000", "60000"]),
        Case(lower: 0.0001, upper: 0.0005, integer: false, labels: ["0.0001", "0.0002", "0.0003", "0.0004", "0.0005"]),
        Case(lower: 0, upper: 0.0007, integer: false, labels: ["0.0000", "0.0001", "0.0002", "0.0003", "0.0004", "0.0005", "0.0006", "0.0007"]),
        Case(lower: 2, upper: 2, integer: false, labels: ["2"]),
        Case(lower: -1e300, upper: 1e300, integer: false, labels: ["\u{2212}1e300", "\u{2212}5e299", "0", "5e299", "1e300"]),
        Case(lower: 0, upper: 3e-7, integer: false, labels: ["0", "5e-8", "1e-7", "1.5e-7", "2e-7", "2.5e-7", "3e-7"]),
    ])
    func labels(_ c: Case) {
        let ticks = NiceTicks(lower: c.lower, upper: c.upper, maxCount: 8, integer: c.integer)
        #expect(ticks.labels == c.labels)
    }

    @Test func valuesCarryNoFloatNoise() {
        let ticks = NiceTicks(lower: 0.3, upper: 0.92, maxCount: 8)
        #expect(ticks.values == [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    }

    @Test(arguments: [
        (Double.nan, 1.0), (0, .infinity), (-.infinity, .infinity), (1, 0), (-Double.greatestFiniteMagnitude, .greatestFiniteMagnitude),
    ])
    func unusableRangesHaveNoTicks(lower: Double, upper: Double) {
        #expect(NiceTicks(lower: lower, upper: upper).values.isEmpty)
    }

    @Test(arguments: [(1e15, 1e15 + 4), (1e-9, 2e-9), (-5e300, 5e300), (0, .leastNonzeroMagnitude)])
    func extremeRangesStayWithinTheRange(lower: Double, upper: Double) {
        let ticks = NiceTicks(lower: lower, upper: upper)
        #expect(ticks.values.count <= 8)
        #expect(ticks.values.allSatisfy { $0 >= lower && $0 <= upper })
        #expect(ticks.labels.count == ticks.values.count)
    }

    @Test func axisRangeAddsMarginsAndSkipsNonFiniteValues() {
        #expect(axisRange(of: [0, .nan, 10, .infinity]) == -0.5...10.5)
        #expect(axisRange(of: []) == 0...1)
        #expect(axisRange(of: [.nan]) == 0...1)
        #expect(axisRange(of: [0.5, 0.5]) == 0.445...0.555)
        #expect(axisRange(of: [0, 0]) == -1.1...1.1)
        #expect(axisRange(of: [5], limits: 0...1) == 0...1)
        #expect(axisRange(of: [5], limits: 1...1) == 0.9...1.1)
    }
}
