/// The JSON of a safetensors header: a small strict parser (RFC 8259) and a deterministic
/// writer. Written here rather than taken from Foundation so that key order is kept, duplicate
/// keys are caught, integers stay exact and booleans are never mistaken for numbers.
extension SafeTensors {
    indirect enum JSON: Equatable {
        case object([(key: String, value: JSON)])
        case array([JSON])
        case string(String)
        /// A number without fraction or exponent that fits in an Int.
        case integer(Int)
        /// Any other number, as written.
        case number(String)
        case bool(Bool)
        case null

        static func == (lhs: JSON, rhs: JSON) -> Bool {
            switch (lhs, rhs) {
            case let (.object(a), .object(b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            case let (.array(a), .array(b)): return a == b
            case let (.string(a), .string(b)): return a == b
            case let (.integer(a), .integer(b)): return a == b
            case let (.number(a), .number(b)): return a == b
            case let (.bool(a), .bool(b)): return a == b
            case (.null, .null): return true
            default: return false
            }
        }

        /// What a message calls a value of this kind.
        var kind: String {
            switch self {
            case .object: return "an object"
            case .array: return "an array"
            case .string: return "a string"
            case .integer, .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            }
        }
    }

    /// A parse failure: what was wrong and at which byte of the header.
    struct JSONError: Error, Equatable {
        var message: String
        var offset: Int
    }

    /// Parses UTF-8 JSON text (one value, surrounded by optional whitespace).
    struct JSONParser {
        private let bytes: [UInt8]
        private var position = 0
        private var depth = 0
        private static let maximumDepth = 64

        static func parse(_ bytes: [UInt8]) throws -> JSON {
            var parser = JSONParser(bytes: bytes)
            parser.skipWhitespace()
            let value = try parser.value()
            parser.skipWhitespace()
            guard parser.position == bytes.count else { throw parser.error(EngineMessages.jsonTrailingText) }
            return value
        }

        private init(bytes: [UInt8]) { self.bytes = bytes }

        private func error(_ message: String) -> JSONError { JSONError(message: message, offset: position) }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        private mutating func expect(_ byte: UInt8, else message: String) throws {
            guard current == byte else { throw error(message) }
            position += 1
        }

        private mutating func value() throws -> JSON {
            guard let byte = current else { throw error(EngineMessages.jsonEndsEarly) }
            switch byte {
            case UInt8(ascii: "{"): return try nested { try $0.object() }
            case UInt8(ascii: "["): return try nested { try $0.array() }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: throw error(EngineMessages.jsonExpectedValue)
            }
        }

        private mutating func nested(_ body: (inout JSONParser) throws -> JSON) throws -> JSON {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw error(EngineMessages.jsonTooDeep(Self.maximumDepth)) }
            return try body(&self)
        }

        private mutating func object() throws -> JSON {
            position += 1  // {
            var members: [(key: String, value: JSON)] = []
            var keys = Set<String>()
            skipWhitespace()
            if current == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipWhitespace()
                let keyStart = position
                guard current == UInt8(ascii: "\"") else { throw error(EngineMessages.jsonExpectedKey) }
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw JSONError(message: EngineMessages.jsonRepeatedKey(key), offset: keyStart)
                }
                skipWhitespace()
                try expect(UInt8(ascii: ":"), else: EngineMessages.jsonExpectedColon)
                skipWhitespace()
                members.append((key, try value()))
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"), else: EngineMessages.jsonExpectedObjectEnd)
                return .object(members)
            }
        }

        private mutating func array() throws -> JSON {
            position += 1  // [
            var elements: [JSON] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { position += 1; return .array(elements) }
            while true {
                skipWhitespace()
                elements.append(try value())
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"), else: EngineMessages.jsonExpectedArrayEnd)
                return .array(elements)
            }
        }

        private mutating func literal(_ word: String) throws {
            for byte in word.utf8 {
                guard current == byte else { throw error(EngineMessages.jsonExpectedValue) }
                position += 1
            }
        }

        private mutating func number() throws -> JSON {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw error(EngineMessages.jsonExpectedDigit)
            }
            if first == UInt8(ascii: "0") { position += 1 } else { skipDigits() }
            var whole = true
            if current == UInt8(ascii: ".") {
                whole = false
                position += 1
                guard try requireDigits() else { throw error(EngineMessages.jsonExpectedFraction) }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                whole = false
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard try requireDigits() else { throw error(EngineMessages.jsonExpectedExponent) }
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if whole, let integer = Int(text) { return .integer(integer) }
            return .number(text)
        }

        private mutating func skipDigits() {
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        }

        private mutating func requireDigits() throws -> Bool {
            let start = position
            skipDigits()
            return position > start
        }

        private mutating func string() throws -> String {
            position += 1  // opening quote
            var scalars = String.UnicodeScalarView()
            var run = position  // start of the current run of plain bytes
            func flush(_ parser: JSONParser, upTo end: Int) throws {
                let raw = parser.bytes[run..<end]
                let text = String(decoding: raw, as: UTF8.self)
                // Decoding replaces invalid sequences, so a faithful decoding gives back the bytes.
                guard text.utf8.elementsEqual(raw) else {
                    throw JSONError(message: EngineMessages.jsonInvalidUTF8, offset: run)
                }
                scalars.append(contentsOf: text.unicodeScalars)
            }
            while true {
                guard let byte = current else { throw error(EngineMessages.jsonUnclosedString) }
                switch byte {
                case UInt8(ascii: "\""):
                    try flush(self, upTo: position)
                    position += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    try flush(self, upTo: position)
                    position += 1
                    scalars.append(try escape())
                    run = position
                case 0..<0x20:
                    throw error(EngineMessages.jsonControlCharacter)
                default:
                    position += 1
                }
            }
        }

        private mutating func escape() throws -> Unicode.Scalar {
            guard let byte = current else { throw error(EngineMessages.jsonUnclosedString) }
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let high = try hex4()
                if (0xD800..<0xDC00).contains(high) {
                    guard current == UInt8(ascii: "\\") else { throw error(EngineMessages.jsonLoneSurrogate) }
                    position += 1
                    guard current == UInt8(ascii: "u") else { throw error(EngineMessages.jsonLoneSurrogate) }
                    position += 1
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error(EngineMessages.jsonLoneSurrogate) }
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
                }
                guard let scalar = Unicode.Scalar(high) else { throw error(EngineMessages.jsonLoneSurrogate) }
                return scalar
            default:
                position -= 1
                throw error(EngineMessages.jsonUnknownEscape)
            }
        }

        private mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = hexValue(byte) else { throw error(EngineMessages.jsonExpectedHexDigits) }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        private func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
    }

    /// `text` as a JSON string literal, as serde_json writes it: `"` and `\` escaped, control
    /// characters as `\n`-style or `\u00XX` escapes, everything else as UTF-8.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
