import OrderedCollections
import LabbookDiagnostics

/// The methods of arrays, ranges, dictionaries, strings and Doubles, as in Swift.
extension Interpreter {
    /// The argument labels each built-in method accepts (a trailing closure fits any label).
    private static let shapes: [String: [[String?]]] = [
        "append": [[nil], ["contentsOf"]], "insert": [[nil, "at"]], "remove": [["at"]], "removeLast": [[]],
        "removeFirst": [[]], "removeAll": [[]], "removeValue": [["forKey"]], "contains": [[nil], ["where"]],
        "firstIndex": [["of"], ["where"]], "first": [["where"]], "map": [[nil]], "compactMap": [[nil]],
        "mapValues": [[nil]], "filter": [[nil]], "reduce": [[nil, nil]], "forEach": [[nil]], "allSatisfy": [[nil]],
        "sorted": [[], ["by"]], "sort": [[], ["by"]], "reversed": [[]], "reverse": [[]], "enumerated": [[]],
        "min": [[]], "max": [[]], "joined": [[], ["separator"]], "prefix": [[nil]], "suffix": [[nil]],
        "dropFirst": [[], [nil]], "dropLast": [[], [nil]], "uppercased": [[]], "lowercased": [[]],
        "hasPrefix": [[nil]], "hasSuffix": [[nil]], "split": [["separator"]], "rounded": [[]], "squareRoot": [[]],
        "truncatingRemainder": [["dividingBy"]],
    ]

    func builtinMethod(_ name: String, on receiver: inout Value, _ arguments: [PendingArgument], at range: SourceRange) throws -> Value {
        let shapes = Self.shapes[name] ?? [[]]
        guard let shape = shapes.firstIndex(where: { shape in
            shape.count == arguments.count && zip(shape, arguments).allSatisfy { $0 == $1.label || $1.isTrailingClosure }
        }) else {
            throw Diagnostic(.error, Messages.builtinUsage(name, shapes), at: range)
        }
        let args = arguments.map { $0.value ?? .nil }
        switch receiver {
        case .array:
            if Self.mutatingMethods.contains(name) {
                guard case .array(var items) = receiver else { return .void }
                receiver = .void
                defer { receiver = .array(items) }
                return try mutateArray(name, &items, args, shape: shape, at: range)
            }
            guard case .array(let items) = receiver else { return .void }
            return try sequenceMethod(name, items, args, shape: shape, at: range)
        case .range(let r):
            if name == "contains", shape == 0, case .int(let n) = args[0] { return .bool(r.contains(n)) }
            return try sequenceMethod(name, try elements(of: receiver, at: range), args, shape: shape, at: range)
        case .dictionary(var entries):
            if Self.mutatingMethods.contains(name) {
                receiver = .void
                defer { receiver = .dictionary(entries) }
                if name == "removeAll" { entries.removeAll(); return .void }
                guard let key = DictionaryKey(args[0]) else { throw Diagnostic(.error, Messages.unhashableKey(args[0].typeName), at: range) }
                return entries.removeValue(forKey: key) ?? .nil
            }
            return try dictionaryMethod(name, entries, args, at: range)
        case .string(let s):
            return try stringMethod(name, s, args, at: range)
        case .double(let d):
            switch name {
            case "rounded": return .double(d.rounded())
            case "squareRoot": return .double(d.squareRoot())
            default:
                guard let divisor = args[0].doubleValue else { throw argumentType(args[0], "Double", name, range) }
                return .double(d.truncatingRemainder(dividingBy: divisor))
            }
        default:
            throw noMember(name, of: receiver, at: range)
        }
    }

