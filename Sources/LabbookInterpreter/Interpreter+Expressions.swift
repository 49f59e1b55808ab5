import OrderedCollections
import LabbookDiagnostics

extension Interpreter {
    /// Evaluates an expression. `expected` is the type the context wants, when known: it gives
    /// implicit members (`.relu`) their type and closures their return type.
    func evaluate(_ expr: Expr, in environment: Environment, expected: TypeSpec? = nil) throws -> Value {
        try enterNesting(at: expr.range)
        defer { nesting -= 1 }
        return try evaluateNode(expr, in: environment, expected: expected)
    }

    private func evaluateNode(_ expr: Expr, in environment: Environment, expected: TypeSpec?) throws -> Value {
        switch expr.kind {
        case .integer(let n): return .int(n)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .nil: return .nil

        case .interpolation(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let t): text += t
                case .expr(let e): text += try evaluate(e, in: environment).description
                }
                try checkStringSize(text.utf8.count, at: expr.range)
            }
            return .string(text)

        case .identifier(let name):
            return try lookup(name, in: environment, at: expr.range)

        case .implicitMember(let name):
            let value = try implicitMember(name, expected: expected, at: expr.range)
            return try bareStaticMember(value, expected: expected, in: environment, at: expr.range)

        case .array(let elements):
            let elementType: TypeSpec? = if case .array(let e)? = expected?.unwrapped { e } else { nil }
            try checkCollectionSize(elements.count, at: expr.range)
            return .array(try elements.map { try evaluate($0, in: environment, expected: elementType) })

        case .dictionary(let entries):
            var valueType: TypeSpec?
            if case .dictionary(_, let v)? = expected?.unwrapped { valueType = v }
            var result = OrderedDictionary<DictionaryKey, Value>()
            for entry in entries {
                let keyValue = try evaluate(entry.key, in: environment)
                guard let key = DictionaryKey(keyValue) else {
                    throw Diagnostic(.error, Messages.unhashableKey(keyValue.typeName), at: entry.key.range)
                }
                result[key] = try evaluate(entry.value, in: environment, expected: valueType)
            }
            return .dictionary(result)

        case .tuple(let elements):
            var types: [TypeSpec?] = elements.map { _ in nil }
            if case .tuple(let t)? = expected?.unwrapped, t.count == elements.count { types = t }
            let values = try elements.enumerated().map { i, element in
                try evaluate(element.value, in: environment, expected: types[i])
            }
            return .tuple(values, labels: elements.map(\.label))

        case .unary(let op, let operand):
            return try applyPrefix(op, try evaluate(operand, in: environment), at: expr.range)

        case .binary(let op, let left, let right):
            return try evaluateBinary(op, left, right, in: environment, at: expr.range)

        case .ternary(let condition, let whenTrue, let whenFalse):
            return try test([.expression(condition)], in: environment)
                ? evaluate(whenTrue, in: environment, expected: expected)
                : evaluate(whenFalse, in: environment, expected: expected)

        case .forceUnwrap(let operand):
            let value = try evaluate(operand, in: environment)
            if value.isNil { throw Diagnostic(.error, Messages.nilUnwrap, at: expr.range) }
            return value

        case .call(let callee, let arguments):
            return try evaluateCall(callee, arguments, in: environment, expected: expected, at: expr.range)

        case .member(let base, let name):
            let value = try evaluate(base, in: environment)
            let result = try member(name, of: value, at: expr.range)
            if case .type = value { return try bareStaticMember(result, expected: expected, in: environment, at: expr.range) }
            return result

        case .subscript(let base, let arguments):
            let value = try evaluate(base, in: environment)
            let indices = try arguments.map { PendingArgument($0, value: try evaluate($0.value, in: environment)) }
            return try subscriptGet(value, indices, at: expr.range)

        case .closure(let closure):
            var returnType = closure.returnType
            if returnType == nil, case .function(_, let r)? = expected?.unwrapped { returnType = r }
            let function = Function(name: "closure", kind: .closure(closure, environment, returnType: returnType), session: session)
            if environment === session.globals { function.source = FunctionSource(text: text(expr.range), start: expr.range.start) }
            return .function(function)

