import XCTest
import Analysis

/// The column `dump-ast` prints for a syntax error is CPython's `offset`, which on a line with non-ASCII text
/// counts characters for tokenizer errors and UTF-8 bytes for parser errors (source given as bytes). The
/// expectations are CPython 3.11's `ast.parse(source.encode())` (msg, lineno, offset); the error's own
/// range stays in UTF-8 columns, which is what editors get.
final class SyntaxErrorOffsetTests: XCTestCase {
    static let cases: [(source: String, message: String, line: Int, offset: Int, utf8Column: Int)] = [
        ("x = 'é' + 'abc\n", "unterminated string literal (detected at line 1)", 1, 11, 11),
        ("x = '日本' + 'abc\n", "unterminated string literal (detected at line 1)", 1, 12, 15),
        ("x = '😀' + 'abc\n", "unterminated string literal (detected at line 1)", 1, 11, 13),
        ("é = 1; y = €\n", "invalid character '€' (U+20AC)", 1, 12, 12),
        ("é = (1]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 7),
        ("é = 1)\n", "unmatched ')'", 1, 6, 6),
        ("é = 0b12\n", "invalid digit '2' in binary literal", 1, 8, 8),
        ("é = 1\r\ny = 'ü\r\n", "unterminated string literal (detected at line 2)", 2, 5, 4),
        ("é = 1\rz = 'ü' + 'ab\r", "unterminated string literal (detected at line 2)", 2, 11, 11),
        // Number literals: CPython's column is where its tokenizer stood (the `_`, the prefix's last
        // character, the digit the radix lacks, the number's last character, the sign).
        ("x = 1_\n", "invalid decimal literal", 1, 6, 5),
        ("x = 0x\n", "invalid hexadecimal literal", 1, 6, 5),
        ("x = 0o9\n", "invalid digit '9' in octal literal", 1, 7, 6),
        ("x = 1.5j_\n", "invalid imaginary literal", 1, 8, 7),
        ("x = 0b1a\n", "invalid binary literal", 1, 7, 6),
        ("x = 1e+\n", "invalid decimal literal", 1, 7, 6),
        ("é = 1.5e-x\n", "invalid decimal literal", 1, 9, 9),
        // Parser errors: CPython counts bytes.
        ("x = 1 + \\", "unexpected EOF while parsing", 1, 10, 9),
        ("é = 'a' 'b' 1\n", "invalid syntax", 1, 14, 13),
        ("é = [1, 2\n", "'[' was never closed", 1, 6, 5),
        ("if x:\n    é = 1\n  é = 2\n", "unindent does not match any outer indentation level", 3, 9, 8),
    ]

    func testOffsetsCountAsCPythonCountsThem() {
        for c in Self.cases {
            let bytes = Array(c.source.utf8)
            let parsed = PythonParser.parse(utf8: bytes)
            guard let first = parsed.errors.first else { XCTFail("no error for \(c.source.debugDescription)"); continue }
            XCTAssertEqual(first.message, c.message, c.source.debugDescription)
            XCTAssertEqual(first.range.line, c.line, c.source.debugDescription)
            XCTAssertEqual(first.cpythonOffset(in: bytes), c.offset, "offset of '\(c.message)' in \(c.source.debugDescription)")
            XCTAssertEqual(first.range.utf8Column, c.utf8Column, "UTF-8 column of '\(c.message)' in \(c.source.debugDescription)")
        }
    }

    func testALineTheSourceDoesNotHaveFallsBackToBytes() {
        let error = SyntaxError(message: "m", range: SourceRange(line: 9, utf8Column: 4, endLine: 9, endUTF8Column: 4),
                                offsetCountsCharacters: true)
        XCTAssertEqual(error.cpythonOffset(in: Array("é\n".utf8)), 5)
    }

    func testAByteOrderMarkIsNotPartOfTheFirstLine() {
        let bytes = Array("\u{FEFF}x = 'é' + 'abc\n".utf8)
        let first = PythonParser.parse(utf8: bytes).errors.first
        XCTAssertEqual(first?.range.utf8Column, 11)
        XCTAssertEqual(first?.cpythonOffset(in: bytes), 11)
    }
}
