import XCTest
@testable import Analysis

/// The tokenizer on its own: token kinds, INDENT/DEDENT, line joining, positions in CPython coordinates.
final class LexerTests: XCTestCase {
    private func lex(_ s: String) -> (kinds: [TokenKind], tokens: [Token], errors: [SyntaxError]) {
        var lexer = Lexer()
        let bytes = SourceText(utf8: Array(s.utf8)).bytes
        bytes.withUnsafeBufferPointer { lexer.tokenize($0) }
        return (lexer.tokens.map { $0.kind }, lexer.tokens, lexer.errors)
    }

    func testIndentDedentAndNewlines() {
        let r = lex("if x:\n    y\n\n    # c\n    z\nw\n")
        XCTAssertEqual(r.kinds, [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .name, .newline,
                                 .dedent, .name, .newline, .endMarker])
    }

    func testDedentsAtEndOfFileWithoutNewline() {
        let r = lex("def f():\n  if x:\n    pass")
        XCTAssertEqual(Array(r.kinds.suffix(5)), [.kwPass, .newline, .dedent, .dedent, .endMarker])
    }

    func testBracketsJoinLinesAndBackslashContinues() {
        let r = lex("x = (1,\n  2)\ny = 1 + \\\n  2\n")
        XCTAssertEqual(r.kinds, [.name, .equal, .lpar, .number, .comma, .number, .rpar, .newline,
                                 .name, .equal, .number, .plus, .number, .newline, .endMarker])
        XCTAssertEqual(r.tokens[5].line, 2)
        XCTAssertEqual(r.tokens[5].col, 2)
    }

    func testColumnsCountUTF8Bytes() {
        let r = lex("é = 'ü' + x\n")
        XCTAssertEqual(r.tokens.map { $0.col }.prefix(5), [0, 3, 5, 10, 12])
    }

    func testEveryOperator() {
        let ops = "+ - * / // % ** | & ^ ~ << >> < > = == != <= >= += -= *= /= //= %= **= |= &= ^= <<= >>= @ @= -> := . ... , : ; ( ) [ ] { }"
        let r = lex(ops + "\n")
        XCTAssertEqual(r.kinds, [.plus, .minus, .star, .slash, .doubleSlash, .percent, .doubleStar, .vbar, .amper,
                                 .circumflex, .tilde, .leftShift, .rightShift, .less, .greater, .equal, .eqEqual,
                                 .notEqual, .lessEqual, .greaterEqual, .plusEqual, .minusEqual, .starEqual, .slashEqual,
                                 .doubleSlashEqual, .percentEqual, .doubleStarEqual, .vbarEqual, .amperEqual,
                                 .circumflexEqual, .leftShiftEqual, .rightShiftEqual, .at, .atEqual, .rarrow,
                                 .colonEqual, .dot, .ellipsis, .comma, .colon, .semi, .lpar, .rpar, .lsqb, .rsqb,
                                 .lbrace, .rbrace, .newline, .endMarker])
        XCTAssertEqual(r.errors, [])
    }

    func testNumberForms() {
        let r = lex("0 00 1_000 0x_1F 0o17 0b1_0 1.5 .5 5. 1e10 1E-5 1_0.0_1e+1_0 3j 1.5J 0_0\n")
        XCTAssertEqual(r.kinds.filter { $0 == .number }.count, 15)
        XCTAssertEqual(r.errors, [])
    }

    func testEveryStringPrefixIsOneToken() {
        let prefixes = ["", "r", "u", "R", "U", "f", "F", "b", "B", "br", "rb", "Br", "bR", "RB", "fr", "rf", "FR", "Rf"]
        for p in prefixes {
            let r = lex("\(p)'x' \(p)\"y\" \(p)'''z''' \(p)\"\"\"w\"\"\"\n")
            XCTAssertEqual(r.kinds, [.string, .string, .string, .string, .newline, .endMarker], "prefix \(p)")
        }
        // Not a prefix: a name followed by a string.
        XCTAssertEqual(lex("ur'x'\n").kinds, [.name, .string, .newline, .endMarker])
    }

    func testTripleQuotedStringSpansLines() {
        let r = lex("x = '''a\nb\n''' + 1\n")
        XCTAssertEqual(r.tokens[2].kind, .string)
        XCTAssertEqual(r.tokens[2].line, 1)
        XCTAssertEqual(r.tokens[2].endLine, 3)
        XCTAssertEqual(r.tokens[2].endCol, 3)
        XCTAssertEqual(r.tokens[3].line, 3)
    }

    func testCRLFAndCRBecomeNewlinesAndBOMIsDropped() {
        let r = lex("\u{FEFF}a\r\nb\rc\n")
        XCTAssertEqual(r.kinds, [.name, .newline, .name, .newline, .name, .newline, .endMarker])
        XCTAssertEqual(r.tokens[0].col, 0)
        XCTAssertEqual(r.tokens[4].line, 3)
    }

    func testTabsAndFormFeedInIndentation() {
        let r = lex("if x:\n\ty\n        z\n\u{0C}w\n")
        XCTAssertEqual(r.kinds, [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .name, .newline,
                                 .dedent, .name, .newline, .endMarker])
        XCTAssertEqual(r.errors.map { $0.message }, ["inconsistent use of tabs and spaces in indentation"])
    }

    func testKeywordsAndSoftKeywords() {
        let r = lex("def match case type _ async await lambda None True False\n")
        XCTAssertEqual(r.kinds, [.kwDef, .name, .name, .name, .name, .kwAsync, .kwAwait, .kwLambda, .kwNone,
                                 .kwTrue, .kwFalse, .newline, .endMarker])
    }

    func testFirstLineColumnShiftForFStringExpressions() {
        var lexer = Lexer(firstLine: 5, firstLineColumn: 10)
        let bytes = Array("(a\n b)".utf8)
        bytes.withUnsafeBufferPointer { lexer.tokenize($0) }
        XCTAssertEqual(lexer.tokens[1].line, 5)
        XCTAssertEqual(lexer.tokens[1].col, 11)
        XCTAssertEqual(lexer.tokens[2].line, 6)
        XCTAssertEqual(lexer.tokens[2].col, 1)
    }

    func testIndentationLimit() {
        var src = ""
        for level in 0..<101 { src += String(repeating: " ", count: level) + "if x:\n" }
        src += String(repeating: " ", count: 101) + "pass\n"
        let r = lex(src)
        XCTAssertTrue(r.errors.contains { $0.message == "too many levels of indentation" })
    }
}
