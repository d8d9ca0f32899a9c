import XCTest
@testable import Analysis

/// Python 3.12 lets a replacement field hold strings in the f-string's own quotes (PEP 701). The
/// machine's CPython is 3.11, which rejects them, so the check is the tree of the same program written
/// with the other quotes (the same lengths, so the same positions), which 3.11 accepts.
final class FStringPEP701Tests: XCTestCase {
    private func dump(_ source: String) -> String {
        let parsed = PythonParser.parse(source)
        XCTAssertEqual(parsed.errors.map(\.message), [], source)
        return ASTDump.dump(parsed.module)
    }

    func testSameQuotesInsideAFieldParseAsOtherQuotesDo() {
        let pairs = [
            ("x = f\"{d[\"k\"]}\"\n", "x = f\"{d['k']}\"\n"),
            ("x = f'{d['k']:>{w}}'\n", "x = f'{d[\"k\"]:>{w}}'\n"),
            ("x = f\"{f\"{a}\"} {{lit}}\"\n", "x = f\"{f'{a}'} {{lit}}\"\n"),
            ("x = f\"\"\"{\"\"\"a\"\"\" + b}\"\"\"\n", "x = f\"\"\"{'''a''' + b}\"\"\"\n"),
        ]
        for (pep701, classic) in pairs {
            XCTAssertEqual(dump(pep701), dump(classic), pep701)
        }
    }

    func testTheLineAfterStillLexes() {
        let parsed = PythonParser.parse("s = f\"{'}'}\" + f\"{d[\"}\"]}\"\ny = 1\n")
        XCTAssertEqual(parsed.errors.map(\.message), [])
        XCTAssertEqual(parsed.module.body.count, 2)
    }

    func testAnUnterminatedFStringIsStillReported() {
        let parsed = PythonParser.parse("x = f\"{a\ny = 1\n")
        XCTAssertEqual(parsed.errors.first?.message, "unterminated string literal (detected at line 1)")
        XCTAssertEqual(parsed.module.body.count, 2)
    }
}
