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
        let (body, parserErrors) = Parser.with(src: text.bytes, tokens: lexer.tokens) { parser in
            parser.syntheticNewlines = lexer.syntheticNewlines
            return (parser.parseFile(), parser.errors)
        }
        return ParsedModule(module: Module(body: body), errors: orderErrors(text: text, lexer: lexer, parserErrors: parserErrors))
    }

    /// All errors by position, except that the first is the one CPython would report: the first tokenizer
    /// error met before the parser's first error; or, when the parser's error is the generic "invalid syntax",
    /// the next tokenizer error after it (CPython tokenizes the rest of the file and prefers that one), where
    /// "'(' was never closed" only wins when the parser failed on a later line than the bracket.
    static func orderErrors(text: SourceText, lexer: Lexer, parserErrors: [SyntaxError]) -> [SyntaxError] {
        typealias Event = (error: SyntaxError, at: (Int, Int), unclosedLine: Int?)
        var events: [Event] = text.errors.map { ($0, ($0.range.line, $0.range.utf8Column), nil) }
        for (k, e) in lexer.errors.enumerated() {
            events.append((e, lexer.detectedAt[k], lexer.unclosedBracketLine[k]))
        }
        events.sort { $0.at < $1.at }
        var all = events.map { $0.error } + parserErrors
        all.sort { ($0.range.line, $0.range.utf8Column) < ($1.range.line, $1.range.utf8Column) }
        let primary: SyntaxError?
        if let p = parserErrors.first {
            let pAt = (p.range.line, p.range.utf8Column)
            if let early = events.first(where: { $0.at <= pAt }) {
                primary = early.error
            } else if p.message == "invalid syntax", let later = events.first {
                if let bracketLine = later.unclosedLine, p.range.line <= bracketLine { primary = p } else { primary = later.error }
            } else {
                primary = p
            }
        } else {
            primary = events.first?.error
        }
        if let first = primary, let k = all.firstIndex(of: first) {
            all.remove(at: k)
            all.insert(first, at: 0)
        }
        return all
    }
}
