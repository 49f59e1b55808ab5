/// Type annotations in a saved state (a variable's `let x: [Int]`, a closure's return type).
private enum TypeTag: UInt8 {
    case none, named, array, dictionary, tuple, labeled, optional, function, builder
}

extension StateWriter {
    mutating func write(_ type: TypeSpec?) {
        guard let type else { return write(TypeTag.none.rawValue) }
        switch type {
        case .named(let name): write(TypeTag.named.rawValue); write(name)
        case .array(let element): write(TypeTag.array.rawValue); write(element)
        case .dictionary(let key, let value): write(TypeTag.dictionary.rawValue); write(key); write(value)
        case .tuple(let items): write(TypeTag.tuple.rawValue); write(types: items)
        case .labeled(let label, let type): write(TypeTag.labeled.rawValue); write(label); write(type)
        case .optional(let wrapped): write(TypeTag.optional.rawValue); write(wrapped)
        case .function(let parameters, let result): write(TypeTag.function.rawValue); write(types: parameters); write(result)
        case .builder(let element): write(TypeTag.builder.rawValue); write(element)
        }
    }

    private mutating func write(types: [TypeSpec]) {
        write(types.count)
        for type in types { write(type) }
    }
}

extension StateReader {
    mutating func readTypeSpec() throws -> TypeSpec? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maximumStateDepth else { throw damaged("types are nested too deeply") }
        let byte = try readByte()
        guard let tag = TypeTag(rawValue: byte) else { throw damaged("\(byte) is not a type tag") }
        switch tag {
        case .none: return nil
        case .named: return .named(try readString())
        case .array: return .array(try readType())
        case .dictionary: return .dictionary(try readType(), try readType())
        case .tuple: return .tuple(try readTypes())
        case .labeled: return .labeled(try readString(), try readType())
        case .optional: return .optional(try readType())
        case .function: return .function(try readTypes(), try readType())
        case .builder: return .builder(try readType())
        }
    }

    private mutating func readType() throws -> TypeSpec {
        guard let type = try readTypeSpec() else { throw damaged("a type is missing") }
        return type
    }

    private mutating func readTypes() throws -> [TypeSpec] {
        try (0..<readCount()).map { _ in try readType() }
    }
}