    private func mutateArray(_ name: String, _ items: inout [Value], _ args: [Value], shape: Int, at range: SourceRange) throws -> Value {
        switch name {
        case "append":
            if shape == 0 { items.append(args[0]) } else { items += try elements(of: args[0], at: range) }
            try checkCollectionSize(items.count, at: range)
        case "insert":
            guard case .int(let i) = args[1] else { throw argumentType(args[1], "Int", name, range) }
            guard i >= 0, i <= items.count else { throw Diagnostic(.error, Messages.indexOutOfRange(i, count: items.count), at: range) }
            items.insert(args[0], at: i)
        case "remove":
            guard case .int(let i) = args[0] else { throw argumentType(args[0], "Int", name, range) }
            guard i >= 0, i < items.count else { throw Diagnostic(.error, Messages.indexOutOfRange(i, count: items.count), at: range) }
            return items.remove(at: i)
        case "removeLast", "removeFirst":
            guard !items.isEmpty else { throw Diagnostic(.error, Messages.removeFromEmpty(name), at: range) }
            return name == "removeLast" ? items.removeLast() : items.removeFirst()
        case "removeAll":
            items.removeAll()
        case "sort":
            items = try sort(items, by: shape == 1 ? args[0] : nil, at: range)
        case "reverse":
            items.reverse()
        default:
            throw Diagnostic(.error, Messages.builtinUsage(name, []), at: range)
        }
        return .void
    }

    private func sequenceMethod(_ name: String, _ items: [Value], _ args: [Value], shape: Int, at range: SourceRange) throws -> Value {
        switch name {
        case "contains":
            // `contains { ... }` passes a closure where `contains(_:)` takes an element.
            let byPredicate = if case .function = args[0] { true } else { false }
            for item in items {
                if byPredicate ? try predicate(args[0], item, range) : equal(item, args[0]) == true { return .bool(true) }
            }
            return .bool(false)
        case "firstIndex", "first":
            let byPredicate = if case .function = args[0] { true } else { name == "first" }
            for (i, item) in items.enumerated() {
                let found = byPredicate ? try predicate(args[0], item, range) : equal(item, args[0]) == true
                if found { return name == "first" ? item : .int(i) }
            }
            return .nil
        case "map": return .array(try items.map { try callValue(args[0], [$0], at: range) })
        case "compactMap": return .array(try items.map { try callValue(args[0], [$0], at: range) }.filter { !$0.isNil })
        case "filter": return .array(try items.filter { try predicate(args[0], $0, range) })
        case "reduce": return try items.reduce(args[0]) { try callValue(args[1], [$0, $1], at: range) }
        case "forEach":
            for item in items { _ = try callValue(args[0], [item], at: range) }
            return .void
        case "allSatisfy": return .bool(try items.allSatisfy { try predicate(args[0], $0, range) })
        case "sorted": return .array(try sort(items, by: shape == 1 ? args[0] : nil, at: range))
        case "reversed": return .array(items.reversed())
        case "enumerated":
            return .array(items.enumerated().map { .tuple([.int($0.offset), $0.element], labels: ["offset", "element"]) })
        case "min", "max":
            guard var best = items.first else { return .nil }
            for item in items.dropFirst() {
                let better = name == "min" ? try lessThan(item, best, at: range) : try lessThan(best, item, at: range)
                if better { best = item }
            }
            return best
        case "joined":
            let separator = shape == 1 ? try stringArgument(args[0], name, range) : ""
            var length = 0
            return .string(try items.map { item in
                guard case .string(let s) = item else { throw Diagnostic(.error, Messages.joinedNeedsStrings(item.typeName), at: range) }
                length += s.utf8.count + separator.utf8.count
                try checkStringSize(length, at: range)
                return s
            }.joined(separator: separator))
        case "prefix", "suffix", "dropFirst", "dropLast":
            var n = 1
            if !args.isEmpty {
                guard case .int(let k) = args[0] else { throw argumentType(args[0], "Int", name, range) }
                guard k >= 0 else { throw Diagnostic(.error, Messages.negativeCount(name), at: range) }
                n = k
            }
            switch name {
            case "prefix": return .array(Array(items.prefix(n)))
            case "suffix": return .array(Array(items.suffix(n)))
            case "dropFirst": return .array(Array(items.dropFirst(n)))
            default: return .array(Array(items.dropLast(n)))
            }
        default:
            throw Diagnostic(.error, Messages.builtinUsage(name, []), at: range)
        }
    }

