import OrderedCollections
import LabbookDiagnostics

/// A method call ready to run on its receiver: arguments already evaluated, so that running it
/// inside a write-back (`xs.append(xs.count)`) never sees the receiver half-updated.
struct PreparedMethod {
    var isMutating: Bool
    var perform: (inout Value) throws -> Value
}

extension Interpreter {
    /// `base.name`: tuple elements, collection properties, native properties, static members.
    func member(_ name: String, of value: Value, at range: SourceRange) throws -> Value {
        switch value {
        case .tuple(let items, let labels):
            if let i = Int(name), i >= 0, i < items.count { return items[i] }
            if let i = labels.firstIndex(of: name) { return items[i] }
        case .array(let items):
            switch name {
            case "count": return .int(items.count)
            case "isEmpty": return .bool(items.isEmpty)
            case "first": return items.first ?? .nil
            case "last": return items.last ?? .nil
            default: break
            }
        case .dictionary(let entries):
            switch name {
            case "count": return .int(entries.count)
            case "isEmpty": return .bool(entries.isEmpty)
            case "keys": return .array(entries.keys.map(\.value))
            case "values": return .array(Array(entries.values))
            default: break
            }
        case .string(let s):
            switch name {
            case "count": return .int(s.count)
            case "isEmpty": return .bool(s.isEmpty)
            default: break
            }
        case .range(let r):
            switch name {
            case "count":
                guard let count = r.count else { throw Diagnostic(.error, Messages.overflowCount, at: range) }
                return .int(count)
            case "lowerBound": return .int(r.lower)
            case "upperBound": return .int(r.upper)
            case "isEmpty": return .bool(r.count == 0)
            default: break
            }
        case .native(let native):
            if let property = native.type.property(name) {
                return try runNative(at: range) { try property.get(native.payload) }
            }
            if native.type.method(name) != nil {
                throw Diagnostic(.error, Messages.methodNotCalled(name), at: range)
            }
        case .type(let type):
            if let member = type.staticMember(name) { return member }
            let names = type.lineage.flatMap { Array($0.staticMembers.keys) }
            throw Diagnostic(.error, Messages.noStaticMember(name, in: type.name, suggestion: Suggestion.nearest(to: name, in: names)), at: range)
        case .function(let function):
            if let member = library.builtinStaticMember(name, of: function) { return member }
        case .double(let d):
            switch name {
            case "isNaN": return .bool(d.isNaN)
            case "isFinite": return .bool(d.isFinite)
            default: break
            }
        default:
            break
        }
        if Self.builtinMethods(of: value).contains(name) {
            throw Diagnostic(.error, Messages.methodNotCalled(name), at: range)
        }
        throw noMember(name, of: value, at: range)
    }

    func noMember(_ name: String, of value: Value, at range: SourceRange) -> Diagnostic {
        var names = Self.builtinMembers(of: value)
        if case .native(let native) = value { names += native.type.memberNames }
        if case .tuple(_, let labels) = value { names += labels.compactMap { $0 } }
        return Diagnostic(.error, Messages.noMember(name, of: value.typeName, suggestion: Suggestion.nearest(to: name, in: names)), at: range)
    }

    /// `base.name(arguments)`. A mutating method on a variable (or an element or property of
    /// one) writes the changed value back; on a `let` or a temporary it is an error.
    func callMethod(_ name: String, on base: Expr, _ arguments: [PendingArgument], in environment: Environment,
                    at range: SourceRange) throws -> Value {
        if base.isPath {
            let lvalue = try resolve(base, in: environment)
            var receiver = try read(lvalue)
            let prepared = try prepareMethod(name, on: receiver, arguments, in: environment, at: range)
            if prepared.isMutating {
                receiver = .void  // release the copy so the write-back mutates storage in place
                return try modify(lvalue, mutating: name, at: base.range) { try prepared.perform(&$0) }
            }
            return try prepared.perform(&receiver)
        }
        var receiver = try evaluate(base, in: environment)
        let prepared = try prepareMethod(name, on: receiver, arguments, in: environment, at: range)
        if prepared.isMutating { throw Diagnostic(.error, Messages.mutatingOnTemporary(name), at: base.range) }
        return try prepared.perform(&receiver)
    }

