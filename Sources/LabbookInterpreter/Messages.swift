/// Every message of the interpreter, in one voice: what was expected, what was found, and a
/// suggestion where one helps. Names are quoted with single quotes, as Swift's compiler does.
enum Messages {
    // MARK: Lexical

    static func unexpectedCharacter(_ c: Unicode.Scalar) -> String { "unexpected character '\(c)'" }
    static let keyPathHelp = "key paths such as \\.name are not part of the language; write a closure instead: { $0.name }"
    static func unexpectedCharacters(_ run: String, truncated: Bool) -> String {
        "unexpected characters '\(run)\(truncated ? "..." : "")'"
    }
    static let badNumber = "invalid number literal"
    static let integerOverflowLiteral = "integer literal is too large for an Int"
    static let unterminatedString = "unterminated string literal"
    static let multilineStringStart = "a multi-line string must start on the line after its '\"\"\"'"
    static func badEscape(_ e: String) -> String { "invalid escape sequence '\\\(e)' in string" }
    static let unterminatedInterpolation = "unterminated string interpolation: expected ')'"
    static let unterminatedComment = "unterminated '/*' comment"
    static let interpolationTooDeep = "string interpolations are nested too deeply"

    // MARK: Syntax

    static func expected(_ what: String) -> String { "expected \(what)" }
    static func found(_ kind: Token.Kind) -> String { ", found \(kind)" }
    static func toMatch(_ opening: Token.Kind) -> String { "to match this opening \(opening)" }
    static func unexpected(_ kind: Token.Kind) -> String { "unexpected \(kind)" }
    static let unbalancedBrace = "unexpected '}' without a matching '{'"
    static let consecutiveStatements = "consecutive statements on a line must be separated by ';'"
    static func bindingNeedsValue(_ keyword: String) -> String { "'\(keyword)' needs an initial value: expected '='" }
    static func expectedPattern(_ kind: Token.Kind) -> String { "expected a name or a tuple of names, found \(kind)" }
    static func expectedExpression(_ kind: Token.Kind) -> String { "expected an expression, found \(kind)" }
    static func expectedType(_ kind: Token.Kind) -> String { "expected a type, found \(kind)" }
    static let cannotAssignToExpression = "cannot assign to this expression: expected a variable, a property or a subscript"
    static let nestedTooDeeply = "expression is nested too deeply"
    static func outputTruncated(lines: Int, bytes: Int, maximumLines: Int, maximumBytes: Int) -> String {
        let what = lines > 0 ? "\(lines) more line\(lines == 1 ? "" : "s") (\(bytes) bytes)" : "\(bytes) more bytes"
        return "… output truncated: \(what) not shown; a block keeps at most \(maximumLines) lines "
            + "or \(maximumBytes / (1 << 20)) MB of printed output\n"
    }
    static func expressionTooLong(_ limit: Int) -> String {
        "expression is too long: it chains more than \(limit) operations; split it over several statements"
    }
    static let compoundTupleAssignment = "compound assignment is not available for tuples; assign each element"

    // MARK: Names and scopes

    static func unknownName(_ name: String, suggestion: String?) -> String {
        "unknown name '\(name)'" + didYouMean(suggestion)
    }
    static func redeclaration(_ name: String) -> String { "invalid redeclaration of '\(name)' in the same scope" }
    static func assignToConstant(_ name: String, method: String?) -> String {
        if let method { return "cannot use mutating member '\(method)' on '\(name)': it is a 'let' constant" }
        return "cannot assign to '\(name)': it is a 'let' constant"
    }
    static func letToVarHelp(_ name: String) -> String { "declare '\(name)' with 'var' to make it mutable" }
    static func mutatingOnTemporary(_ method: String) -> String {
        "cannot use mutating member '\(method)' on an immutable value: store it in a 'var' first"
    }
    static let guardFallsThrough = "the body of 'guard' must not fall through"
    static let guardHelp = "end it with 'return', 'break' or 'continue'"
    static func breakOutsideLoop(_ keyword: String) -> String { "'\(keyword)' is only allowed inside a loop" }
    static let returnOutsideFunction = "'return' is only allowed inside a function or a closure"

    // MARK: Types

