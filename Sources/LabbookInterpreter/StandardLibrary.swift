import Foundation

/// The functions every notebook has: output builtins, conversions, math, `zip`.
enum StandardLibrary {
    static func register(into library: Library) {
        registerOutput(into: library)
        registerConversions(into: library)
        registerMath(into: library)
        registerSequences(into: library)
    }

    private static func registerOutput(into library: Library) {
        library.function("print", [.variadic(nil, name: "items"), Parameter("separator", "String", default: .string(" ")),
                                   Parameter("terminator", "String", default: .string("\n"))]) { args in
            let items = try args.array(0).map(\.description)
            args.context.emit(.text(items.joined(separator: try args.string(1)) + (try args.string(2))))
            return .void
        }
        library.function("table", [Parameter(nil, .array(.any), name: "rows"),
                                   Parameter("headers", .array("String"), default: .array([]))]) { args in
            let rows = try args.array(0).map { row -> [String] in
                switch row {
                case .array(let cells), .tuple(let cells, _): return cells.map(\.description)
                default: return [row.description]
                }
            }
            let headers = try args.array(1).map(\.description)
            args.context.emit(.table(Table(headers: headers, rows: rows)))
            return .void
        }
        // Called through the interpreter, which records the condition's operands; this body
        // serves indirect calls (`let check = expect`).
        library.function("expect", [Parameter(nil, "Bool", name: "condition"), Parameter(nil, "String", name: "text", default: .string("")),
                                    Parameter("points", .optional("Double"), default: .nil)]) { args in
            let passed = try args.bool(0)
            var points: Double?
            if !args[2].isNil {
                points = try args.double(2)
                guard let p = points, p.isFinite, p >= 0 else { throw NativeError(Messages.expectPoints(points ?? .nan)) }
            }
            args.context.emit(.expectation(Expectation(text: try args.string(1), passed: passed, details: [],
                                                       range: args.context.range, points: points)))
            return .void
        }
    }

    private static func registerConversions(into library: Library) {
        library.function("Int", [Parameter(nil, name: "value")]) { args in
            switch args[0] {
            case .int: return args[0]
            case .double(let d):
                guard d.isFinite, d > -9.3e18, d < 9.3e18, let n = Int(exactly: d.rounded(.towardZero)) else {
                    throw NativeError(Messages.doubleToInt(d))
                }
                return .int(n)
            case .string(let s): return Int(s).map(Value.int) ?? .nil
            case .bool(let b): return .int(b ? 1 : 0)
            default: throw NativeError(Messages.cannotConvertTo("Int", args[0].typeName))
            }
        }
        library.function("Double", [Parameter(nil, name: "value")]) { args in
            switch args[0] {
            case .double: return args[0]
            case .int(let n): return .double(Double(n))
            case .string(let s): return Double(s).map(Value.double) ?? .nil
            default: throw NativeError(Messages.cannotConvertTo("Double", args[0].typeName))
            }
        }
        library.function("String", [Parameter(nil, name: "value")]) { args in .string(args[0].description) }
        library.function("String", [Parameter("format", "String"), .variadic(nil, name: "arguments")]) { args in
            .string(try FormatString.format(try args.string(0), try args.array(1)))
        }
        library.function("Array", [Parameter(nil, name: "sequence")]) { args in
            .array(try args.context.interpreter.elements(of: args[0], at: args.context.range))
        }
    }

