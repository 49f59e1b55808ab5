import LabbookDiagnostics

/// A function value: a user `func`, a closure, a native function or an operator (`>` passed to
/// `sorted(by:)`). Functions are reference values, like Swift closures.
public final class Function {
    enum Kind {
        case user(FunctionDeclaration, Environment)
        /// A closure literal; `returnType` comes from the parameter it was passed to, so that
        /// `return .stop` can resolve its implicit member.
        case closure(Closure, Environment, returnType: TypeSpec?)
        case native([Overload])
        case `operator`(String)
    }

    public let name: String
    let kind: Kind
    /// The session whose running block executes this function when native code calls it back.
    weak var session: Session?
    /// Where a function or closure declared at the top level of a block was written: it sees
    /// only global names, so a saved state keeps it as this text and declares it again.
    var source: FunctionSource?

    init(name: String, kind: Kind, session: Session? = nil) {
        self.name = name
        self.kind = kind
        self.session = session
    }

    /// Creates a native function value, for instance to store in a static member.
    public convenience init(name: String, _ overloads: [Overload]) {
        self.init(name: name, kind: .native(overloads))
    }

    /// Calls the function from native code with positional arguments (a callback during `fit`,
    /// a comparator in a native sort), in the block that is running now.
    ///
    /// Errors inside the function (a failed `!`, a wrong type) are thrown as ``Diagnostic``s
    /// located in the closure's source; rethrow them unchanged so the student sees that place.
    /// The result has been checked against the closure's declared return type, if any.
    ///
    /// Call it only from the thread running a native function of the session (the
    /// interpreter is not thread-safe); a function kept from an earlier block (a callback stored
    /// in a model) runs in the block that is running now and prints into its output.
    public func call(_ arguments: [Value]) throws -> Value {
        guard let interpreter = session?.activeInterpreter else {
            throw NativeError(Messages.callbackOutsideBlock(name))
        }
        return try interpreter.callBack(self, arguments)
    }

    /// The number of parameters, when known (nil for a closure using `$0`-style shorthands).
    public var arity: Int? {
        switch kind {
        case .user(let declaration, _): return declaration.parameters.count
        case .closure(let closure, _, _): return closure.parameters?.count
        case .native(let overloads): return overloads.count == 1 ? overloads[0].parameters.count : nil
        case .operator: return 2
        }
    }
}

/// The text of a top-level function or closure and where it started in its block.
struct FunctionSource {
    var text: String
    var start: SourceLocation
}

/// A scope: names bound to variables, and the scope around it. Closures keep their environment,
/// which is how they capture variables by reference.
final class Environment {
    let parent: Environment?
    private(set) var variables: [String: Variable] = [:]

    init(parent: Environment?) {
        self.parent = parent
    }

    func lookup(_ name: String) -> Variable? {
        var environment: Environment? = self
        while let e = environment {
            if let variable = e.variables[name] { return variable }
            environment = e.parent
        }
        return nil
    }

    func declaresLocally(_ name: String) -> Bool { variables[name] != nil }

    func define(_ name: String, _ variable: Variable) {
        variables[name] = variable
    }

    /// Every visible name, for suggestions.
    var visibleNames: [String] {
        var names: [String] = []
        var environment: Environment? = self
        while let e = environment { names += e.variables.keys; environment = e.parent }
        return names
    }
}

/// A named storage place; `type` is the annotation it was declared with, checked on assignment.
final class Variable {
    var value: Value
    let isConstant: Bool
    let type: TypeSpec?

    init(_ value: Value, isConstant: Bool, type: TypeSpec? = nil) {
        self.value = value
        self.isConstant = isConstant
        self.type = type
    }
}