    static func unknownType(_ name: String, suggestion: String?) -> String { "unknown type '\(name)'" + didYouMean(suggestion) }
    static func cannotConvert(_ found: String, to type: TypeSpec, _ context: ConversionContext) -> String {
        switch context {
        case .annotation: return "cannot convert value of type '\(found)' to specified type '\(type)'"
        case .returnValue(let function): return "cannot convert return value of type '\(found)' to return type '\(type)' of '\(function)'"
        case .parameter(let parameter, let function):
            return "cannot convert value of type '\(found)' to expected type '\(type)' of parameter '\(parameter)' of '\(function)'"
        case .assignment(let name): return "cannot assign value of type '\(found)' to '\(name)' of type '\(type)'"
        }
    }
    static let annotationContext = ConversionContext.annotation
    static func returnContext(_ function: String) -> ConversionContext { .returnValue(function) }
    static func parameterContext(_ parameter: String, _ function: String) -> ConversionContext { .parameter(parameter, function) }
    static func argumentType(found: String, expected: TypeSpec, parameter: String, function: String) -> String {
        "cannot convert value of type '\(found)' to expected argument type '\(expected)' (parameter '\(parameter)' of '\(function)')"
    }
    static func argumentMismatch(parameter: String, function: String, expected: String, found: String) -> String {
        "'\(function)' expects \(expected) for '\(parameter)', found '\(found)'"
    }
    static func conditionNotBool(_ found: String) -> String { "a condition must be a Bool, found '\(found)'" }
    static func logicalOperand(_ op: String, _ found: String) -> String { "operands of '\(op)' must be Bool, found '\(found)'" }
    static func binaryOperands(_ op: String, _ left: String, _ right: String) -> String {
        "binary operator '\(op)' cannot be applied to operands of type '\(left)' and '\(right)'"
    }
    static func prefixOperand(_ op: String, _ found: String) -> String { "unary operator '\(op)' cannot be applied to a '\(found)'" }
    static func notOrderable(_ a: String, _ b: String) -> String { "cannot order values of type '\(a)' and '\(b)'" }
    static func unhashableKey(_ found: String) -> String { "a dictionary key must be Int, Double, Bool or String, found '\(found)'" }
    static func notASequence(_ found: String) -> String { "for-in needs a sequence (array, range, dictionary, string, tensor), found '\(found)'" }
    static func notCallable(_ found: String) -> String { "cannot call a value of type '\(found)'" }
    static func noConstructor(_ type: String) -> String { "'\(type)' cannot be constructed; use its static members" }
    static func builderElement(_ element: TypeSpec, found: String) -> String {
        "this builder collects '\(element)' values, but this statement gives a '\(found)'"
    }
    static func destructureNonTuple(_ count: Int, found: String) -> String {
        "cannot destructure a value of type '\(found)' into \(count) names: expected a tuple"
    }
    static func destructureCount(pattern: Int, tuple: Int) -> String {
        "the pattern has \(pattern) names but the tuple has \(tuple) elements"
    }

    // MARK: Members

    static func noMember(_ name: String, of type: String, suggestion: String?) -> String {
        "value of type '\(type)' has no member '\(name)'" + didYouMean(suggestion)
    }
    static func noStaticMember(_ name: String, in type: String, suggestion: String?) -> String {
        "type '\(type)' has no member '\(name)'" + didYouMean(suggestion.map { ".\($0)" })
    }
    static func unknownImplicitMember(_ name: String, suggestion: String?) -> String {
        "cannot infer the type of '.\(name)'" + didYouMean(suggestion.map { ".\($0)" })
    }
    static func ambiguousImplicitMember(_ name: String, _ types: [String]) -> String {
        "'.\(name)' is ambiguous: it could be " + types.map { "'\($0).\(name)'" }.joined(separator: " or ") + "; write the type"
    }
    static func unknownSpelling(_ spelling: String, type: String, suggestion: String?) -> String {
        "\"\(spelling)\" is not a known \(type)" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
    }
    static func methodNotCalled(_ name: String) -> String { "'\(name)' is a method: call it with '\(name)()'" }
    static func readOnlyProperty(_ name: String) -> String { "cannot assign to property '\(name)': it is read-only" }
    static func readOnlySubscript(_ type: String) -> String { "cannot assign through a subscript of '\(type)': it is read-only" }

    // MARK: Calls

