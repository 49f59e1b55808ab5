import LabbookDiagnostics

extension Interpreter {
    /// `expect(condition, "text")`, recording the operands of a comparison for the report.
    func expect(_ arguments: [PendingArgument], in environment: Environment, at range: SourceRange) throws -> Value {
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
        sink.emit(.expectation(Expectation(text: description, passed: passed, details: details, range: range)))
        return .void
    }
}
