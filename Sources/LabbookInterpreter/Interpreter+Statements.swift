import LabbookDiagnostics

extension Interpreter {
    /// Runs statements in `environment`; functions declared among them are visible to all of
    /// them (declared before the first runs), as in a Swift script.
    func execute(_ statements: [Stmt], in environment: Environment, collector: Collector?) throws -> Completion {
        for statement in statements {
            if case .function(let declaration) = statement.kind {
                try declare(declaration, in: environment, at: statement.range)
            }
        }
        for statement in statements {
            let completion = try execute(statement, in: environment, collector: collector)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    func execute(_ statement: Stmt, in environment: Environment, collector: Collector?) throws -> Completion {
        try tick(at: statement.range)
        try enterNesting(at: statement.range)
        defer { nesting -= 1 }
        switch statement.kind {
        case .expression(let expr):
            let value = try evaluate(expr, in: environment)
            if let collector, !value.isVoid {
                guard let element = try coerce(value, to: collector.element, at: expr.range) else {
                    throw Diagnostic(.error, Messages.builderElement(collector.element, found: value.typeName), at: expr.range)
                }
                collector.values.append(element)
            }
            return .normal

        case .binding(let isConstant, let pattern, let type, let expr):
            var value = try evaluate(expr, in: environment, expected: type)
            if let type { value = try convert(value, to: type, at: expr.range, what: Messages.annotationContext) }
            try bind(pattern, to: value, in: environment, isConstant: isConstant, type: type, at: expr.range)
            return .normal

        case .assignment(let target, let op, let value):
            try assign(target, op: op, value, in: environment, at: statement.range)
            return .normal

        case .if(let branches, let elseBody):
            for branch in branches {
                let scope = Environment(parent: environment)
                if try test(branch.conditions, in: scope) {
                    return try execute(branch.body, in: scope, collector: collector)
                }
            }
            if let elseBody { return try execute(elseBody, in: Environment(parent: environment), collector: collector) }
            return .normal

        case .guard(let conditions, let body):
            // `guard let` binds in the enclosing scope, as in Swift.
            if try test(conditions, in: environment) { return .normal }
            let completion = try execute(body, in: Environment(parent: environment), collector: nil)
            if case .normal = completion {
                throw Diagnostic(.error, Messages.guardFallsThrough, at: statement.range, help: Messages.guardHelp)
            }
            return completion

        case .while(let conditions, let body):
            while true {
                let scope = Environment(parent: environment)
                guard try test(conditions, in: scope) else { return .normal }
                switch try execute(body, in: scope, collector: collector) {
                case .breakLoop: return .normal
                case .normal, .continueLoop: try tick(at: statement.range)
                case .returned(let value, let range): return .returned(value, range)
                }
            }

        case .repeat(let body, let condition):
            while true {
                let scope = Environment(parent: environment)
                switch try execute(body, in: scope, collector: collector) {
                case .breakLoop: return .normal
                case .normal, .continueLoop: try tick(at: statement.range)
                case .returned(let value, let range): return .returned(value, range)
                }
                guard try test([.expression(condition)], in: scope) else { return .normal }
            }

        case .for(let pattern, let sequenceExpr, let body):
            let sequence = try evaluate(sequenceExpr, in: environment)
            var result = Completion.normal
            try iterate(sequence, at: sequenceExpr.range) { element in
                try tick(at: statement.range)
                let scope = Environment(parent: environment)
                try bind(pattern, to: element, in: scope, isConstant: true, type: nil, at: sequenceExpr.range)
                switch try execute(body, in: scope, collector: collector) {
                case .breakLoop: return false
                case .normal, .continueLoop: return true
                case .returned(let value, let range):
                    result = .returned(value, range)
                    return false
                }
            }
            return result

        case .break: return .breakLoop(statement.range)
        case .continue: return .continueLoop(statement.range)

        case .return(let expr):
            let value = try expr.map { try evaluate($0, in: environment, expected: returnTypes.last ?? nil) } ?? .void
            return .returned(value, statement.range)

        case .function:
            return .normal  // declared before the statements ran
        }
    }

    private func declare(_ declaration: FunctionDeclaration, in environment: Environment, at range: SourceRange) throws {
        if environment !== session.globals, environment.declaresLocally(declaration.name) {
            throw Diagnostic(.error, Messages.redeclaration(declaration.name), at: range)
        }
        let function = Function(name: declaration.name, kind: .user(declaration, environment), session: session)
        if environment === session.globals { function.source = FunctionSource(text: text(range), start: range.start) }
        environment.define(declaration.name, Variable(.function(function), isConstant: true))
    }

    /// Evaluates conditions in order until one fails; optional bindings bind their names into
    /// `environment`, where the following conditions see them.
    func test(_ conditions: [Condition], in environment: Environment) throws -> Bool {
        for condition in conditions where try !test(condition, in: environment) { return false }
        return true
    }

    private func test(_ condition: Condition, in environment: Environment) throws -> Bool {
        switch condition {
        case .expression(let expr):
            let value = try evaluate(expr, in: environment)
            guard case .bool(let b) = value else {
                throw Diagnostic(.error, Messages.conditionNotBool(value.typeName), at: expr.range)
            }
            return b
        case .optionalBinding(let isConstant, let pattern, let expr):
            let value = try evaluate(expr, in: environment)
            if value.isNil { return false }
            try bind(pattern, to: value, in: environment, isConstant: isConstant, type: nil, at: expr.range)
            return true
        }
    }

    /// Binds a pattern's names. Names may be redeclared at the top level of a notebook (re-running
    /// a block must work, as in a Jupyter kernel) but not twice in one inner scope.
    func bind(_ pattern: Pattern, to value: Value, in environment: Environment, isConstant: Bool,
              type: TypeSpec?, at range: SourceRange) throws {
        switch pattern {
        case .wildcard:
            return
        case .name(let name, let nameRange):
            if environment !== session.globals, environment.declaresLocally(name) {
                throw Diagnostic(.error, Messages.redeclaration(name), at: nameRange)
            }
            environment.define(name, Variable(value, isConstant: isConstant, type: type))
        case .tuple(let items):
            guard case .tuple(let values, _) = value else {
                throw Diagnostic(.error, Messages.destructureNonTuple(items.count, found: value.typeName), at: range)
            }
            guard values.count == items.count else {
                throw Diagnostic(.error, Messages.destructureCount(pattern: items.count, tuple: values.count), at: range)
            }
            var types: [TypeSpec?] = items.map { _ in nil }
            if case .tuple(let itemTypes)? = type, itemTypes.count == items.count { types = itemTypes }
            for (i, item) in items.enumerated() {
                try bind(item, to: values[i], in: environment, isConstant: isConstant, type: types[i], at: range)
            }
        }
    }

    /// Calls `body` with each element of a sequence until it returns false. Ranges are walked
    /// by their bounds, never materialized.
    func iterate(_ sequence: Value, at range: SourceRange, _ body: (Value) throws -> Bool) throws {
        switch sequence {
        case .array(let items):
            for item in items where try !body(item) { return }
        case .range(let r):
            guard r.lower < r.upper || (r.isClosed && r.lower == r.upper) else { return }
            var i = r.lower
            while true {
                if try !body(.int(i)) { return }
                if r.isClosed ? i == r.upper : i + 1 >= r.upper { return }
                i += 1
            }
        case .dictionary(let entries):
            for (key, value) in entries where try !body(.tuple([key.value, value], labels: ["key", "value"])) { return }
        case .string(let s):
            for c in s where try !body(.string(String(c))) { return }
        case .native(let native):
            guard let iteration = native.type.iterationRule else {
                throw Diagnostic(.error, Messages.notASequence(sequence.typeName), at: range)
            }
            let count = try runNative(at: range) { try iteration.count(native.payload) }
            for i in 0..<max(0, count) {
                let element = try runNative(at: range) { try iteration.element(native.payload, i) }
                if try !body(element) { return }
            }
        default:
            throw Diagnostic(.error, Messages.notASequence(sequence.typeName), at: range)
        }
    }

    /// The elements of a sequence as an array, within the collection limit.
    func elements(of sequence: Value, at range: SourceRange) throws -> [Value] {
        if case .array(let items) = sequence { return items }
        if case .range(let r) = sequence { try checkCollectionSize(r.count, at: range) }
        var result: [Value] = []
        try iterate(sequence, at: range) { element in
            try tick(at: range)
            result.append(element)
            if result.count > limits.maximumCollectionCount { try checkCollectionSize(result.count, at: range) }
            return true
        }
        return result
    }
}
