/// A type registered by the bindings, seen from the interpreter: its name (usable in type
/// annotations), its members and operators, type-erased. Bindings use the typed
/// ``NativeType`` subclass that ``Library/registerType(_:name:semantics:parent:)`` returns.
public class AnyNativeType {
    /// Value types are copied on assignment (a tensor); reference types are shared (a model).
    public enum Semantics {
        case value
        case reference
    }

    public let name: String
    public let semantics: Semantics
    /// The type this one is a kind of: a `Dense` value is accepted where a `Layer` is expected,
    /// and finds the members registered on `Layer`.
    public let parent: AnyNativeType?

    struct Property {
        var get: (Any) throws -> Value
        var set: ((inout Any, Value) throws -> Void)?
    }

    struct Method {
        var isMutating: Bool
        var overloads: [(parameters: [Parameter], body: (inout Any, Arguments) throws -> Value)]
    }

    struct Subscript {
        var parameters: [Parameter]
        var get: (Any, Arguments) throws -> Value
        var set: ((inout Any, Arguments, Value) throws -> Void)?
    }

    struct StateCodec {
        var encode: (Any, inout StateWriter) throws -> Void
        var decode: (inout StateReader) throws -> Any
    }

    struct Iteration {
        var count: (Any) throws -> Int
        var element: (Any, Int) throws -> Value
    }

    var properties: [String: Property] = [:]
    var methods: [String: Method] = [:]
    var staticMembers: [String: Value] = [:]
    var constructors: [Overload] = []
    var subscripts: [Subscript] = []
    var binaryOperators: [String: (Value, Value) throws -> Value?] = [:]
    var prefixOperators: [String: (Any) throws -> Value] = [:]
    var iteration: Iteration?
    var describeBody: ((Any) -> String)?
    var spelling: ((String) -> Value?)?
    /// The spellings a string may take, for "did you mean" suggestions.
    var knownSpellings: [String] = []
    var conversionBody: ((Value) throws -> Value?)?
    var equalityBody: ((Any, Any) -> Bool)?
    var stateCodecBody: StateCodec?

    init(name: String, semantics: Semantics, parent: AnyNativeType?) {
        self.name = name
        self.semantics = semantics
        self.parent = parent
    }

    /// Whether values of this type are accepted where `typeName` is expected.
    public func isKind(of typeName: String) -> Bool {
        var type: AnyNativeType? = self
        while let t = type {
            if t.name == typeName { return true }
            type = t.parent
        }
        return false
    }

    /// This type and its ancestors, nearest first.
    var lineage: [AnyNativeType] {
        var result: [AnyNativeType] = []
        var type: AnyNativeType? = self
        while let t = type { result.append(t); type = t.parent }
        return result
    }

    func property(_ name: String) -> Property? { lineage.lazy.compactMap { $0.properties[name] }.first }
    func method(_ name: String) -> Method? { lineage.lazy.compactMap { $0.methods[name] }.first }
    func staticMember(_ name: String) -> Value? { lineage.lazy.compactMap { $0.staticMembers[name] }.first }
    var allSubscripts: [Subscript] { lineage.flatMap(\.subscripts) }
    var iterationRule: Iteration? { lineage.lazy.compactMap(\.iteration).first }
    var describeRule: ((Any) -> String)? { lineage.lazy.compactMap(\.describeBody).first }
    var spellingRule: ((String) -> Value?)? { lineage.lazy.compactMap(\.spelling).first }
    var conversionRule: ((Value) throws -> Value?)? { lineage.lazy.compactMap(\.conversionBody).first }
    var equalityRule: ((Any, Any) -> Bool)? { lineage.lazy.compactMap(\.equalityBody).first }
    var stateCodec: StateCodec? { lineage.lazy.compactMap(\.stateCodecBody).first }
    func binaryOperator(_ op: String) -> ((Value, Value) throws -> Value?)? {
        lineage.lazy.compactMap { $0.binaryOperators[op] }.first
    }
    func prefixOperator(_ op: String) -> ((Any) throws -> Value)? {
        lineage.lazy.compactMap { $0.prefixOperators[op] }.first
    }

    /// Every member name, for "did you mean" suggestions.
    var memberNames: [String] {
        lineage.flatMap { Array($0.properties.keys) + Array($0.methods.keys) }
    }
}

