import LabbookInterpreter

/// Fake native types standing in for the engine's, registered through the same API the
/// bindings use: a value type (`Vec`), reference types (`Counter`, `Layer`/`Dense`, `Model`),
/// enum-like types with implicit members and Keras-style spellings (`Activation`, `Loss`,
/// `Action`), a builder constructor, a function calling a closure back, a failing function.
enum FakeLibrary {
    struct Vec: Equatable {
        var items: [Double]
    }

    final class Counter {
        var value = 0
        var step = 1
    }

    enum Activation: Equatable {
        case linear, relu, sigmoid
        case leakyRelu(alpha: Double)

        var name: String {
            switch self {
            case .linear: return "linear"
            case .relu: return "relu"
            case .sigmoid: return "sigmoid"
            case .leakyRelu(let alpha): return "leakyRelu(\(alpha))"
            }
        }
    }

    enum Action { case stop, proceed }

    final class Dense {
        let units: Int
        let activation: Activation
        init(units: Int, activation: Activation) {
            self.units = units
            self.activation = activation
        }
    }

    final class Model {
        var layers: [Dense] = []
    }

    struct Rich: RichOutput {
        var title: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A session with the standard library and the fake types.
    static func session() -> Session {
        let session = Session()
        register(into: session.library)
        return session
    }

    static func register(into library: Library) {
        let vec = registerVec(into: library)
        registerCounter(into: library)
        let activation = registerActivation(into: library)
        registerModel(into: library, activation: activation)
        registerCallbacks(into: library)

        let loss = library.registerType(String.self, name: "Loss", semantics: .value)
        loss.describe { $0 }
        loss.stateCodec(encode: { name, writer in writer.write(name) }, decode: { try $0.readString() })
        loss.staticMethod("crossentropy", [Parameter("fromLogits", "Bool", default: .bool(false))]) { args in
            loss.wrap(try args.bool(0) ? "crossentropy(logits)" : "crossentropy")
        }
        loss.spellings(["crossentropy"]) { $0 == "crossentropy" ? loss.wrap("crossentropy") : nil }
        library.function("lossName", [Parameter(nil, "Loss")]) { args in .string(try args.native(0, as: loss)) }

        let data = library.registerNamespace("FakeData")
        data.staticMethod("loadData") { _ in
            let train = Value.tuple([vec.wrap(Vec(items: [1, 2, 3])), .array([.int(0), .int(1), .int(2)])])
            let test = Value.tuple([vec.wrap(Vec(items: [4])), .array([.int(1)])])
            return .tuple([train, test])
        }
        data.staticMember("classNames", .array(["zero", "one", "two"].map(Value.string)))

        library.function("failing", [Parameter(nil, "String", name: "message")]) { args in
            throw NativeError(try args.string(0), help: "this fake function always fails")
        }
        library.function("crashing") { _ in throw Failure(description: "the engine gave up") }
        library.function("emitRich", [Parameter("title", "String")]) { args in
            args.context.emit(.rich(Rich(title: try args.string(0))))
            return .void
        }
        library.function("spin", [Parameter(nil, "Int", name: "iterations")]) { args in
            for _ in 0..<(try args.int(0)) { try args.context.checkInterruption() }
            return .void
        }
    }