    private static func registerMath(into library: Library) {
        library.function("abs", [Parameter(nil, name: "x")]) { args in
            switch args[0] {
            case .int(let n):
                guard n != .min else { throw NativeError(Messages.negationOverflow(n)) }
                return .int(abs(n))
            case .double(let d): return .double(abs(d))
            default: throw NativeError(Messages.numberExpected("abs", args[0].typeName))
            }
        }
        for name in ["min", "max"] {
            library.function(name, [Parameter(nil, name: "x"), Parameter(nil, name: "y"), .variadic(nil, name: "rest")]) { args in
                let values = [args[0], args[1]] + (try args.array(2))
                let interpreter = args.context.interpreter
                var best = values[0]
                for value in values.dropFirst() {
                    guard value.doubleValue != nil || value.typeName == best.typeName else {
                        throw NativeError(Messages.binaryOperands("<", best.typeName, value.typeName))
                    }
                    let better = name == "min" ? try interpreter.lessThan(value, best, at: args.context.range)
                                               : try interpreter.lessThan(best, value, at: args.context.range)
                    if better { best = value }
                }
                // Int mixed with Double gives a Double, as in arithmetic.
                if values.contains(where: { if case .double = $0 { return true } else { return false } }), let d = best.doubleValue {
                    return .double(d)
                }
                return best
            }
        }
        let unary: [(String, (Double) -> Double)] = [("sqrt", { $0.squareRoot() }), ("exp", Foundation.exp), ("log", Foundation.log),
                                                     ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }),
                                                     ("round", { $0.rounded() }), ("sin", Foundation.sin), ("cos", Foundation.cos),
                                                     ("tanh", Foundation.tanh), ("log2", Foundation.log2), ("log10", Foundation.log10)]
        for (name, f) in unary {
            library.function(name, [Parameter(nil, "Double", name: "x")]) { args in .double(f(try args.double(0))) }
        }
        library.function("pow", [Parameter(nil, "Double", name: "x"), Parameter(nil, "Double", name: "y")]) { args in
            .double(Foundation.pow(try args.double(0), try args.double(1)))
        }
    }

    private static func registerSequences(into library: Library) {
        // `Array(repeating: 0, count: 10)`, bounded like every collection.
        library.function("Array", [Parameter("repeating", name: "value"), Parameter("count", "Int")]) { args in
            let count = try args.int(1)
            guard count >= 0 else { throw NativeError("an array cannot have a negative count (\(count))") }
            try args.context.interpreter.checkCollectionSize(count, at: args.context.range)
            return .array(Array(repeating: args[0], count: count))
        }
        library.function("zip", [Parameter(nil, name: "a"), Parameter(nil, name: "b")]) { args in
            let interpreter = args.context.interpreter, range = args.context.range
            // Take only as many elements as the shorter side has: `zip(xs, 0..<Int.max)` works.
            var a: [Value] = [], b: [Value] = []
            var limit = Int.max
            if case .array(let items) = args[0] { limit = min(limit, items.count) }
            if case .array(let items) = args[1] { limit = min(limit, items.count) }
            try interpreter.iterate(args[0], at: range) {
                try interpreter.tick(at: range)
                a.append($0)
                try interpreter.checkCollectionSize(a.count, at: range)
                return a.count < limit
            }
            try interpreter.iterate(args[1], at: range) {
                try interpreter.tick(at: range)
                b.append($0)
                return b.count < min(limit, a.count)
            }
            return .array(zip(a, b).map { .tuple([$0, $1]) })
        }
        for (label, isClosed) in [("to", false), ("through", true)] {
            library.function("stride", [Parameter("from"), Parameter(label), Parameter("by")]) { args in
                let values = [args[0], args[1], args[2]]
                let allInts = values.allSatisfy { if case .int = $0 { return true } else { return false } }
                let start = try args.double(0), end = try args.double(1), step = try args.double(2)
                guard step != 0, step.isFinite else { throw NativeError(Messages.zeroStride) }
                let count = ((end - start) / step).rounded(.down) + 1
                guard count.isFinite, count < Double(args.context.interpreter.limits.maximumCollectionCount) else {
                    throw NativeError(Messages.collectionTooLarge(args.context.interpreter.limits.maximumCollectionCount))
                }
                var result: [Value] = []
                var i = 0.0
                while true {
                    let x = start + i * step
                    if step > 0 ? (isClosed ? x > end : x >= end) : (isClosed ? x < end : x <= end) { break }
                    result.append(allInts ? .int(Int(x)) : .double(x))
                    i += 1
                }
                return .array(result)
            }
        }
    }
}
