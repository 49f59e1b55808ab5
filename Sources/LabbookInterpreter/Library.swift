import LabbookDiagnostics

/// The names a notebook can use without defining them: the standard library, and whatever the
/// bindings register. One library serves one ``Session``.
///
/// ```swift
/// let session = Session()
/// session.library.function("setSeed", [Parameter(nil, "Int")]) { args in
///     Random.seed(try args.int(0)); return .void
/// }
/// let model = session.library.registerType(Sequential.self, name: "Sequential", semantics: .reference)
/// ```
public final class Library {
    private(set) var functions: [String: Function] = [:]
    private(set) var types: [String: AnyNativeType] = [:]
    private(set) var constants: [String: Value] = [:]
    /// State kept outside the names (the bindings' random streams), saved with the session.
    private(set) var stateParts: [(name: String, save: (inout StateWriter) throws -> Void,
                                   restore: (inout StateReader) throws -> Void)] = []

    /// A library holding the standard library of the language (`print`, `zip`, `min`, ...).
    public init() {
        StandardLibrary.register(into: self)
    }

    /// Registers a global function; registering a name again adds an overload, tried in order.
    public func function(_ name: String, _ parameters: [Parameter] = [], _ body: @escaping (Arguments) throws -> Value) {
        var overloads: [Overload] = []
        if let existing = functions[name], case .native(let previous) = existing.kind { overloads = previous }
        functions[name] = Function(name: name, kind: .native(overloads + [Overload(parameters, body)]))
    }

    /// Registers a global constant.
    public func constant(_ name: String, _ value: Value) {
        constants[name] = value
    }

    /// Registers a native type and returns its registration, on which members are added.
    ///
    /// - Parameters:
    ///   - name: the name notebooks write, as a constructor (`Dense(10)`), in annotations
    ///     (`let m: Sequential`) and for static members (`FashionMNIST.loadData()`).
    ///   - semantics: `.value` for structs (copied on assignment, mutating methods written back),
    ///     `.reference` for classes (shared).
    ///   - parent: a type this one is a kind of (`Dense` is a `Layer`): accepted where the parent
    ///     is expected, and inherits its members.
    @discardableResult
    public func registerType<T>(_ swiftType: T.Type, name: String, semantics: AnyNativeType.Semantics,
                                parent: AnyNativeType? = nil) -> NativeType<T> {
        let type = NativeType<T>(name: name, semantics: semantics, parent: parent)
        types[name] = type
        return type
    }

    /// Registers a name that only holds static members (`FashionMNIST.loadData()`,
    /// `FashionMNIST.classNames`): a type without values.
    @discardableResult
    public func registerNamespace(_ name: String) -> NativeType<Void> {
        registerType(Void.self, name: name, semantics: .value)
    }

    /// Saves and restores, with the session's names, state the bindings keep themselves (the
    /// random streams' seed and model count, the data files read): a block restarted from a
    /// saved state must see it as it was.
    public func state(_ name: String, save: @escaping (inout StateWriter) throws -> Void,
                      restore: @escaping (inout StateReader) throws -> Void) {
        stateParts.append((name, save, restore))
    }

    /// A registered type by name.
    public func type(named name: String) -> AnyNativeType? { types[name] }

    /// The value a global name denotes, if the library defines it.
    func global(_ name: String) -> Value? {
        if let function = functions[name] { return .function(function) }
        if let type = types[name] { return .type(type) }
        return constants[name]
    }

    /// A native function by the name it carries: `print`, or `Tensor.random` for a static method.
    func resolveFunction(named name: String) -> Function? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, case .function(let function)? = types[parts[0]]?.staticMember(parts[1]) { return function }
        return functions[name]
    }

    var globalNames: [String] { Array(functions.keys) + Array(types.keys) + Array(constants.keys) }

    /// `Int.max`, `Double.pi`: static members of the built-in number types, whose names denote
    /// their conversion functions.
    func builtinStaticMember(_ name: String, of function: Function) -> Value? {
        guard functions[function.name] === function else { return nil }
        switch (function.name, name) {
        case ("Int", "max"): return .int(.max)
        case ("Int", "min"): return .int(.min)
        case ("Double", "infinity"): return .double(.infinity)
        case ("Double", "pi"): return .double(.pi)
        case ("Double", "nan"): return .double(.nan)
        case ("Double", "greatestFiniteMagnitude"): return .double(.greatestFiniteMagnitude)
        default: return nil
        }
    }

    /// The standard `expect`, which the interpreter calls specially to record operand values.
    var expectFunction: Function? { functions["expect"] }

    /// Types offering the static member `name`, for an implicit member whose type is unknown.
    func types(withStaticMember name: String) -> [AnyNativeType] {
        types.values.filter { $0.staticMembers[name] != nil }.sorted { $0.name < $1.name }
    }
}

/// What a native function can do with the block that calls it.
public final class CallContext {
    unowned let interpreter: Interpreter
    /// Where the call is in the notebook.
    public let range: SourceRange

    init(interpreter: Interpreter, range: SourceRange) {
        self.interpreter = interpreter
        self.range = range
    }

    /// Sends an output of the block (a figure, a table, text) to the block's sink.
    public func emit(_ output: Output) {
        interpreter.sink.emit(output)
    }

    /// Throws when the block has been cancelled, has run out of time or (a batch counting as a
    /// step) out of steps; call it between batches.
    public func checkInterruption() throws {
        try interpreter.tick(at: range)
        try interpreter.checkInterruption(at: range)
    }

    public var isCancelled: Bool { interpreter.session.cancellation.isCancelled }

    /// Throws when `bytes` more would take the session past its memory budget: call it before
    /// making a large value (a tensor of a shape the notebook gave).
    public func reserveMemory(_ bytes: Int) throws {
        if bytes >= 1 << 20 { try interpreter.checkMemory(bytes, at: range) }
    }

    /// A value as `print` shows it.
    public func describe(_ value: Value) -> String { value.description }
}