/// The registration of a native Swift type `T`: the bindings add members with the methods below,
/// and convert with ``wrap(_:)`` and ``unwrap(_:)``.
///
/// ```swift
/// let tensor = library.registerType(Tensor.self, name: "Tensor", semantics: .value)
/// tensor.constructor([Parameter("zeros", .array("Int"))]) { args in Tensor(zeros: try args.ints(0)) }
/// tensor.property("shape") { t in .array(t.shape.map { .int($0) }) }
/// tensor.method("reshaped", [Parameter("to", .array("Int"))]) { t, args in
///     tensor.wrap(t.reshaped(try args.ints(0)))
/// }
/// tensor.binaryOperator("+") { lhs, rhs in ... }  // nil when the operands are not for it
/// tensor.iterate(count: { $0.shape[0] }, element: { t, i in tensor.wrap(t[i]) })
/// tensor.describe { $0.description }
/// ```
public final class NativeType<T>: AnyNativeType {
    /// The bytes a value holds (a tensor's storage), for the memory budget; nil when small.
    public var byteSize: ((T) -> Int)?

    /// The interpreter value holding `value`.
    public func wrap(_ value: T) -> Value {
        if let byteSize { MemoryBudget.noteMade(byteSize(value)) }
        return .native(NativeValue(type: self, payload: value))
    }

    /// The Swift value inside `value`, if it is one of this type (or of a type registered with
    /// this one as an ancestor whose payload is a `T`).
    public func unwrap(_ value: Value) -> T? {
        guard case .native(let native) = value, native.type.isKind(of: name) else { return nil }
        return native.payload as? T
    }

    /// A constructor: `Dense(128, activation: .relu)`. Several may be registered (overloads);
    /// the first whose labels and types accept the call is used. A parameter of type
    /// `.builder(Element)` makes `Name { ... }` a builder (see ``TypeSpec/builder(_:)``).
    public func constructor(_ parameters: [Parameter] = [], _ body: @escaping (Arguments) throws -> T) {
        constructors.append(Overload(parameters) { [unowned self] args in self.wrap(try body(args)) })
    }

    /// A constructor returning any value (for instance a subtype registered separately).
    public func constructorReturningValue(_ parameters: [Parameter] = [], _ body: @escaping (Arguments) throws -> Value) {
        constructors.append(Overload(parameters, body))
    }

    /// A read-only property, or a settable one when `set` is given (`m.trainable = false`).
    public func property(_ name: String, get: @escaping (T) throws -> Value,
                         set: ((inout T, Value) throws -> Void)? = nil) {
        let setter: ((inout Any, Value) throws -> Void)? = set.map { set in
            { payload, value in
                guard var typed = payload as? T else { return }
                try set(&typed, value)
                payload = typed
            }
        }
        properties[name] = Property(get: { payload in
            guard let typed = payload as? T else { return .nil }
            return try get(typed)
        }, set: setter)
    }

    /// A non-mutating method (or any method of a reference type). Registering the same name again
    /// adds an overload.
    public func method(_ name: String, _ parameters: [Parameter] = [], _ body: @escaping (T, Arguments) throws -> Value) {
        addMethod(name, isMutating: false, parameters) { payload, args in
            guard let typed = payload as? T else { return .nil }
            return try body(typed, args)
        }
    }

    /// A mutating method of a value type: the interpreter writes the changed value back to the
    /// variable (`t.normalize()`), and refuses to call it on a `let`.
    public func mutatingMethod(_ name: String, _ parameters: [Parameter] = [],
                               _ body: @escaping (inout T, Arguments) throws -> Value) {
        addMethod(name, isMutating: semantics == .value, parameters) { payload, args in
            guard var typed = payload as? T else { return .nil }
            // Drop the type-erased copy so that `typed` is uniquely referenced and its storage is
            // mutated in place instead of copied.
            payload = ()
            defer { payload = typed }
            return try body(&typed, args)
        }
    }

    /// A static member: `FashionMNIST.classNames`, and the implicit members of an enum-like type
    /// (`.relu` where an `Activation` is expected). A `.function` value makes a static method
    /// (`Tensor.random(normal:seed:)`, `.leakyRelu(alpha: 0.1)`).
    public func staticMember(_ name: String, _ value: Value) {
        staticMembers[name] = value
    }

