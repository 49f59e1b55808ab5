import LabbookDiagnostics

/// A place that can be read and changed: a variable, then a path of members, subscripts and
/// unwraps (`runs["a"]`, `model.layers[0].units`, `best!.value`), with indices evaluated once.
struct LValue {
    enum Root {
        case variable(Variable, name: String, range: SourceRange)
        /// A value that is not a variable (a call's result, a library name): only a reference
        /// type reached through it can be changed.
        case temporary(Value)
    }

    enum Step {
        case member(String, SourceRange)
        case `subscript`([PendingArgument], SourceRange)
        case unwrap(SourceRange)
    }

    var root: Root
    var path: [Step]
}

extension Interpreter {
    /// `target = value` and `target op= value`.
    func assign(_ target: Expr, op: String?, _ valueExpr: Expr, in environment: Environment, at range: SourceRange) throws {
        if case .tuple(let targets) = target.kind {
            guard op == nil else { throw Diagnostic(.error, Messages.compoundTupleAssignment, at: range) }
            try assign(targets.map(\.value), try evaluate(valueExpr, in: environment), in: environment, at: valueExpr.range)
            return
        }
        let lvalue = try resolve(target, in: environment)
        var expected: TypeSpec?
        if case .variable(let variable, _, _) = lvalue.root, lvalue.path.isEmpty { expected = variable.type }
        let value = try evaluate(valueExpr, in: environment, expected: expected)
        try modify(lvalue, mutating: nil, at: target.range) { current in
            var result = value
            if let op { result = try applyBinary(op, current, value, at: range) }
            current = result
        }
        // An annotated variable keeps its type.
        if case .variable(let variable, let name, _) = lvalue.root, lvalue.path.isEmpty, let type = variable.type {
            variable.value = try convert(variable.value, to: type, at: valueExpr.range, what: .assignment(name))
        }
    }

    /// `(a, (b, c)) = value`: every target is resolved before any is assigned, so that
    /// `(a, b) = (b, a)` swaps.
    private func assign(_ targets: [Expr], _ value: Value, in environment: Environment, at range: SourceRange) throws {
        guard case .tuple(let values, _) = value else {
            throw Diagnostic(.error, Messages.destructureNonTuple(targets.count, found: value.typeName), at: range)
        }
        guard values.count == targets.count else {
            throw Diagnostic(.error, Messages.destructureCount(pattern: targets.count, tuple: values.count), at: range)
        }
        var simple: [(LValue, Value, SourceRange)] = []
        for (target, item) in zip(targets, values) {
            if case .identifier("_") = target.kind { continue }
            if case .tuple(let inner) = target.kind {
                try assign(inner.map(\.value), item, in: environment, at: range)
            } else {
                simple.append((try resolve(target, in: environment), item, target.range))
            }
        }
        for (lvalue, item, targetRange) in simple {
            try modify(lvalue, mutating: nil, at: targetRange) { $0 = item }
            if case .variable(let variable, let name, _) = lvalue.root, lvalue.path.isEmpty, let type = variable.type {
                variable.value = try convert(variable.value, to: type, at: targetRange, what: .assignment(name))
            }
        }
    }

    func resolve(_ expr: Expr, in environment: Environment) throws -> LValue {
        switch expr.kind {
        case .identifier(let name):
            if let variable = environment.lookup(name) { return LValue(root: .variable(variable, name: name, range: expr.range), path: []) }
            return LValue(root: .temporary(try lookup(name, in: environment, at: expr.range)), path: [])
        case .member(let base, let name):
            var lvalue = try resolve(base, in: environment)
            lvalue.path.append(.member(name, expr.range))
            return lvalue
        case .subscript(let base, let arguments):
            var lvalue = try resolve(base, in: environment)
            let indices = try arguments.map { PendingArgument($0, value: try evaluate($0.value, in: environment)) }
            lvalue.path.append(.subscript(indices, expr.range))
            return lvalue
        case .forceUnwrap(let base):
            var lvalue = try resolve(base, in: environment)
            lvalue.path.append(.unwrap(expr.range))
            return lvalue
        default:
            return LValue(root: .temporary(try evaluate(expr, in: environment)), path: [])
        }
    }

    func read(_ lvalue: LValue) throws -> Value {
        var value: Value
        switch lvalue.root {
        case .variable(let variable, _, _): value = variable.value
        case .temporary(let v): value = v
        }
        for step in lvalue.path {
            switch step {
            case .member(let name, let range): value = try member(name, of: value, at: range)
            case .subscript(let indices, let range): value = try subscriptGet(value, indices, at: range)
            case .unwrap(let range): if value.isNil { throw Diagnostic(.error, Messages.nilUnwrap, at: range) }
            }
        }
        return value
    }

    /// Runs `body` on the place in place. A `let` can only be changed inside a reference-type
    /// value it holds (`let m = Sequential(); m.trainable = false`).
    func modify<R>(_ lvalue: LValue, mutating method: String?, at range: SourceRange, _ body: (inout Value) throws -> R) throws -> R {
        switch lvalue.root {
        case .variable(let variable, let name, _):
            if variable.isConstant {
                guard !lvalue.path.isEmpty, case .native(let native) = variable.value, native.type.semantics == .reference else {
                    throw Diagnostic(.error, Messages.assignToConstant(name, method: method), at: range, help: Messages.letToVarHelp(name))
                }
                var copy = variable.value
                return try modify(&copy, lvalue.path[...], body)
            }
            // Move the value out rather than mutate `variable.value` through an inout access: a
            // closure run by the mutation may read the variable, and overlapping accesses trap.
            var value = variable.value
            variable.value = .void
            defer { variable.value = value }
            return try modify(&value, lvalue.path[...], body)
        case .temporary(var value):
            if lvalue.path.isEmpty { throw Diagnostic(.error, Messages.cannotAssignToExpression, at: range) }
            return try modify(&value, lvalue.path[...], body)
        }
    }

    private func modify<R>(_ value: inout Value, _ path: ArraySlice<LValue.Step>, _ body: (inout Value) throws -> R) throws -> R {
        guard let step = path.first else { return try body(&value) }
        let rest = path.dropFirst()
        switch step {
        case .unwrap(let range):
            if value.isNil { throw Diagnostic(.error, Messages.nilUnwrap, at: range) }
            return try modify(&value, rest, body)
        case .subscript(let indices, let range):
            return try subscriptModify(&value, indices, at: range) { element in try modify(&element, rest, body) }
        case .member(let name, let range):
            switch value {
            case .tuple(var items, let labels):
                guard let i = Int(name).flatMap({ $0 >= 0 && $0 < items.count ? $0 : nil }) ?? labels.firstIndex(of: name) else {
                    throw noMember(name, of: value, at: range)
                }
                value = .void
                defer { value = .tuple(items, labels: labels) }
                return try modify(&items[i], rest, body)
            case .native(var native):
                guard let property = native.type.property(name) else { throw noMember(name, of: value, at: range) }
                guard let set = property.set else { throw Diagnostic(.error, Messages.readOnlyProperty(name), at: range) }
                var element = try runNative(at: range) { try property.get(native.payload) }
                let result = try modify(&element, rest, body)
                value = .void
                defer { value = .native(native) }
                try runNative(at: range) { try set(&native.payload, element) }
                return result
            default:
                if Self.builtinMembers(of: value).contains(name) {
                    throw Diagnostic(.error, Messages.readOnlyProperty(name), at: range)
                }
                throw noMember(name, of: value, at: range)
            }
        }
    }
}