    static func unknownLabel(_ label: String, function: String, suggestion: String?) -> String {
        "'\(function)' has no parameter labeled '\(label):'" + didYouMean(suggestion.map { "\($0):" })
    }
    static func argumentOrder(_ label: String, before other: String) -> String {
        "argument '\(label)' must precede argument '\(other)'"
    }
    static func labelMismatch(have: String?, expected: String?, function: String) -> String {
        switch (have, expected) {
        case (nil, let e?): return "missing argument label '\(e):' in call to '\(function)'"
        case (let h?, nil): return "extraneous argument label '\(h):' in call to '\(function)'"
        case (let h?, let e?): return "incorrect argument label in call to '\(function)' (have '\(h):', expected '\(e):')"
        case (nil, nil): return "unexpected argument in call to '\(function)'"
        }
    }
    static func missingArgument(_ name: String, labeled: Bool, function: String) -> String {
        "missing argument for parameter \(labeled ? "'\(name):'" : "'\(name)'") in call to '\(function)'"
    }
    static func extraArgument(function: String) -> String { "extra argument in call to '\(function)'" }
    static func noMatchingOverload(_ name: String, _ candidates: [String]) -> String {
        "no '\(name)' takes these argument labels; it can be called as " + candidates.joined(separator: ", ")
    }
    static func noOverloadAccepts(_ name: String, types: [String], candidates: [String]) -> String {
        "no '\(name)' accepts arguments of type (" + types.joined(separator: ", ") + "); candidates: " + candidates.joined(separator: ", ")
    }
    static func closureArity(expected: Int, got: Int) -> String {
        "the closure takes \(expected) parameter\(expected == 1 ? "" : "s") but is called with \(got)"
    }
    static func closureArgumentLabel(_ label: String) -> String { "a closure takes no argument labels: remove '\(label):'" }
    static func operatorArity(_ op: String, _ count: Int) -> String { "operator '\(op)' takes 2 arguments, not \(count)" }
    static func missingReturn(_ function: String, _ type: TypeSpec) -> String {
        "missing return in '\(function)', which must return a '\(type)'"
    }
    static func recursionLimit(_ depth: Int) -> String { "too much recursion: more than \(depth) nested calls" }
    static func nestingLimit(_ depth: Int) -> String { "too much nesting: more than \(depth) statements and expressions inside one another" }
    static func builtinUsage(_ method: String, _ shapes: [[String?]]) -> String {
        let forms = shapes.map { shape in "\(method)(" + shape.map { ($0 ?? "_") + ":" }.joined() + ")" }
        return forms.isEmpty ? "wrong arguments for '\(method)'" : "wrong arguments for '\(method)': expected " + forms.joined(separator: " or ")
    }
    static func predicateNotBool(_ found: String) -> String { "the closure must return a Bool, returned '\(found)'" }
    static func callbackOutsideBlock(_ name: String) -> String { "'\(name)' can only be called while a block runs" }
    static func nativeFailure(_ description: String) -> String { description }
    static let expectUsage = "expect takes a condition, an optional description and optional points: expect(x > 0, \"x is positive\", points: 0.5)"
    static func expectPoints(_ points: Double) -> String { "a test's points must be a number, zero or more, not \(points)" }
    static func expectCondition(_ found: String) -> String { "expect needs a Bool condition, found '\(found)'" }

    // MARK: Runtime

