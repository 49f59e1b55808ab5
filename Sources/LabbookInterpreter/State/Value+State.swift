import OrderedCollections

/// Values in a saved state: one tag byte per value, then its contents. Doubles keep their bit
/// pattern, dictionaries their order, tuples their labels; functions and native objects are
/// objects (written once, shared on reading); native values go through their type's codec.
enum ValueTag: UInt8 {
    case int, double, bool, string, array, dictionary, tuple, range, `nil`, function, native, type
}

/// How deeply values may nest in a saved state (an array of arrays ...), so that neither
/// writing nor reading can exhaust the stack.
let maximumStateDepth = 2_000

extension StateWriter {
    /// Writes a value of the experiment language.
    public mutating func write(_ value: Value) throws {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maximumStateDepth else { throw unsaveable(Messages.stateTooDeep) }
        switch value {
        case .int(let n): write(tag: .int); write(n)
        case .double(let d): write(tag: .double); write(d)
        case .bool(let b): write(tag: .bool); write(b)
        case .string(let s): write(tag: .string); write(s)
        case .array(let items):
            write(tag: .array)
            write(items.count)
            for item in items { try write(item) }
        case .dictionary(let entries):
            write(tag: .dictionary)
            write(entries.count)
            for (key, item) in entries {
                try write(key.value)
                try write(item)
            }
        case .tuple(let items, let labels):
            write(tag: .tuple)
            write(items.count)
            for (item, label) in zip(items, labels) {
                write(label)
                try write(item)
            }
        case .range(let range):
            write(tag: .range)
            write(range.lower)
            write(range.upper)
            write(range.isClosed)
        case .nil: write(tag: .nil)
        case .function(let function):
            write(tag: .function)
            try writeObject(function) { try $0.write(function: function) }
        case .native(let native):
            guard let codec = native.type.stateCodec else { throw unsaveable(Messages.stateNoCodec(native.type.name)) }
            write(tag: .native)
            write(native.type.name)
            if native.type.semantics == .reference {
                try writeObject(native.payload as AnyObject) { try codec.encode(native.payload, &$0) }
            } else {
                try codec.encode(native.payload, &self)
            }
        case .type(let type):
            write(tag: .type)
            write(type.name)
        }
    }

    private mutating func write(tag: ValueTag) { write(tag.rawValue) }
}

extension StateReader {
    /// Reads a value written by ``StateWriter/write(_:)-(Value)``.
    public mutating func readValue() throws -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maximumStateDepth else { throw damaged("values are nested too deeply") }
        let byte = try readByte()
        guard let tag = ValueTag(rawValue: byte) else { throw damaged("\(byte) is not a value tag") }
        switch tag {
        case .int: return .int(try readInt())
        case .double: return .double(try readDouble())
        case .bool: return .bool(try readBool())
        case .string: return .string(try readString())
        case .array:
            return .array(try (0..<readCount()).map { _ in try readValue() })
        case .dictionary:
            var entries = OrderedDictionary<DictionaryKey, Value>()
            for _ in 0..<(try readCount(elementSize: 2)) {
                let key = try readValue()
                guard let dictionaryKey = DictionaryKey(key), entries[dictionaryKey] == nil else {
                    throw damaged("a dictionary key is not a unique Int, Double, Bool or String")
                }
                entries[dictionaryKey] = try readValue()
            }
            return .dictionary(entries)
        case .tuple:
            var items: [Value] = [], labels: [String?] = []
            for _ in 0..<(try readCount(elementSize: 2)) {
                labels.append(try readOptionalString())
                items.append(try readValue())
            }
            return .tuple(items, labels: labels)
        case .range:
            let lower = try readInt(), upper = try readInt(), isClosed = try readBool()
            guard lower <= upper else { throw damaged("a range's lower bound is above its upper bound") }
            return .range(IntRange(lower: lower, upper: upper, isClosed: isClosed))
        case .nil: return .nil
        case .function:
            return .function(try readObject(Function.self) { try $0.readFunction() })
        case .native:
            let type = try nativeType(named: try readString())
            guard let codec = type.stateCodec else { throw damaged("type '\(type.name)' has no state codec") }
            let payload = type.semantics == .reference
                ? try readObject(AnyObject.self) { reader in try codec.decode(&reader) as AnyObject }
                : try codec.decode(&self)
            return .native(NativeValue(type: type, payload: payload))
        case .type:
            return .type(try nativeType(named: try readString()))
        }
    }

    private func nativeType(named name: String) throws -> AnyNativeType {
        guard let type = session?.library.type(named: name) else { throw damaged("there is no type '\(name)'") }
        return type
    }
}
