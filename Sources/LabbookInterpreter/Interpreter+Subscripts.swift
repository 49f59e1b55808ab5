import LabbookDiagnostics

extension Interpreter {
    /// `base[indices]`: array elements and slices (bounds checked), dictionary lookups (an
    /// optional), native subscripts.
    func subscriptGet(_ base: Value, _ indices: [PendingArgument], at range: SourceRange) throws -> Value {
        switch base {
        case .array(let items):
            let index = try arrayIndex(indices, count: items.count, at: range)
            switch index {
            case .element(let i): return items[i]
            case .slice(let r): return .array(Array(items[r]))
            }
        case .dictionary(let entries):
            let (key, defaultValue) = try dictionaryKey(indices, at: range)
            return entries[key] ?? defaultValue ?? .nil
        case .native(let native):
            let (accessor, args) = try nativeSubscript(native, indices, at: range)
            return try runNative(at: range) { try accessor.get(native.payload, args) }
        default:
            throw Diagnostic(.error, Messages.notSubscriptable(base.typeName), at: range)
        }
    }

    /// Runs `body` on the element `base[indices]` in place, for assignments and mutating calls.
    func subscriptModify<R>(_ base: inout Value, _ indices: [PendingArgument], at range: SourceRange,
                            _ body: (inout Value) throws -> R) throws -> R {
        switch base {
        case .array(var items):
            guard case .element(let i) = try arrayIndex(indices, count: items.count, at: range) else {
                throw Diagnostic(.error, Messages.assignToSlice, at: range)
            }
            base = .void  // keep `items` uniquely referenced while it changes
            defer { base = .array(items) }
            return try body(&items[i])
        case .dictionary(var entries):
            let (key, defaultValue) = try dictionaryKey(indices, at: range)
            var element = entries[key] ?? defaultValue ?? .nil
            base = .void
            defer { base = .dictionary(entries) }
            let result = try body(&element)
            // Assigning nil removes the key, as in Swift.
            if element.isNil { entries.removeValue(forKey: key) } else { entries[key] = element }
            return result
        case .native(var native):
            let (accessor, args) = try nativeSubscript(native, indices, at: range)
            guard let set = accessor.set else { throw Diagnostic(.error, Messages.readOnlySubscript(native.type.name), at: range) }
            var element = try runNative(at: range) { try accessor.get(native.payload, args) }
            let result = try body(&element)
            base = .void
            defer { base = .native(native) }
            try runNative(at: range) { try set(&native.payload, args, element) }
            return result
        default:
            throw Diagnostic(.error, Messages.notSubscriptable(base.typeName), at: range)
        }
    }

    private enum ArrayIndex {
        case element(Int)
        case slice(Range<Int>)
    }

    private func arrayIndex(_ indices: [PendingArgument], count: Int, at range: SourceRange) throws -> ArrayIndex {
        guard indices.count == 1, indices[0].label == nil, let index = indices[0].value else {
            throw Diagnostic(.error, Messages.arraySubscriptUsage, at: range)
        }
        switch index {
        case .int(let i):
            guard i >= 0, i < count else { throw Diagnostic(.error, Messages.indexOutOfRange(i, count: count), at: range) }
            return .element(i)
        case .range(let r):
            let (upper, overflow) = r.isClosed ? r.upper.addingReportingOverflow(1) : (r.upper, false)
            guard !overflow, r.lower >= 0, r.lower <= upper, upper <= count else {
                throw Diagnostic(.error, Messages.sliceOutOfRange(Value.range(r).description, count: count), at: range)
            }
            return .slice(r.lower..<upper)
        default:
            throw Diagnostic(.error, Messages.arrayIndexType(index.typeName), at: range)
        }
    }

    private func dictionaryKey(_ indices: [PendingArgument], at range: SourceRange) throws -> (DictionaryKey, Value?) {
        guard let first = indices.first, first.label == nil, let keyValue = first.value,
              indices.count == 1 || (indices.count == 2 && indices[1].label == "default") else {
            throw Diagnostic(.error, Messages.dictionarySubscriptUsage, at: range)
        }
        guard let key = DictionaryKey(keyValue) else {
            throw Diagnostic(.error, Messages.unhashableKey(keyValue.typeName), at: range)
        }
        return (key, indices.count == 2 ? indices[1].value : nil)
    }

    private func nativeSubscript(_ native: NativeValue, _ indices: [PendingArgument],
                                 at range: SourceRange) throws -> (AnyNativeType.Subscript, Arguments) {
        let accessors = native.type.allSubscripts
        guard !accessors.isEmpty else { throw Diagnostic(.error, Messages.notSubscriptable(native.type.name), at: range) }
        let name = "\(native.type.name) subscript"
        let (index, values) = try bindArguments(indices, to: accessors.map { $0.parameters.map(ParameterInfo.init) },
                                                name: name, in: session.globals, at: range) { o, p in
            accessors[o].parameters[p].defaultValue ?? .nil
        }
        let args = Arguments(values: values, parameters: accessors[index].parameters,
                             context: CallContext(interpreter: self, range: range), functionName: name)
        return (accessors[index], args)
    }
}