        case .operatorFunction(let op):
            return .function(Function(name: op, kind: .operator(op), session: session))
        }
    }

    /// A name: a variable of an enclosing scope, else a library function, type or constant.
    func lookup(_ name: String, in environment: Environment, at range: SourceRange) throws -> Value {
        if libraryNamesFirst, environment.lookup(name).map({ $0 === session.globals.lookup(name) }) ?? true,
           let value = library.global(name) {
            return value
        }
        if let variable = environment.lookup(name) { return variable.value }
        if let value = library.global(name) { return value }
        let suggestion = Suggestion.nearest(to: name, in: environment.visibleNames + library.globalNames)
        // The suggestion is the fix-it when the range is the name itself.
        let isName = range.start.line == range.end.line && range.end.column - range.start.column == name.unicodeScalars.count
        throw Diagnostic(.error, Messages.unknownName(name, suggestion: suggestion), at: range,
                         fixIt: isName ? suggestion.map { .init(replacing: range, with: $0) } : nil)
    }

    /// A static method whose parameters all have defaults may be written bare, as a value:
    /// `.sparseCategoricalCrossentropy` (or `Loss.sparseCategoricalCrossentropy`) for
    /// `.sparseCategoricalCrossentropy(fromLogits: false)`. Where a function is expected it
    /// stays a function.
    private func bareStaticMember(_ value: Value, expected: TypeSpec?, in environment: Environment, at range: SourceRange) throws -> Value {
        guard case .function(let function) = value, case .native(let overloads) = function.kind,
              overloads.contains(where: { $0.parameters.allSatisfy { $0.defaultValue != nil || $0.isVariadic } }) else { return value }
        if case .function? = expected?.unwrapped { return value }
        return try call(function, [], in: environment, at: range)
    }

    /// `.name` resolved in the expected type, or in the one registered type that has it.
    func implicitMember(_ name: String, expected: TypeSpec?, at range: SourceRange) throws -> Value {
        if case .named(let typeName)? = expected?.unwrapped.elementOrSelf, let type = library.type(named: typeName) {
            if let value = type.staticMember(name) { return value }
            let names = type.lineage.flatMap { Array($0.staticMembers.keys) }
            throw Diagnostic(.error, Messages.noStaticMember(name, in: typeName, suggestion: Suggestion.nearest(to: name, in: names)), at: range)
        }
        let candidates = library.types(withStaticMember: name)
        if candidates.count == 1, let value = candidates[0].staticMember(name) { return value }
        if candidates.count > 1 {
            throw Diagnostic(.error, Messages.ambiguousImplicitMember(name, candidates.map(\.name)), at: range)
        }
        let allNames = library.types.values.flatMap { Array($0.staticMembers.keys) }
        throw Diagnostic(.error, Messages.unknownImplicitMember(name, suggestion: Suggestion.nearest(to: name, in: allNames)), at: range)
    }

    private func evaluateBinary(_ op: String, _ left: Expr, _ right: Expr, in environment: Environment,
                                at range: SourceRange) throws -> Value {
        switch op {
        case "&&", "||":
            let l = try evaluate(left, in: environment)
            guard case .bool(let lb) = l else { throw Diagnostic(.error, Messages.logicalOperand(op, l.typeName), at: left.range) }
            if op == "&&" && !lb { return .bool(false) }
            if op == "||" && lb { return .bool(true) }
            let r = try evaluate(right, in: environment)
            guard case .bool(let rb) = r else { throw Diagnostic(.error, Messages.logicalOperand(op, r.typeName), at: right.range) }
            return .bool(rb)
        case "??":
            let l = try evaluate(left, in: environment)
            return l.isNil ? try evaluate(right, in: environment) : l
        default:
            let l = try evaluate(left, in: environment)
            // `action == .stop`: the right side's implicit member takes the left side's type.
            var expected: TypeSpec?
            if case .native(let native) = l { expected = .named(native.type.name) }
            let r = try evaluate(right, in: environment, expected: expected)
            return try applyBinary(op, l, r, at: range)
        }
    }
}

extension TypeSpec {
    /// The type inside an optional (or a tuple element's label).
    var unwrapped: TypeSpec {
        switch self {
        case .optional(let wrapped), .labeled(_, let wrapped): return wrapped.unwrapped
        default: return self
        }
    }

    /// The element of an array or builder, else the type itself: where `.relu` in `[.relu]` looks.
    var elementOrSelf: TypeSpec {
        switch self {
        case .array(let element), .builder(let element): return element.unwrapped
        default: return self
        }
    }
}
