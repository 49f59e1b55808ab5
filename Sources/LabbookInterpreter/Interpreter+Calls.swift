/// An argument on its way to a function: an expression still to evaluate (so that it can get
/// the parameter's type as its expected type), or a value already computed.
struct PendingArgument {
    var label: String?
    var range: SourceRange
    var isTrailingClosure: Bool
    var expr: Expr?
    var value: Value?

    init(_ argument: Argument) {
        label = argument.label
        range = argument.range
        isTrailingClosure = argument.isTrailingClosure
        expr = argument.value
    }

    init(_ argument: Argument, value: Value) {
        self.init(argument)
        self.value = value
    }

    init(value: Value, at range: SourceRange) {
        self.range = range
        isTrailingClosure = false
        self.value = value
    }

    /// The value's range without its label, where type errors point.
    var valueRange: SourceRange { expr?.range ?? range }

    var isClosureLiteral: Bool {
        if value == nil, case .closure? = expr?.kind { return true }
        return false
    }
}

/// A parameter as the argument matcher sees it, for user and native functions alike.
struct ParameterInfo {
    var label: String?
    var name: String
    var type: TypeSpec?
    var hasDefault: Bool
    var isVariadic: Bool

    init(_ parameter: Parameter) {
        label = parameter.label
        name = parameter.name
        type = parameter.type
        hasDefault = parameter.defaultValue != nil
        isVariadic = parameter.isVariadic
    }

    init(_ declaration: ParameterDeclaration) {
        label = declaration.label
        name = declaration.name
        type = declaration.type
        hasDefault = declaration.defaultValue != nil
        isVariadic = false
    }

    var acceptsClosure: Bool {
        switch type?.unwrapped {
        case nil, .named("Any")?, .function?, .builder?: return true
        default: return false
        }
    }
}

extension Expr {
    /// A name that may denote a type, as in `[Int]()`.
    var isTypeName: Bool {
        if case .identifier(let name) = kind, let first = name.first { return first.isUppercase }
        return false
    }
}

extension Interpreter {
    func evaluateCall(_ callee: Expr, _ arguments: [Argument], in environment: Environment,
                      expected: TypeSpec?, at range: SourceRange) throws -> Value {
        let pending = arguments.map(PendingArgument.init)
        switch callee.kind {
        case .member(let base, let name):
            return try callMethod(name, on: base, pending, in: environment, at: range)
        case .implicitMember(let name):
            let value = try implicitMember(name, expected: expected, at: callee.range)
            return try call(value, pending, in: environment, at: range)
        case .array(let elements) where arguments.isEmpty && elements.count == 1 && elements[0].isTypeName:
            return .array([])  // `[Int]()`
        case .dictionary(let entries) where arguments.isEmpty && entries.count == 1 && entries[0].key.isTypeName:
            return .dictionary([:])  // `[String: Int]()`
        default:
            let value = try evaluate(callee, in: environment)
            if case .function(let function) = value, function === library.expectFunction {
                return try expect(pending, in: environment, at: range)
            }
            return try call(value, pending, in: environment, at: range)
        }
    }

    func call(_ callee: Value, _ arguments: [PendingArgument], in environment: Environment, at range: SourceRange) throws -> Value {
        switch callee {
        case .function(let function):
            return try call(function, arguments, in: environment, at: range)
        case .type(let type):
            guard !type.constructors.isEmpty else {
                throw Diagnostic(.error, Messages.noConstructor(type.name), at: range)
            }
            return try callNative(type.name, type.constructors, arguments, in: environment, at: range)
        default:
            throw Diagnostic(.error, Messages.notCallable(callee.typeName), at: range)
        }
    }

    func call(_ function: Function, _ arguments: [PendingArgument], in environment: Environment, at range: SourceRange) throws -> Value {
        switch function.kind {
        case .native(let overloads):
            return try callNative(function.name, overloads, arguments, in: environment, at: range)
        case .user(let declaration, let closureEnvironment):
            let (_, values) = try bindArguments(arguments, to: [declaration.parameters.map(ParameterInfo.init)],
                                                name: declaration.name, in: environment, at: range) { _, p in
                guard let defaultExpr = declaration.parameters[p].defaultValue else { return .nil }
                return try self.evaluate(defaultExpr, in: closureEnvironment, expected: declaration.parameters[p].type)
            }
            return try invokeUser(declaration, closureEnvironment, values, at: range)
        case .closure(let closure, let closureEnvironment, let returnType):
            if let labeled = arguments.first(where: { $0.label != nil && !$0.isTrailingClosure }), let label = labeled.label {
                throw Diagnostic(.error, Messages.closureArgumentLabel(label), at: labeled.range)
            }
            let values = try arguments.map { try value(of: $0, expected: nil, in: environment) }
            return try invokeClosure(closure, closureEnvironment, returnType, values, at: range)
        case .operator(let op):
            let values = try arguments.map { try value(of: $0, expected: nil, in: environment) }
            guard values.count == 2 else { throw Diagnostic(.error, Messages.operatorArity(op, values.count), at: range) }
            return try applyBinary(op, values[0], values[1], at: range)
        }
    }

