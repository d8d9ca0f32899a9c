/// The parser's state and the small helpers every grammar file uses: the token cursor, node ranges in
/// CPython coordinates, error reporting with one error per statement, and the nesting budget that keeps
/// deeply nested input from overflowing the stack. The grammar itself lives in Parser+*.swift.

/// A run of source bytes.
typealias ByteSlice = Slice<UnsafeBufferPointer<UInt8>>

final class Parser {
    /// Budget of tree depth spent by brackets, unary operators, trailer and operator chains, elif chains
    /// (brackets alone are limited by the lexer to 200, like CPython). CPython itself gives up near 3,000.
    static let maxNesting = 500

    /// The source and its tokens, borrowed for the duration of one parse (see `Parser.parse`): the hot path
    /// reads them without the retain and uniqueness traffic of arrays stored in a class.
    let src: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    var i = 0
    var errors: [SyntaxError] = []
    /// Set after an error until the parser resynchronises, so one mistake gives one message.
    var suppressErrors = false
    var depth = 0
    var nestingExceeded = false
    /// How deep in f-string expressions this parser is (CPython allows two levels of nested format specs).
    let fstringLevel: Int
    /// Long identifiers seen so far (see `identifier`).
    var internedNames: [String: String] = [:]
    /// Name and number boxes shared within this parse (see SharedNodeKinds).
    var shared = SharedNodeKinds()
    /// NEWLINE tokens the lexer inserted after an unclosed bracket: it has already reported them.
    var syntheticNewlines: Set<Int> = []

    /// Only `Parser.with` makes parsers, so the borrowed buffers outlive them.
    private init(src: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, fstringLevel: Int) {
        self.src = src
        self.tokens = tokens
        self.fstringLevel = fstringLevel
    }

    /// Runs `body` with a parser over `src` and `tokens` (which always end with ENDMARKER).
    static func with<R>(src: [UInt8], tokens: [Token], fstringLevel: Int = 0, _ body: (Parser) -> R) -> R {
        src.withUnsafeBufferPointer { s in
            tokens.withUnsafeBufferPointer { t in
                body(Parser(src: s, tokens: t, fstringLevel: fstringLevel))
            }
        }
    }

    // MARK: - Cursor

    @inline(__always) var tok: Token { tokens[i] }
    @inline(__always) var kind: TokenKind { tokens[i].kind }
    @inline(__always) func peekKind(_ k: Int = 1) -> TokenKind {
        let j = i + k
        return j < tokens.count ? tokens[j].kind : .endMarker
    }
    @inline(__always) func advance() { if i < tokens.count - 1 { i += 1 } }
    @inline(__always) func accept(_ k: TokenKind) -> Bool {
        if tokens[i].kind == k { advance(); return true }
        return false
    }

    /// The token's text as bytes.
    @inline(__always) func bytes(of t: Token) -> ByteSlice { src[Int(t.start)..<Int(t.end)] }
    func text(of t: Token) -> String { String(decoding: bytes(of: t), as: UTF8.self) }

    /// True when the current token is the name `word` (a soft keyword such as `match`).
    func isName(_ word: StaticString, at k: Int = 0) -> Bool {
        let j = i + k
        guard j < tokens.count, tokens[j].kind == .name else { return false }
        let t = tokens[j]
        let n = Int(t.end - t.start)
        if n != word.utf8CodeUnitCount { return false }
        let p = word.utf8Start
        for x in 0..<n where src[Int(t.start) + x] != p[x] { return false }
        return true
    }

    // MARK: - Ranges

    /// The range from the start of token `startIndex` to the end of the last consumed token.
    @inline(__always) func range(from startIndex: Int) -> SourceRange {
        let s = tokens[startIndex]
        let e = tokens[max(i - 1, startIndex)]
        return SourceRange(line: Int(s.line), utf8Column: Int(s.col), endLine: Int(e.endLine), endUTF8Column: Int(e.endCol))
    }