    @discardableResult
    private static func registerVec(into library: Library) -> NativeType<Vec> {
        let vec = library.registerType(Vec.self, name: "Vec", semantics: .value)
        // Its elements go to the blob store, as a tensor's do.
        vec.stateCodec(encode: { v, writer in
            try v.items.withUnsafeBytes { try writer.writeBlob($0) }
        }, decode: { reader in
            let bytes = try reader.readBlob()
            guard bytes.count % 8 == 0 else { throw reader.damaged("a Vec has \(bytes.count) bytes") }
            return Vec(items: bytes.withUnsafeBytes { raw in
                (0..<raw.count / 8).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
            })
        })
        vec.constructor([Parameter(nil, .array("Double"), name: "values")]) { args in
            Vec(items: try args.array(0).map { $0.doubleValue ?? 0 })
        }
        vec.constructor([Parameter("zeros", "Int")]) { args in Vec(items: Array(repeating: 0, count: max(0, try args.int(0)))) }
        vec.conversion { value in
            guard case .array(let items) = value else { return nil }
            let numbers = items.compactMap(\.doubleValue)
            return numbers.count == items.count ? Vec(items: numbers) : nil
        }
        vec.describe { "Vec(\($0.items))" }
        vec.property("count") { .int($0.items.count) }
        vec.property("first", get: { $0.items.first.map(Value.double) ?? .nil }, set: { v, value in
            guard let d = value.doubleValue, !v.items.isEmpty else { throw NativeError("first needs a number") }
            v.items[0] = d
        })
        vec.method("sum") { v, _ in .double(v.items.reduce(0, +)) }
        vec.method("mapped", [Parameter(nil, .function(["Double"], "Double"), name: "transform")]) { v, args in
            let f = try args.function(0)
            return vec.wrap(Vec(items: try v.items.map { try f.call([.double($0)]).doubleValue ?? 0 }))
        }
        vec.mutatingMethod("scale", [Parameter("by", "Double")]) { v, args in
            let factor = try args.double(0)
            v.items = v.items.map { $0 * factor }
            return .void
        }
        vec.mutatingMethod("append", [Parameter(nil, "Double")]) { v, args in
            v.items.append(try args.double(0))
            return .void
        }
        vec.subscriptAccess([Parameter(nil, "Int", name: "index")], get: { v, args in
            let i = try args.int(0)
            guard v.items.indices.contains(i) else { throw NativeError("index \(i) is out of range for a Vec of \(v.items.count)") }
            return .double(v.items[i])
        }, set: { v, args, value in
            let i = try args.int(0)
            guard v.items.indices.contains(i), let d = value.doubleValue else { throw NativeError("cannot set element \(i)") }
            v.items[i] = d
        })
        // `v[i, j]`: the product of two elements, to exercise subscripts of several indices.
        vec.subscriptAccess([Parameter(nil, "Int", name: "i"), Parameter(nil, "Int", name: "j")], get: { v, args in
            let i = try args.int(0), j = try args.int(1)
            guard v.items.indices.contains(i), v.items.indices.contains(j) else { throw NativeError("bad indices") }
            return .double(v.items[i] * v.items[j])
        })
        vec.subscriptAccess([Parameter(nil, "Range", name: "range")], get: { v, args in
            guard case .range(let r) = args[0], r.lower >= 0, r.upper <= v.items.count else { throw NativeError("bad range") }
            return vec.wrap(Vec(items: Array(v.items[r.lower..<(r.isClosed ? r.upper + 1 : r.upper)])))
        })
        for op in ["+", "-", "*", ".==", "=="] {
            vec.binaryOperator(op) { l, r in
                let a = vec.unwrap(l)?.items ?? l.doubleValue.map { [$0] }
                let b = vec.unwrap(r)?.items ?? r.doubleValue.map { [$0] }
                guard let a, let b else { return nil }
                if op == "==" { return .bool(a == b) }
                let n = max(a.count, b.count)
                guard a.count == b.count || a.count == 1 || b.count == 1 else {
                    throw NativeError("cannot combine Vecs of \(a.count) and \(b.count) elements")
                }
                let x = (0..<n).map { a[a.count == 1 ? 0 : $0] }, y = (0..<n).map { b[b.count == 1 ? 0 : $0] }
                switch op {
                case "+": return vec.wrap(Vec(items: zip(x, y).map(+)))
                case "-": return vec.wrap(Vec(items: zip(x, y).map(-)))
                case "*": return vec.wrap(Vec(items: zip(x, y).map(*)))
                default: return vec.wrap(Vec(items: zip(x, y).map { $0 == $1 ? 1 : 0 }))
                }
            }
        }
        vec.prefixOperator("-") { v in vec.wrap(Vec(items: v.items.map { -$0 })) }
        vec.iterate(count: { $0.items.count }, element: { v, i in .double(v.items[i]) })
        return vec
    }

