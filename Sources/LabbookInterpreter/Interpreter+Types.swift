import LabbookDiagnostics

extension Interpreter {
    /// `value` as a value of `type`, or nil when it is not one. Converts where the language is
    /// lenient: Int to Double, a Keras string or other registered conversion to a native type,
    /// element by element inside arrays, dictionaries, tuples and optionals.
    func coerce(_ value: Value, to type: TypeSpec, at range: SourceRange) throws -> Value? {
        switch type {
        case .named(let name):
            switch (name, value) {
            case ("Any", _): return value
            case ("Int", .int), ("Bool", .bool), ("String", .string), ("Double", .double), ("Float", .double): return value
            case ("Double", .int(let n)), ("Float", .int(let n)): return .double(Double(n))
            case ("Void", _): return value.isVoid ? value : nil
            case ("Range", .range): return value
            case ("Int", _), ("Bool", _), ("String", _), ("Double", _), ("Float", _), ("Range", _): return nil
            default: return try coerceNative(value, to: name, at: range)
            }
        case .array(let element):
            guard case .array(let items) = value else { return nil }
            if element == .any { return value }
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items {
                guard let converted = try coerce(item, to: element, at: range) else { return nil }
                result.append(converted)
            }
            return .array(result)
        case .dictionary(let keyType, let valueType):
            guard case .dictionary(var entries) = value else { return nil }
            for key in entries.keys where try coerce(key.value, to: keyType, at: range) == nil { return nil }
            if valueType == .any { return value }
            for (key, item) in entries {
                guard let converted = try coerce(item, to: valueType, at: range) else { return nil }
                entries[key] = converted
            }
            return .dictionary(entries)
        case .tuple(let types):
            // `0...1` where a pair of bounds is expected, as Swift Charts takes a domain.
            if case .range(let r) = value, r.isClosed, types.count == 2 {
                return try coerce(.tuple([.int(r.lower), .int(r.upper)], labels: [nil, nil]), to: type, at: range)
            }
            guard case .tuple(let items, var labels) = value, items.count == types.count else { return nil }
            var result: [Value] = []
            for (i, (item, itemType)) in zip(items, types).enumerated() {
                guard let converted = try coerce(item, to: itemType, at: range) else { return nil }
                result.append(converted)
                // The type's labels name the elements: `-> (min: Int, max: Int)` labels `(a, b)`.
                if case .labeled(let label, _) = itemType { labels[i] = label }
            }
            return .tuple(result, labels: labels)
        case .labeled(_, let type):
            return try coerce(value, to: type, at: range)
        case .optional(let wrapped):
            if value.isNil { return .some(.nil) }
            return try coerce(value, to: wrapped, at: range)
        case .function(let parameters, _):
            guard case .function(let function) = value else { return nil }
            if let arity = function.arity, arity != parameters.count, !(arity == 1 && parameters.count > 1) { return nil }
            return value
        case .builder(let element):
            return try coerce(value, to: .array(element), at: range)
        }
    }

    private func coerceNative(_ value: Value, to name: String, at range: SourceRange) throws -> Value? {
        guard let type = library.type(named: name) else {
            let known = ["Int", "Double", "Bool", "String", "Any", "Void", "Range"] + Array(library.types.keys)
            throw Diagnostic(.error, Messages.unknownType(name, suggestion: Suggestion.nearest(to: name, in: known)), at: range)
        }
        if case .native(let native) = value, native.type.isKind(of: name) { return value }
        if case .string(let s) = value, let spelling = type.spellingRule {
            if let resolved = spelling(s) { return resolved }
            let spellings = type.lineage.flatMap(\.knownSpellings)
            throw Diagnostic(.error, Messages.unknownSpelling(s, type: name, suggestion: Suggestion.nearest(to: s, in: spellings)), at: range)
        }
        if let conversion = type.conversionRule {
            return try runNative(at: range) { try conversion(value) }
        }
        return nil
    }

    /// `value` converted to `type`, or a diagnostic saying what was expected and found.
    func convert(_ value: Value, to type: TypeSpec, at range: SourceRange, what context: ConversionContext) throws -> Value {
        guard let converted = try coerce(value, to: type, at: range) else {
            throw Diagnostic(.error, Messages.cannotConvert(value.typeName, to: type, context), at: range)
        }
        return converted
    }
}

extension TypeSpec {
    var isVoid: Bool {
        switch self {
        case .named("Void"): return true
        case .tuple(let items): return items.isEmpty
        default: return false
        }
    }
}
