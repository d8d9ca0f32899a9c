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
        let parser = Parser(src: text.bytes, tokens: lexer.tokens)
        let body = parser.parseFile()
        var errors = text.errors + lexer.errors + parser.errors
        errors.sort { ($0.range.line, $0.range.utf8Column) < ($1.range.line, $1.range.utf8Column) }
        return ParsedModule(module: Module(body: body), errors: errors)
    }
}