    private func dictionaryMethod(_ name: String, _ entries: OrderedDictionary<DictionaryKey, Value>, _ args: [Value],
                                  at range: SourceRange) throws -> Value {
        let pairs = entries.map { Value.tuple([$0.key.value, $0.value], labels: ["key", "value"]) }
        switch name {
        case "map": return .array(try pairs.map { try callValue(args[0], [$0], at: range) })
        case "mapValues":
            var result = OrderedDictionary<DictionaryKey, Value>()
            for (key, value) in entries { result[key] = try callValue(args[0], [value], at: range) }
            return .dictionary(result)
        case "filter":
            var result = OrderedDictionary<DictionaryKey, Value>()
            for (pair, (key, value)) in zip(pairs, entries) where try predicate(args[0], pair, range) { result[key] = value }
            return .dictionary(result)
        default:
            return try sequenceMethod(name, pairs, args, shape: name == "contains" ? 1 : (args.isEmpty ? 0 : 1), at: range)
        }
    }

    private func stringMethod(_ name: String, _ s: String, _ args: [Value], at range: SourceRange) throws -> Value {
        switch name {
        case "uppercased": return .string(s.uppercased())
        case "lowercased": return .string(s.lowercased())
        case "hasPrefix": return .bool(s.hasPrefix(try stringArgument(args[0], name, range)))
        case "hasSuffix": return .bool(s.hasSuffix(try stringArgument(args[0], name, range)))
        case "contains":
            let part = try stringArgument(args[0], name, range)
            return .bool(part.isEmpty || s.indices.contains { s[$0...].hasPrefix(part) })
        case "split":
            let separator = try stringArgument(args[0], name, range)
            guard separator.count == 1, let character = separator.first else {
                throw Diagnostic(.error, Messages.splitSeparator, at: range)
            }
            return .array(s.split(separator: character).map { .string(String($0)) })
        case "reversed": return .string(String(s.reversed()))
        default: throw Diagnostic(.error, Messages.builtinUsage(name, []), at: range)
        }
    }

    // MARK: Helpers

    /// Calls a function value with positional arguments.
    func callValue(_ function: Value, _ values: [Value], at range: SourceRange) throws -> Value {
        try call(function, values.map { PendingArgument(value: $0, at: range) }, in: session.globals, at: range)
    }

    private func predicate(_ function: Value, _ item: Value, _ range: SourceRange) throws -> Bool {
        let result = try callValue(function, [item], at: range)
        guard case .bool(let b) = result else { throw Diagnostic(.error, Messages.predicateNotBool(result.typeName), at: range) }
        return b
    }

    /// A stable merge sort that lets the comparison throw (a closure may fail).
    private func sort(_ items: [Value], by comparator: Value?, at range: SourceRange) throws -> [Value] {
        let less: (Value, Value) throws -> Bool = { a, b in
            guard let comparator else { return try self.lessThan(a, b, at: range) }
            let result = try self.callValue(comparator, [a, b], at: range)
            guard case .bool(let r) = result else { throw Diagnostic(.error, Messages.predicateNotBool(result.typeName), at: range) }
            return r
        }
        var items = items
        var buffer = items
        var width = 1
        while width < items.count {
            var start = 0
            while start < items.count {
                let middle = min(start + width, items.count), end = min(start + 2 * width, items.count)
                var i = start, j = middle, k = start
                while i < middle && j < end {
                    if try less(items[j], items[i]) { buffer[k] = items[j]; j += 1 } else { buffer[k] = items[i]; i += 1 }
                    k += 1
                }
                while i < middle { buffer[k] = items[i]; i += 1; k += 1 }
                while j < end { buffer[k] = items[j]; j += 1; k += 1 }
                start = end
            }
            swap(&items, &buffer)
            width *= 2
        }
        return items
    }

    private func stringArgument(_ value: Value, _ name: String, _ range: SourceRange) throws -> String {
        guard case .string(let s) = value else { throw argumentType(value, "String", name, range) }
        return s
    }

    private func argumentType(_ value: Value, _ expected: TypeSpec, _ name: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(.error, Messages.argumentType(found: value.typeName, expected: expected, parameter: "argument", function: name), at: range)
    }
}