    static let nilUnwrap = "unexpectedly found nil while unwrapping an optional value"
    static let divisionByZero = "division by zero"
    static func overflow(_ a: Int, _ op: String, _ b: Int) -> String { "arithmetic overflow: \(a) \(op) \(b) does not fit in an Int" }
    static func negationOverflow(_ n: Int) -> String { "arithmetic overflow: -(\(n)) does not fit in an Int" }
    static let overflowCount = "the range has more elements than an Int can count"
    static func badRange(_ a: Int, _ op: String, _ b: Int) -> String { "cannot form the range \(a)\(op)\(b): the lower bound is above the upper bound" }
    static func indexOutOfRange(_ i: Int, count: Int) -> String {
        "index \(i) is out of range for an array of \(count) element\(count == 1 ? "" : "s")"
    }
    static func sliceOutOfRange(_ range: String, count: Int) -> String {
        "range \(range) is out of bounds for an array of \(count) element\(count == 1 ? "" : "s")"
    }
    static let arraySubscriptUsage = "an array subscript takes one Int index or one range"
    static func arrayIndexType(_ found: String) -> String { "an array index must be an Int or a range, found '\(found)'" }
    static let dictionarySubscriptUsage = "a dictionary subscript takes a key, and optionally 'default:'"
    static func notSubscriptable(_ type: String) -> String { "value of type '\(type)' has no subscripts" }
    static let assignToSlice = "cannot assign to a range of an array"
    static func removeFromEmpty(_ method: String) -> String { "cannot '\(method)' from an empty array" }
    static func negativeCount(_ method: String) -> String { "'\(method)' needs a count of 0 or more" }
    static func joinedNeedsStrings(_ found: String) -> String { "joined() needs an array of strings, found a '\(found)' element" }
    static let splitSeparator = "split(separator:) takes a one-character separator"
    static func doubleToInt(_ d: Double) -> String { "\(d) cannot be converted to an Int: it is not finite or too large" }
    static func cannotConvertTo(_ type: String, _ found: String) -> String { "cannot convert a '\(found)' to '\(type)'" }
    static func numberExpected(_ function: String, _ found: String) -> String { "'\(function)' needs a number, found '\(found)'" }
    static let zeroStride = "stride(by:) needs a finite step other than 0"
    static func collectionTooLarge(_ limit: Int) -> String { "this would build a collection of more than \(limit) elements" }
    static func memoryBudget(limit: Int, resident: Int, extra: Int) -> String {
        let mb = { (bytes: Int) in "\(bytes / (1 << 20)) MB" }
        return extra > 0
            ? "this would need \(mb(extra)) more memory; the session holds \(mb(resident)) and may hold at most \(mb(limit))"
            : "the session holds \(mb(resident)) of memory, more than the \(mb(limit)) it may hold"
    }
    static let memoryBudgetHelp = "keep fewer or smaller values alive (a loop that appends to a global array keeps "
        + "every element), or give more with --memory MB"
    static func stringTooLarge(_ limit: Int) -> String { "this would build a string of more than \(limit) characters" }

    // MARK: String(format:)

    static let formatTooWide = "String(format:) width is limited to 100 and precision to 50"
    static let formatIncomplete = "String(format:) ends in the middle of a '%' specifier"
    static func formatMissingArgument(_ c: String) -> String { "String(format:) has no argument left for '%\(c)'" }
    static func formatArgument(_ c: String, _ expected: String, _ found: String) -> String {
        "'%\(c)' in String(format:) needs a\(expected == "Int" ? "n" : "") \(expected), found '\(found)'"
    }
    static func formatUnknown(_ c: String) -> String { "unsupported specifier '%\(c)' in String(format:); use %d %f %e %g %s or %%" }
    static func formatExtraArguments(_ n: Int) -> String { "String(format:) has \(n) argument\(n == 1 ? "" : "s") more than specifiers" }

    // MARK: Limits

    static func stepLimit(_ steps: Int) -> String { "the block did not finish within \(steps) steps" }
    static func timedOut(_ timeout: Duration) -> String { "the block did not finish within its time limit of \(timeout)" }
    static let cancelled = "the block was interrupted"

    // MARK: Saved states

    static func stateUnsaveable(name: String, reason: String) -> String { "'\(name)' cannot be saved: \(reason)" }
    static func stateNoCodec(_ type: String) -> String { "values of '\(type)' cannot be saved" }
    static func stateLocalClosure(_ name: String) -> String {
        "'\(name)' is a closure over local variables (only functions and closures written at the top level of a block can be saved)"
    }
    static let stateTooDeep = "it is nested too deeply"
    static let stateNotAState = "it is not a saved labbook state"
    static func stateOtherFormat(_ found: Int, _ expected: Int) -> String {
        "it is of state format \(found), not \(expected)"
    }
    static let stateChecksum = "its checksum does not match (the file is damaged)"
    static func stateDamaged(_ what: String, at position: Int) -> String { "it is damaged at byte \(position): \(what)" }
    static func stateBlobMissing(_ key: String, _ error: String) -> String { "its data '\(key)' cannot be read (\(error))" }


    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// Where a value is being converted to a declared type, for the conversion message.
enum ConversionContext {
    case annotation
    case returnValue(String)
    case parameter(String, String)
    case assignment(String)
}