    private func prepareMethod(_ name: String, on receiver: Value, _ arguments: [PendingArgument],
                               in environment: Environment, at range: SourceRange) throws -> PreparedMethod {
        switch receiver {
        case .native(let native):
            if let method = native.type.method(name) {
                let (index, values) = try bindArguments(arguments, to: method.overloads.map { $0.parameters.map(ParameterInfo.init) },
                                                        name: "\(native.type.name).\(name)", in: environment, at: range) { o, p in
                    method.overloads[o].parameters[p].defaultValue ?? .nil
                }
                let parameters = method.overloads[index].parameters
                let body = method.overloads[index].body
                let args = Arguments(values: values, parameters: parameters, context: CallContext(interpreter: self, range: range),
                                     functionName: "\(native.type.name).\(name)")
                return PreparedMethod(isMutating: method.isMutating) { receiver in
                    guard case .native(var current) = receiver else { return .void }
                    receiver = .void
                    defer { receiver = .native(current) }
                    return try self.runNative(at: range) { try body(&current.payload, args) }
                }
            }
            if let property = native.type.property(name) {
                let value = try runNative(at: range) { try property.get(native.payload) }
                return PreparedMethod(isMutating: false) { _ in try self.call(value, arguments, in: environment, at: range) }
            }
            throw noMember(name, of: receiver, at: range)
        case .type:
            let value = try member(name, of: receiver, at: range)
            return PreparedMethod(isMutating: false) { _ in try self.call(value, arguments, in: environment, at: range) }
        case .tuple:
            let value = try member(name, of: receiver, at: range)
            return PreparedMethod(isMutating: false) { _ in try self.call(value, arguments, in: environment, at: range) }
        default:
            guard Self.builtinMethods(of: receiver).contains(name) else { throw noMember(name, of: receiver, at: range) }
            let values = try arguments.map { argument in
                var evaluated = argument
                evaluated.value = try value(of: argument, expected: nil, in: environment)
                return evaluated
            }
            return PreparedMethod(isMutating: Self.mutatingMethods.contains(name)) { receiver in
                try self.builtinMethod(name, on: &receiver, values, at: range)
            }
        }
    }

    static let mutatingMethods: Set<String> = ["append", "insert", "remove", "removeLast", "removeFirst", "removeAll",
                                               "removeValue", "sort", "reverse"]

    /// The methods a built-in value has, for dispatch and suggestions.
    static func builtinMethods(of value: Value) -> [String] {
        switch value {
        case .array:
            return ["append", "insert", "remove", "removeLast", "removeFirst", "removeAll", "contains", "firstIndex",
                    "first", "map", "compactMap", "filter", "reduce", "forEach", "allSatisfy", "sorted", "sort", "reversed",
                    "reverse", "enumerated", "min", "max", "joined", "prefix", "suffix", "dropFirst", "dropLast"]
        case .range:
            return ["contains", "map", "filter", "reduce", "forEach", "allSatisfy", "reversed", "enumerated", "min", "max",
                    "sorted"]
        case .dictionary:
            return ["removeValue", "removeAll", "map", "mapValues", "filter", "forEach", "sorted", "contains"]
        case .string:
            return ["uppercased", "lowercased", "hasPrefix", "hasSuffix", "contains", "split", "reversed", "append"]
        case .double:
            return ["rounded", "squareRoot", "truncatingRemainder"]
        default:
            return []
        }
    }

    static func builtinMembers(of value: Value) -> [String] {
        var names = builtinMethods(of: value)
        switch value {
        case .array: names += ["count", "isEmpty", "first", "last"]
        case .dictionary: names += ["count", "isEmpty", "keys", "values"]
        case .string: names += ["count", "isEmpty"]
        case .range: names += ["count", "lowerBound", "upperBound", "isEmpty"]
        case .double: names += ["isNaN", "isFinite"]
        default: break
        }
        return names
    }
}

extension Expr {
    /// A variable, or an element, property or unwrapped value reached from one: where a
    /// mutating method can write back.
    var isPath: Bool {
        switch kind {
        case .identifier: return true
        case .member(let base, _), .subscript(let base, _), .forceUnwrap(let base): return base.isPath
        default: return false
        }
    }
}