    /// Calls a function from native code with positional values (see ``Function/call(_:)``).
    func callBack(_ function: Function, _ values: [Value]) throws -> Value {
        let range = nativeCallRanges.last ?? SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))
        switch function.kind {
        case .closure(let closure, let environment, let returnType):
            return try invokeClosure(closure, environment, returnType, values, at: range)
        case .user(let declaration, let environment):
            guard values.count == declaration.parameters.count else {
                throw Diagnostic(.error, Messages.closureArity(expected: declaration.parameters.count, got: values.count), at: range)
            }
            var converted: [Value] = []
            for (value, parameter) in zip(values, declaration.parameters) {
                converted.append(try parameter.type.map { try convert(value, to: $0, at: range, what: Messages.parameterContext(parameter.name, declaration.name)) } ?? value)
            }
            return try invokeUser(declaration, environment, converted, at: range)
        case .native, .operator:
            return try call(function, values.map { PendingArgument(value: $0, at: range) }, in: session.globals, at: range)
        }
    }

    /// Runs native code, turning its errors into diagnostics located at the call.
    func runNative<T>(at range: SourceRange, _ body: () throws -> T) throws -> T {
        try tick(at: range)
        nativeCallRanges.append(range)
        defer { nativeCallRanges.removeLast() }
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let interruption as Interruption {
            throw interruption
        } catch let error as NativeError {
            throw Diagnostic(.error, error.message, at: range, help: error.help)
        } catch {
            throw Diagnostic(.error, Messages.nativeFailure(String(describing: error)), at: range)
        }
    }

    func callNative(_ name: String, _ overloads: [Overload], _ arguments: [PendingArgument],
                    in environment: Environment, at range: SourceRange) throws -> Value {
        let (index, values) = try bindArguments(arguments, to: overloads.map { $0.parameters.map(ParameterInfo.init) },
                                                name: name, in: environment, at: range) { o, p in
            overloads[o].parameters[p].defaultValue ?? .nil
        }
        let args = Arguments(values: values, parameters: overloads[index].parameters,
                             context: CallContext(interpreter: self, range: range), functionName: name)
        return try runNative(at: range) { try overloads[index].body(args) }
    }

    // MARK: User functions and closures

    private func enterCall(at range: SourceRange) throws {
        guard callDepth < limits.maximumCallDepth else {
            throw Diagnostic(.error, Messages.recursionLimit(limits.maximumCallDepth), at: range)
        }
        callDepth += 1
    }

    func invokeUser(_ declaration: FunctionDeclaration, _ environment: Environment, _ values: [Value],
                    at range: SourceRange) throws -> Value {
        try enterCall(at: range)
        defer { callDepth -= 1 }
        let scope = Environment(parent: environment)
        for (parameter, value) in zip(declaration.parameters, values) {
            scope.define(parameter.name, Variable(value, isConstant: true, type: parameter.type))
        }
        returnTypes.append(declaration.returnType)
        defer { returnTypes.removeLast() }
        // A body of one expression returns its value (Swift 5.9).
        if declaration.body.count == 1, case .expression(let expr) = declaration.body[0].kind,
           let returnType = declaration.returnType, !returnType.isVoid {
            try tick(at: declaration.body[0].range)
            let value = try evaluate(expr, in: scope, expected: returnType)
            return try finish(.returned(value, expr.range), returnType: returnType, name: declaration.name, at: range)
        }
        let completion = try execute(declaration.body, in: scope, collector: nil)
        return try finish(completion, returnType: declaration.returnType, name: declaration.name, at: range)
    }

    func invokeClosure(_ closure: Closure, _ environment: Environment, _ returnType: TypeSpec?, _ values: [Value],
                       at range: SourceRange) throws -> Value {
        try enterCall(at: range)
        defer { callDepth -= 1 }
        let scope = Environment(parent: environment)
        if let parameters = closure.parameters {
            var values = values
            // `dictionary.map { key, value in ... }` receives one (key, value) tuple.
            if parameters.count > 1, values.count == 1, case .tuple(let items, _) = values[0], items.count == parameters.count {
                values = items
            }
            guard values.count == parameters.count else {
                throw Diagnostic(.error, Messages.closureArity(expected: parameters.count, got: values.count), at: range)
            }
            for (parameter, value) in zip(parameters, values) where parameter.name != "_" {
                let converted = try parameter.type.map { try convert(value, to: $0, at: range, what: Messages.parameterContext(parameter.name, "closure")) } ?? value
                scope.define(parameter.name, Variable(converted, isConstant: true, type: parameter.type))
            }
        } else {
            for (i, value) in values.enumerated() { scope.define("$\(i)", Variable(value, isConstant: true)) }
        }
        returnTypes.append(returnType)
        defer { returnTypes.removeLast() }
        // A closure of one expression returns its value.
        if closure.body.count == 1, case .expression(let expr) = closure.body[0].kind {
            try tick(at: closure.body[0].range)
            let value = try evaluate(expr, in: scope, expected: returnType)
            return try finish(.returned(value, expr.range), returnType: returnType, name: "closure", at: range)
        }
        let completion = try execute(closure.body, in: scope, collector: nil)
        return try finish(completion, returnType: returnType, name: "closure", at: range)
    }

    /// The result of a function body, checked against the declared return type.
    private func finish(_ completion: Completion, returnType: TypeSpec?, name: String, at range: SourceRange) throws -> Value {
        switch completion {
        case .returned(let value, let returnRange):
            guard let returnType, !returnType.isVoid else { return value }
            if value.isVoid, case .optional = returnType { return .nil }
            return try convert(value, to: returnType, at: returnRange, what: Messages.returnContext(name))
        case .normal:
            guard let returnType, !returnType.isVoid else { return .void }
            if case .optional = returnType { return .nil }
            throw Diagnostic(.error, Messages.missingReturn(name, returnType), at: range)
        case .breakLoop(let r): throw Diagnostic(.error, Messages.breakOutsideLoop("break"), at: r)
        case .continueLoop(let r): throw Diagnostic(.error, Messages.breakOutsideLoop("continue"), at: r)
        }
    }

    /// Runs a builder closure (`Sequential { ... }`), collecting its statements' values.
    private func runBuilder(_ closure: Closure, element: TypeSpec, in environment: Environment, at range: SourceRange) throws -> Value {
        try enterCall(at: range)
        defer { callDepth -= 1 }
        let collector = Collector(element: element)
        returnTypes.append(nil)
        defer { returnTypes.removeLast() }
        switch try execute(closure.body, in: Environment(parent: environment), collector: collector) {
        case .normal, .returned: return .array(collector.values)
        case .breakLoop(let r): throw Diagnostic(.error, Messages.breakOutsideLoop("break"), at: r)
        case .continueLoop(let r): throw Diagnostic(.error, Messages.breakOutsideLoop("continue"), at: r)
        }
    }

    // MARK: Arguments

    /// The value of an argument, evaluated with the parameter's type as its expected type.
    func value(of argument: PendingArgument, expected: TypeSpec?, in environment: Environment) throws -> Value {
        if let value = argument.value { return value }
        guard let expr = argument.expr else { return .nil }
        if case .builder(let element)? = expected, case .closure(let closure) = expr.kind {
            return try runBuilder(closure, element: element, in: environment, at: expr.range)
        }
        return try evaluate(expr, in: environment, expected: expected)
    }

    /// Matches arguments to the first overload whose labels and types accept them, evaluates
    /// them and converts them to the parameters' types; returns the overload's index and the
    /// values in parameter order (defaults filled in, variadic arguments as one array).
    func bindArguments(_ arguments: [PendingArgument], to candidates: [[ParameterInfo]], name: String,
                       in environment: Environment, at range: SourceRange,
                       defaultValue: (Int, Int) throws -> Value) throws -> (Int, [Value]) {
        var matches: [(index: Int, slots: [[Int]])] = []
        var firstError: Diagnostic?
        for (i, parameters) in candidates.enumerated() {
            switch matchLabels(arguments, parameters, name: name, at: range) {
            case .success(let slots): matches.append((i, slots))
            case .failure(let error): firstError = firstError ?? error
            }
        }
        if matches.count > 1 {
            // A closure literal only fits a parameter that takes a function or a builder.
            let fitting = matches.filter { match in
                match.slots.enumerated().allSatisfy { p, slot in
                    slot.allSatisfy { !arguments[$0].isClosureLiteral || candidates[match.index][p].acceptsClosure }
                }
            }
            if !fitting.isEmpty { matches = fitting }
        }
        guard !matches.isEmpty else {
            if candidates.count == 1, let firstError { throw firstError }
            throw Diagnostic(.error, Messages.noMatchingOverload(name, candidates.map { signature(name, $0) }), at: range)
        }

        // Each argument is evaluated once, with the type its parameter has in every candidate.
        var values: [Value] = []
        for (a, argument) in arguments.enumerated() {
            var expected: TypeSpec?
            var agreed = true
            for (k, match) in matches.enumerated() {
                guard let p = match.slots.firstIndex(where: { $0.contains(a) }) else { continue }
                let type = candidates[match.index][p].type
                if k == 0 { expected = type } else if expected != type { agreed = false }
            }
            values.append(try value(of: argument, expected: agreed ? expected : nil, in: environment))
        }

        var firstMismatch: Diagnostic?
        for match in matches {
            let parameters = candidates[match.index]
            var bound: [Value] = []
            var failed = false
            for (p, slot) in match.slots.enumerated() {
                let parameter = parameters[p]
                if parameter.isVariadic {
                    var items: [Value] = []
                    for a in slot {
                        guard let item = try convertArgument(values[a], parameter, name: name, at: arguments[a].valueRange) else {
                            failed = true
                            firstMismatch = firstMismatch ?? mismatch(values[a], parameter, name: name, at: arguments[a].valueRange)
                            break
                        }
                        items.append(item)
                    }
                    bound.append(.array(items))
                } else if let a = slot.first {
                    guard let item = try convertArgument(values[a], parameter, name: name, at: arguments[a].valueRange) else {
                        failed = true
                        firstMismatch = firstMismatch ?? mismatch(values[a], parameter, name: name, at: arguments[a].valueRange)
                        break
                    }
                    bound.append(item)
                } else {
                    let value = try defaultValue(match.index, p)
                    bound.append(try convertArgument(value, parameter, name: name, at: range) ?? value)
                }
                if failed { break }
            }
            if !failed { return (match.index, bound) }
        }
        if matches.count == 1, let firstMismatch { throw firstMismatch }
        throw Diagnostic(.error, Messages.noOverloadAccepts(name, types: values.map(\.typeName),
                                                            candidates: matches.map { signature(name, candidates[$0.index]) }),
                         at: range)
    }

    private func convertArgument(_ value: Value, _ parameter: ParameterInfo, name: String, at range: SourceRange) throws -> Value? {
        guard let type = parameter.type else { return value }
        let target: TypeSpec = if case .builder(let element) = type { .array(element) } else { type }
        return try coerce(value, to: target, at: range)
    }

    private func mismatch(_ value: Value, _ parameter: ParameterInfo, name: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, Messages.argumentType(found: value.typeName, expected: parameter.type ?? .any,
                                                 parameter: parameter.name, function: name), at: range)
    }

    private func signature(_ name: String, _ parameters: [ParameterInfo]) -> String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// Swift's label rules: arguments in parameter order, defaulted and variadic parameters may
    /// be skipped, a trailing closure fills the next parameter that takes a function.
    /// Returns, for each parameter, the indices of the arguments bound to it.
    private func matchLabels(_ arguments: [PendingArgument], _ parameters: [ParameterInfo], name: String,
                             at range: SourceRange) -> Result<[[Int]], Diagnostic> {
        var slots = Array(repeating: [Int](), count: parameters.count)
        var p = 0
        var a = 0
        while a < arguments.count {
            let argument = arguments[a]
            while p < parameters.count {
                let parameter = parameters[p]
                if argument.isTrailingClosure && parameter.acceptsClosure { break }
                if parameter.label == argument.label { break }
                if parameter.hasDefault || parameter.isVariadic { p += 1; continue }
                return .failure(Diagnostic(.error, Messages.labelMismatch(have: argument.label, expected: parameter.label,
                                                                          function: name), at: argument.range))
            }
            guard p < parameters.count else {
                if let label = argument.label {
                    let labels = parameters.compactMap(\.label)
                    return .failure(Diagnostic(.error, Messages.unknownLabel(label, function: name,
                                                                             suggestion: Suggestion.nearest(to: label, in: labels)),
                                               at: argument.range))
                }
                return .failure(Diagnostic(.error, Messages.extraArgument(function: name), at: argument.range))
            }
            slots[p].append(a)
            a += 1
            if parameters[p].isVariadic {
                while a < arguments.count, arguments[a].label == nil, !arguments[a].isTrailingClosure {
                    slots[p].append(a)
                    a += 1
                }
            }
            p += 1
        }
        for (i, parameter) in parameters.enumerated() where slots[i].isEmpty && !parameter.hasDefault && !parameter.isVariadic {
            return .failure(Diagnostic(.error, Messages.missingArgument(parameter.label ?? parameter.name, labeled: parameter.label != nil,
                                                                        function: name), at: range))
        }
        return .success(slots)
    }

    // MARK: expect

    /// `expect(condition, "text")`, recording the operands of a comparison for the report.
    private func expect(_ arguments: [PendingArgument], in environment: Environment, at range: SourceRange) throws -> Value {
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
