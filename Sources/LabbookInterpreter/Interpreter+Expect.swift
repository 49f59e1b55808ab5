import LabbookDiagnostics

extension Interpreter {
    /// `expect(condition, "text", points: 0.5)`, recording the operands of a comparison for the
    /// report, and the test's points (in a master's check) when given.
    func expect(_ arguments: [PendingArgument], in environment: Environment, at range: SourceRange) throws -> Value {
        var arguments = arguments
        var points: Double?
        if let last = arguments.last, last.label == "points" {
            points = try expectPoints(last, in: environment)
            arguments.removeLast()
        }
        guard (1...2).contains(arguments.count), arguments.allSatisfy({ $0.label == nil }) else {
            throw Diagnostic(.error, Messages.expectUsage, at: range)
        }
        let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]
        let condition: Value
        var details: [Expectation.Detail] = []
        if arguments[0].value == nil, let expr = arguments[0].expr, case .binary(let op, let left, let right) = expr.kind,
           comparisons.contains(op) {
            let l = try evaluate(left, in: environment)
            let r = try evaluate(right, in: environment)
            condition = try applyBinary(op, l, r, at: expr.range)
            details = [Expectation.Detail(expression: text(left.range), value: l.description),
                       Expectation.Detail(expression: text(right.range), value: r.description)]
        } else {
            condition = try value(of: arguments[0], expected: nil, in: environment)
            if let expr = arguments[0].expr {
                details = [Expectation.Detail(expression: text(expr.range), value: condition.description)]
            }
        }
        guard case .bool(let passed) = condition else {
            throw Diagnostic(.error, Messages.expectCondition(condition.typeName), at: arguments[0].range)
        }
        var description = arguments[0].expr.map { text($0.range) } ?? ""
        if arguments.count == 2 {
            let textValue = try value(of: arguments[1], expected: nil, in: environment)
            guard case .string(let s) = textValue else {
                throw Diagnostic(.error, Messages.argumentType(found: textValue.typeName, expected: "String", parameter: "text", function: "expect"),
                                 at: arguments[1].range)
            }
            description = s
        }
        sink.emit(.expectation(Expectation(text: description, passed: passed, details: details, range: range, points: points)))
        return .void
    }

    /// The value of `points:`: a finite number, zero or more.
    private func expectPoints(_ argument: PendingArgument, in environment: Environment) throws -> Double {
        let value = try self.value(of: argument, expected: nil, in: environment)
        let points: Double
        switch value {
        case .int(let n): points = Double(n)
        case .double(let d): points = d
        default:
            throw Diagnostic(.error, Messages.argumentType(found: value.typeName, expected: "Double", parameter: "points", function: "expect"),
                             at: argument.range)
        }
        guard points.isFinite, points >= 0 else { throw Diagnostic(.error, Messages.expectPoints(points), at: argument.range) }
        return points
    }
}
