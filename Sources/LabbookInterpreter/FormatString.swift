#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `String(format:)` for the specifiers notebooks use: `%d %i %f %e %g %s %@ %x %%` with flags
/// (`-+ 0#`), width and precision. Each specifier is validated and formatted on its own with a
/// matching argument, so a notebook's format string can never read a missing or mistyped
/// C argument.
enum FormatString {
    static func format(_ format: String, _ arguments: [Value]) throws -> String {
        var output = ""
        var scalars = Array(format.unicodeScalars)[...]
        var remaining = arguments[...]
        while let c = scalars.popFirst() {
            guard c == "%" else { output.unicodeScalars.append(c); continue }
            var spec = "%"
            while let f = scalars.first, "-+ 0#".unicodeScalars.contains(f) { spec.unicodeScalars.append(f); scalars.removeFirst() }
            let width = digits(&scalars)
            var precision: Int?
            if scalars.first == "." {
                scalars.removeFirst()
                precision = digits(&scalars) ?? 0
            }
            guard width ?? 0 <= 100, precision ?? 0 <= 50 else { throw NativeError(Messages.formatTooWide) }
            if let width { spec += String(width) }
            if let precision { spec += ".\(precision)" }
            // Length modifiers (`%ld`, `%lf`) are accepted and ignored: every Int is 64 bits.
            while let l = scalars.first, l == "l" || l == "h" || l == "q" { scalars.removeFirst() }
            guard let conversion = scalars.popFirst() else { throw NativeError(Messages.formatIncomplete) }
            if conversion == "%" { output += "%"; continue }
            guard let argument = remaining.popFirst() else { throw NativeError(Messages.formatMissingArgument(String(conversion))) }
            switch conversion {
            case "d", "i", "x", "X", "o":
                guard case .int(let n) = argument else { throw NativeError(Messages.formatArgument(String(conversion), "Int", argument.typeName)) }
                output += cFormat(spec + "ll" + String(conversion), n)
            case "f", "F", "e", "E", "g", "G":
                guard let d = argument.doubleValue else { throw NativeError(Messages.formatArgument(String(conversion), "Double", argument.typeName)) }
                output += cFormat(spec + String(conversion), d)
            case "s", "@":
                let text = argument.description
                let clipped = precision.map { String(text.prefix($0)) } ?? text
                let padding = max(0, (width ?? 0) - clipped.count)
                output += spec.contains("-") ? clipped + String(repeating: " ", count: padding)
                                             : String(repeating: " ", count: padding) + clipped
            default:
                throw NativeError(Messages.formatUnknown(String(conversion)))
            }
        }
        if !remaining.isEmpty { throw NativeError(Messages.formatExtraArguments(remaining.count)) }
        return output
    }

    private static func digits(_ scalars: inout ArraySlice<Unicode.Scalar>) -> Int? {
        var value: Int?
        while let d = scalars.first, ("0"..."9").contains(d) {
            value = min(1_000, (value ?? 0) * 10 + Int(d.value - 48))
            scalars.removeFirst()
        }
        return value
    }

    /// Formats one validated specifier with its one argument of the matching C type.
    private static func cFormat(_ spec: String, _ argument: CVarArg) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = withVaList([argument]) { list in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, list) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
