import LabbookDiagnostics

extension Expr {
    /// A name that may denote a type, as in `[Int]()`, or an array type itself (`[[Double]]`).
    var isTypeName: Bool {
        switch kind {
        case .identifier(let name): return name.first?.isUppercase == true
        case .array(let elements): return elements.count == 1 && elements[0].isTypeName
        default: return false
        }
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
        case .array(let elements) where elements.count == 1 && elements[0].isTypeName:
            // `[Int]()`, and `[Int](repeating: 0, count: 3)` as Swift's `Array` initializers.
            guard !arguments.isEmpty, let array = library.global("Array") else { return .array([]) }
            return try call(array, pending, in: environment, at: range)
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
    func runBuilder(_ closure: Closure, element: TypeSpec, in environment: Environment, at range: SourceRange) throws -> Value {
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
}
