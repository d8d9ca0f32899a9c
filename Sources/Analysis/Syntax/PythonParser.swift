/// Entry point of the Python front end: bytes or text in, a tree plus the syntax errors out. Never fails and
/// never crashes: bad input (invalid UTF-8, NUL bytes, deep nesting, unterminated constructs) becomes errors.
public enum PythonParser {
    /// Parses a whole file. Never fails: the tree comes with the errors the parser recovered from.
    public static func parse(_ source: String) -> ParsedModule {
        parse(utf8: Array(source.utf8))
    }

    /// Parses a file's raw bytes the way `ast.parse(bytes)` reads them (BOM, coding declaration, newlines).
    public static func parse(utf8 raw: [UInt8]) -> ParsedModule {
        let text = SourceText(utf8: raw)
        var lexer = Lexer()
        text.bytes.withUnsafeBufferPointer { lexer.tokenize($0) }
        let first = parseTokens(text, lexer)
        guard let open = lexer.firstForgottenBracket else { return first }
        // A bracket left open swallows what follows it. Lex again, closing it where the code dedents, so the
        // statements after it are in the tree; the first error stays the one CPython reports (pass one).
        var recovering = Lexer(recoverBracketsFrom: open)
        text.bytes.withUnsafeBufferPointer { recovering.tokenize($0) }
        let second = parseTokens(text, recovering)
        guard let primary = first.errors.first else { return second }
        return ParsedModule(module: second.module, errors: [primary] + second.errors.filter { $0 != primary })
    }

    private static func parseTokens(_ text: SourceText, _ lexer: Lexer) -> ParsedModule {
        let (body, parserErrors, furthestLine) = Parser.with(src: text.bytes, tokens: lexer.tokens) { parser in
            parser.syntheticNewlines = lexer.syntheticNewlines
            return (parser.parseFile(), parser.errors, parser.firstErrorFurthestLine)
        }
        var located = text
        relocateInvalidUTF8(&located, lexer.tokens)
        return ParsedModule(module: Module(body: body),
                            errors: orderErrors(text: located, lexer: lexer, parserErrors: parserErrors, furthestLine: furthestLine))
    }
}