    /// A static method: `FashionMNIST.loadData()`, or an implicit member with arguments
    /// (`.leakyRelu(alpha: 0.1)`).
    public func staticMethod(_ name: String, _ parameters: [Parameter] = [], _ body: @escaping (Arguments) throws -> Value) {
        if case .function(let existing) = staticMembers[name], case .native(let overloads) = existing.kind {
            staticMembers[name] = .function(Function(name: "\(self.name).\(name)", kind: .native(overloads + [Overload(parameters, body)])))
        } else {
            staticMembers[name] = .function(Function(name: "\(self.name).\(name)", kind: .native([Overload(parameters, body)])))
        }
    }

    /// A subscript: `t[0]`, `t[0, 3]`, `t[0..<100]`; several may be registered. `set` makes
    /// `t[0] = x` work (written back to the variable for a value type).
    public func subscriptAccess(_ parameters: [Parameter], get: @escaping (T, Arguments) throws -> Value,
                                set: ((inout T, Arguments, Value) throws -> Void)? = nil) {
        let setter: ((inout Any, Arguments, Value) throws -> Void)? = set.map { set in
            { payload, args, value in
                guard var typed = payload as? T else { return }
                payload = ()
                defer { payload = typed }
                try set(&typed, args, value)
            }
        }
        subscripts.append(Subscript(parameters: parameters, get: { payload, args in
            guard let typed = payload as? T else { return .nil }
            return try get(typed, args)
        }, set: setter))
    }

    /// A binary operator (`+ - * / % == != < <= > >= .== .!= .< .<= .> .>=`) tried when either
    /// operand is of this type; return nil when the operand types are not handled, so that the
    /// interpreter reports the mismatch.
    public func binaryOperator(_ op: String, _ body: @escaping (Value, Value) throws -> Value?) {
        binaryOperators[op] = body
    }

    /// A prefix operator: `-t`.
    public func prefixOperator(_ op: String, _ body: @escaping (T) throws -> Value) {
        prefixOperators[op] = { payload in
            guard let typed = payload as? T else { return .nil }
            return try body(typed)
        }
    }

    /// Makes `for x in value` work, element by element, without materializing the sequence.
    public func iterate(count: @escaping (T) throws -> Int, element: @escaping (T, Int) throws -> Value) {
        iteration = Iteration(count: { payload in
            guard let typed = payload as? T else { return 0 }
            return try count(typed)
        }, element: { payload, index in
            guard let typed = payload as? T else { return .nil }
            return try element(typed, index)
        })
    }

    /// How `print` and interpolation show a value of this type.
    public func describe(_ body: @escaping (T) -> String) {
        describeBody = { [name] payload in (payload as? T).map(body) ?? name }
    }

    /// Resolves a string where this type is expected: the Keras spellings (`"relu"`,
    /// `"sparse_categorical_crossentropy"`, `"adam"`). Return nil for an unknown string; the
    /// interpreter then reports it with the nearest of `knownSpellings`.
    public func spellings(_ knownSpellings: [String] = [], _ resolve: @escaping (String) -> Value?) {
        self.knownSpellings = knownSpellings
        spelling = resolve
    }

    /// Converts other values where this type is expected (an array literal where a tensor is
    /// expected). Return nil when `value` cannot be converted.
    public func conversion(_ convert: @escaping (Value) throws -> T?) {
        conversionBody = { [unowned self] value in try convert(value).map(self.wrap) }
    }

    /// `==` and `!=` between two values of this type (reference types compare by identity
    /// unless this is given).
    public func equality(_ equal: @escaping (T, T) -> Bool) {
        equalityBody = { a, b in
            guard let a = a as? T, let b = b as? T else { return false }
            return equal(a, b)
        }
    }

    /// How a saved session state writes and reads values of this type (and of the types
    /// registered with this one as an ancestor). A value of a type without a codec cannot be
    /// saved: the blocks after it run again instead. A reference type's object is written
    /// once however many values share it; `decode` makes it once.
    public func stateCodec(encode: @escaping (T, inout StateWriter) throws -> Void,
                           decode: @escaping (inout StateReader) throws -> T) {
        stateCodecBody = StateCodec(encode: { [name] payload, writer in
            guard let typed = payload as? T else { throw writer.unsaveable(Messages.stateNoCodec(name)) }
            try encode(typed, &writer)
        }, decode: { reader in try decode(&reader) })
    }

    private func addMethod(_ name: String, isMutating: Bool, _ parameters: [Parameter],
                           _ body: @escaping (inout Any, Arguments) throws -> Value) {
        var method = methods[name] ?? Method(isMutating: isMutating, overloads: [])
        method.isMutating = method.isMutating || isMutating
        method.overloads.append((parameters, body))
        methods[name] = method
    }
}
