import LabbookDiagnostics

extension Interpreter {
    /// A binary operator on two values: native operators first, then numbers (Int with Int stays
    /// Int and reports overflow; Int with Double becomes Double), strings, arrays, equality.
    func applyBinary(_ op: String, _ l: Value, _ r: Value, at range: SourceRange) throws -> Value {
        for operand in [l, r] {
            if case .native(let native) = operand, let body = native.type.binaryOperator(op),
               let result = try runNative(at: range, { try body(l, r) }) {
                return result
            }
        }
        switch (l, r) {
        case (.int(let a), .int(let b)):
            return try integerOperation(op, a, b, at: range)
        case (.int, .double), (.double, .int), (.double, .double):
            if let a = l.doubleValue, let b = r.doubleValue, let result = doubleOperation(op, a, b) { return result }
        case (.string(let a), .string(let b)):
            switch op {
            case "+":
                try checkStringSize(a.utf8.count + b.utf8.count, at: range)
                return .string(a + b)
            case "<": return .bool(a < b)
            case "<=": return .bool(a <= b)
            case ">": return .bool(a > b)
            case ">=": return .bool(a >= b)
            default: break
            }
        case (.array(let a), .array(let b)) where op == "+":
            try checkCollectionSize(a.count + b.count, at: range)
            return .array(a + b)
        default:
            break
        }
        if op == "==" || op == "!=", let equal = equal(l, r) {
            return .bool(op == "==" ? equal : !equal)
        }
        throw Diagnostic(.error, Messages.binaryOperands(op, l.typeName, r.typeName), at: range)
    }

    private func integerOperation(_ op: String, _ a: Int, _ b: Int, at range: SourceRange) throws -> Value {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        case "/", "%":
            guard b != 0 else { throw Diagnostic(.error, Messages.divisionByZero, at: range) }
            result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        case "==": return .bool(a == b)
        case "!=": return .bool(a != b)
        case "<": return .bool(a < b)
        case "<=": return .bool(a <= b)
        case ">": return .bool(a > b)
        case ">=": return .bool(a >= b)
        case "..<", "...":
            guard a <= b else { throw Diagnostic(.error, Messages.badRange(a, op, b), at: range) }
            return .range(IntRange(lower: a, upper: b, isClosed: op == "..."))
        default:
            throw Diagnostic(.error, Messages.binaryOperands(op, "Int", "Int"), at: range)
        }
        if result.overflow { throw Diagnostic(.error, Messages.overflow(a, op, b), at: range) }
        return .int(result.partialValue)
    }

    private func doubleOperation(_ op: String, _ a: Double, _ b: Double) -> Value? {
        switch op {
        case "+": return .double(a + b)
        case "-": return .double(a - b)
        case "*": return .double(a * b)
        case "/": return .double(a / b)
        case "%": return .double(a.truncatingRemainder(dividingBy: b))
        case "==": return .bool(a == b)
        case "!=": return .bool(a != b)
        case "<": return .bool(a < b)
        case "<=": return .bool(a <= b)
        case ">": return .bool(a > b)
        case ">=": return .bool(a >= b)
        // A closed range of Doubles is the pair of its bounds, which `ylim:` and the like take.
        case "..." where a <= b: return .tuple([.double(a), .double(b)], labels: ["lowerBound", "upperBound"])
        default: return nil
        }
    }

    func applyPrefix(_ op: String, _ value: Value, at range: SourceRange) throws -> Value {
        switch (op, value) {
        case ("-", .int(let n)):
            guard n != .min else { throw Diagnostic(.error, Messages.negationOverflow(n), at: range) }
            return .int(-n)
        case ("-", .double(let d)): return .double(-d)
        case ("!", .bool(let b)): return .bool(!b)
        case (_, .native(let native)):
            if let body = native.type.prefixOperator(op) { return try runNative(at: range) { try body(native.payload) } }
        default: break
        }
        throw Diagnostic(.error, Messages.prefixOperand(op, value.typeName), at: range)
    }

    /// Structural equality; nil when the two values cannot be compared.
    func equal(_ l: Value, _ r: Value) -> Bool? {
        switch (l, r) {
        case (.int(let a), .int(let b)): return a == b
        case (.int, .double), (.double, .int), (.double, .double): return l.doubleValue == r.doubleValue
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.nil, .nil): return true
        case (.nil, _), (_, .nil): return false
        case (.range(let a), .range(let b)): return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard let e = equal(x, y) else { return nil }
                if !e { return false }
            }
            return true
        case (.tuple(let a, _), .tuple(let b, _)):
            guard a.count == b.count else { return nil }
            for (x, y) in zip(a, b) {
                guard let e = equal(x, y) else { return nil }
                if !e { return false }
            }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for (key, x) in a {
                guard let y = b[key] else { return false }
                guard let e = equal(x, y) else { return nil }
                if !e { return false }
            }
            return true
        case (.native(let a), .native(let b)):
            if let equality = a.type.equalityRule, a.type.isKind(of: b.type.name) || b.type.isKind(of: a.type.name) {
                return equality(a.payload, b.payload)
            }
            if a.type.semantics == .reference, b.type.semantics == .reference {
                return (a.payload as AnyObject) === (b.payload as AnyObject)
            }
            return nil
        case (.function(let a), .function(let b)): return a === b
        case (.type(let a), .type(let b)): return a === b
        default: return nil
        }
    }

    /// `a < b` for sorting, min and max.
    func lessThan(_ a: Value, _ b: Value, at range: SourceRange) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        default:
            if let x = a.doubleValue, let y = b.doubleValue { return x < y }
            let result = try applyBinary("<", a, b, at: range)
            guard case .bool(let less) = result else {
                throw Diagnostic(.error, Messages.notOrderable(a.typeName, b.typeName), at: range)
            }
            return less
        }
    }
}

extension Value {
    /// The value as a Double, for an Int or a Double.
    public var doubleValue: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}
