import LabbookDiagnostics

/// Functions in a saved state. A function or closure written at the top level of a block sees
/// only global names, which the state restores, so it is kept as its text and declared again
/// at the same line, column and offset. A native function is kept by its name in the library.
/// A closure over the local variables of a function or a loop cannot be saved: those variables
/// live nowhere else.
private enum FunctionTag: UInt8 {
    case user, closure, native, `operator`
}

extension StateWriter {
    mutating func write(function: Function) throws {
        switch function.kind {
        case .user(_, let environment), .closure(_, let environment, _):
            guard let source = function.source, environment === session.globals else {
                throw unsaveable(Messages.stateLocalClosure(function.name))
            }
            if case .closure(_, _, let returnType) = function.kind {
                write(FunctionTag.closure.rawValue)
                write(returnType)
            } else {
                write(FunctionTag.user.rawValue)
            }
            write(source.text)
            write(source.start.line)
            write(source.start.column)
            write(source.start.offset)
        case .native:
            guard session.library.resolveFunction(named: function.name) === function else {
                throw unsaveable(Messages.stateNoCodec(function.name))
            }
            write(FunctionTag.native.rawValue)
            write(function.name)
        case .operator(let op):
            write(FunctionTag.operator.rawValue)
            write(op)
        }
    }
}

extension StateReader {
    mutating func readFunction() throws -> Function {
        guard let session else { throw damaged("functions need a session to be declared in") }
        let byte = try readByte()
        guard let tag = FunctionTag(rawValue: byte) else { throw damaged("\(byte) is not a kind of function") }
        switch tag {
        case .user, .closure:
            let returnType = tag == .closure ? try readTypeSpec() : nil
            let text = try readString()
            let start = SourceLocation(line: try readInt(), column: try readInt(), offset: try readInt())
            guard start.column >= 1, start.offset >= start.column - 1, start.offset <= 1 << 32 else {
                throw damaged("a function starts at an impossible place")
            }
            // Newlines and spaces before the text put its first token at the same line, column
            // and offset as when it was written.
            let newlines = start.offset - (start.column - 1)
            let padded = String(repeating: "\n", count: newlines) + String(repeating: " ", count: start.column - 1) + text
            var lexer = Lexer(padded, firstLine: start.line - newlines)
            var parser = Parser(tokens: lexer.tokenize())
            let function: Function
            if tag == .user {
                let statements = parser.parseBlock()
                guard lexer.diagnostics.isEmpty, parser.diagnostics.isEmpty, statements.count == 1,
                      case .function(let declaration) = statements[0].kind else { throw damaged("a function's text is not a function") }
                function = Function(name: declaration.name, kind: .user(declaration, session.globals), session: session)
            } else {
                let expr = try? parser.expression()
                guard lexer.diagnostics.isEmpty, parser.diagnostics.isEmpty, parser.check(.eof),
                      case .closure(let closure)? = expr?.kind else { throw damaged("a closure's text is not a closure") }
                function = Function(name: "closure", kind: .closure(closure, session.globals, returnType: returnType),
                                    session: session)
            }
            function.source = FunctionSource(text: text, start: start)
            return function
        case .native:
            let name = try readString()
            guard let function = session.library.resolveFunction(named: name) else { throw damaged("there is no function '\(name)'") }
            return function
        case .operator:
            let op = try readString()
            return Function(name: op, kind: .operator(op), session: session)
        }
    }
}