    private static func registerCounter(into library: Library) {
        let counter = library.registerType(Counter.self, name: "Counter", semantics: .reference)
        counter.constructor { _ in Counter() }
        counter.stateCodec(encode: { c, writer in
            writer.write(c.value)
            writer.write(c.step)
        }, decode: { reader in
            let c = Counter()
            c.value = try reader.readInt()
            c.step = try reader.readInt()
            return c
        })
        counter.describe { "Counter(\($0.value))" }
        counter.property("value") { .int($0.value) }
        counter.property("step", get: { .int($0.step) }, set: { c, value in
            guard case .int(let n) = value else { throw NativeError("step must be an Int") }
            c.step = n
        })
        counter.method("increment") { c, _ in
            c.value += c.step
            return .void
        }
    }

    private static func registerActivation(into library: Library) -> NativeType<Activation> {
        let activation = library.registerType(Activation.self, name: "Activation", semantics: .value)
        activation.describe(\.name)
        activation.equality(==)
        for a in [Activation.linear, .relu, .sigmoid] { activation.staticMember(a.name, activation.wrap(a)) }
        activation.staticMethod("leakyRelu", [Parameter("alpha", "Double", default: .double(0.3))]) { args in
            activation.wrap(.leakyRelu(alpha: try args.double(0)))
        }
        activation.spellings(["linear", "relu", "sigmoid", "leaky_relu"]) { name in
            switch name {
            case "linear": return activation.wrap(.linear)
            case "relu": return activation.wrap(.relu)
            case "sigmoid": return activation.wrap(.sigmoid)
            case "leaky_relu": return activation.wrap(.leakyRelu(alpha: 0.3))
            default: return nil
            }
        }
        return activation
    }

    private static func registerModel(into library: Library, activation: NativeType<Activation>) {
        let layer = library.registerType(Dense.self, name: "Layer", semantics: .reference)
        layer.property("units") { .int($0.units) }
        let dense = library.registerType(Dense.self, name: "Dense", semantics: .reference, parent: layer)
        dense.constructor([Parameter(nil, "Int", name: "units"), Parameter("activation", "Activation", default: activation.wrap(.linear))]) { args in
            Dense(units: try args.int(0), activation: try args.native(1, as: activation))
        }
        dense.describe { "Dense(\($0.units), \($0.activation.name))" }
        dense.property("activation") { activation.wrap($0.activation) }

        let model = library.registerType(Model.self, name: "Model", semantics: .reference)
        let build: (Arguments) throws -> Model = { args in
            let m = Model()
            m.layers = try args.array(0).map { try layer.unwrap($0).orThrow("not a layer") }
            return m
        }
        model.constructor { _ in Model() }
        model.constructor([Parameter(nil, .array("Layer"), name: "layers")], build)
        model.constructor([Parameter(nil, .builder("Layer"), name: "content")], build)
        model.describe { "Model(" + $0.layers.map { "\($0.units)" }.joined(separator: ", ") + ")" }
        model.property("layers") { .array($0.layers.map(dense.wrap)) }
        model.method("add", [Parameter(nil, "Layer")]) { m, args in
            m.layers.append(try args.native(0, as: layer))
            return .void
        }
        model.method("countParams") { m, _ in .int(m.layers.reduce(0) { $0 + $1.units }) }
    }

    private static func registerCallbacks(into library: Library) {
        let action = library.registerType(Action.self, name: "Action", semantics: .value)
        action.staticMember("stop", action.wrap(.stop))
        action.staticMember("continue", action.wrap(.proceed))
        action.describe { $0 == .stop ? "stop" : "continue" }
        action.equality(==)
        library.function("train", [Parameter("epochs", "Int"),
                                   Parameter("onEpochEnd", .optional(.function(["Int", "Double"], .optional("Action"))), default: .nil)]) { args in
            let callback = try args.optional(1, args.function)
            var ran = 0
            for epoch in 0..<(try args.int(0)) {
                ran += 1
                let loss = 1.0 / Double(epoch + 1)
                if let callback, action.unwrap(try callback.call([.int(epoch), .double(loss)])) == .stop { break }
            }
            return .int(ran)
        }
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw NativeError(message) }
        return self
    }
}