    @inline(__always) func range(_ start: SourceRange, _ end: SourceRange) -> SourceRange {
        SourceRange(line: start.line, utf8Column: start.utf8Column, endLine: end.endLine, endUTF8Column: end.endUTF8Column)
    }

    @inline(__always) func range(of t: Token) -> SourceRange {
        SourceRange(line: Int(t.line), utf8Column: Int(t.col), endLine: Int(t.endLine), endUTF8Column: Int(t.endCol))
    }

    /// The range of the last consumed token.
    var lastRange: SourceRange { range(of: tokens[max(i - 1, 0)]) }

    /// Start position of the current token as an empty range (for nodes with nothing in them).
    var hereEmpty: SourceRange {
        let t = tokens[i]
        return SourceRange(line: Int(t.line), utf8Column: Int(t.col), endLine: Int(t.line), endUTF8Column: Int(t.col))
    }

    // MARK: - Errors

    /// Line of the furthest token the parser had looked at when it made its first error (CPython compares
    /// it with an unclosed bracket's line to decide which error to show).
    var firstErrorFurthestLine = 0

    func report(_ message: String, _ r: SourceRange) {
        if suppressErrors { return }
        if errors.isEmpty { firstErrorFurthestLine = max(Int(tokens[i].line), r.endLine) }
        errors.append(SyntaxError(message: message, range: r))
        suppressErrors = true
    }

    /// Reports "invalid syntax" (or the lexer's own message, already given) at the current token.
    func reportUnexpected() {
        let t = tok
        if t.kind == .errorToken || (t.kind == .newline && syntheticNewlines.contains(i)) { suppressErrors = true; return }
        if t.kind == .indent { report("unexpected indent", indentErrorRange(t)); return }
        if t.kind == .dedent { report("unexpected unindent", range(of: t)); return }
        if t.kind == .endMarker || t.kind == .newline {
            report("invalid syntax", SourceRange(line: Int(t.line), utf8Column: Int(t.col), endLine: Int(t.line), endUTF8Column: Int(t.col)))
            return
        }
        report("invalid syntax", range(of: t))
    }

    /// CPython places "unexpected indent" on the last column of the indentation.
    func indentErrorRange(_ t: Token) -> SourceRange {
        let c = max(Int(t.col) - 1, 0)
        return SourceRange(line: Int(t.line), utf8Column: c, endLine: Int(t.line), endUTF8Column: Int(t.col))
    }

    /// Errors about a literal's contents sit at the end of its token, as CPython reports them.
    func endOf(_ t: Token) -> SourceRange {
        SourceRange(line: Int(t.endLine), utf8Column: Int(t.endCol), endLine: Int(t.endLine), endUTF8Column: Int(t.endCol))
    }

    func expect(_ k: TokenKind, _ what: String) -> Bool {
        if accept(k) { return true }
        if kind == .errorToken || (kind == .newline && syntheticNewlines.contains(i)) { suppressErrors = true; return false }
        report("expected '\(what)'", range(of: tok))
        return false
    }

    func errorExpr(_ r: SourceRange) -> Expr { Expr(.error, r) }

    // MARK: - Nesting budget

    /// Enters one level of nesting; false (after reporting once) when the budget is spent.
    @inline(__always) func enter() -> Bool {
        depth += 1
        if depth > Parser.maxNesting {
            if !nestingExceeded {
                nestingExceeded = true
                let saved = suppressErrors
                suppressErrors = false
                report("too deeply nested (maximum recursion depth exceeded during ast construction)", range(of: tok))
                suppressErrors = saved || true
            }
            return false
        }
        return true
    }
    @inline(__always) func leave() { depth -= 1 }

    /// Skips to the end of the current logical line (bracket-balanced by the lexer) and consumes the NEWLINE.
    func skipToEndOfLine() {
        while kind != .newline && kind != .endMarker {
            if kind == .indent || kind == .dedent { break }
            advance()
        }
        _ = accept(.newline)
    }
}
