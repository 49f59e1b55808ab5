import LabbookDiagnostics

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

extension Interpreter {
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

    /// Swift's message for labeled arguments written out of the parameters' order: "argument
    /// 'minDelta' must precede argument 'patience'". Swift's rule is kept (rather than taking
    /// labels in any order, as Keras's keyword arguments are) so that a notebook's code stays
    /// Swift; the message says exactly what to move. Nil when argument `a` is not out of order.
    private func outOfOrder(_ arguments: [PendingArgument], _ a: Int, _ parameters: [ParameterInfo], name: String) -> String? {
        let argument = arguments[a]
        guard let label = argument.label, let own = parameters.firstIndex(where: { $0.label == label }) else { return nil }
        // An argument before it whose parameter comes after this one's.
        for earlier in arguments[..<a] {
            guard let other = earlier.label, let index = parameters.firstIndex(where: { $0.label == other }) else { continue }
            if index > own { return Messages.argumentOrder(label, before: other) }
        }
        // A required parameter skipped here whose argument comes later.
        for later in arguments[(a + 1)...] {
            guard let other = later.label, let index = parameters.firstIndex(where: { $0.label == other }) else { continue }
            if index < own { return Messages.argumentOrder(other, before: label) }
        }
        return nil
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
                if let message = outOfOrder(arguments, a, parameters, name: name) {
                    return .failure(Diagnostic(.error, message, at: argument.range))
                }
                return .failure(Diagnostic(.error, Messages.labelMismatch(have: argument.label, expected: parameter.label,
                                                                          function: name), at: argument.range))
            }
            guard p < parameters.count else {
                if let message = outOfOrder(arguments, a, parameters, name: name) {
                    return .failure(Diagnostic(.error, message, at: argument.range))
                }
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
}
