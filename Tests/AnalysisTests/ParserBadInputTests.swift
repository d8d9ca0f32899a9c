import XCTest
import Foundation
import Analysis

/// Bad input is data: every case here must return a tree and errors, never crash or hang.
final class ParserBadInputTests: XCTestCase {
    func testInvalidUTF8IsAnErrorAtThatByte() {
        // In code: position counted from the token, as CPython's decoder reports it.
        let inCode = PythonParser.parse(utf8: Array("x = 1\ny = ".utf8) + [0xFF] + Array("\nz = 2\n".utf8))
        XCTAssertEqual(inCode.errors.first?.message,
                       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
        XCTAssertEqual(inCode.errors.first?.range.line, 2)
        XCTAssertEqual(inCode.errors.first?.range.utf8Column, 4)
        XCTAssertTrue(ParserTestNames.boundNames(inCode.module).isSuperset(of: ["x", "z"]))
        // In a str literal: position counted from the literal's body, reported at the literal's end.
        let inString = PythonParser.parse(utf8: Array("x = 1\ny = 'a".utf8) + [0xFF] + Array("'\nz = 2\n".utf8))
        XCTAssertEqual(inString.errors.first?.message,
                       "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte")
        XCTAssertEqual(inString.errors.first?.range.line, 2)
        XCTAssertEqual(inString.errors.first?.range.utf8Column, 8)
        XCTAssertEqual(ParserTestNames.boundNames(inString.module), ["x", "y", "z"])
        // In a comment: CPython never decodes it, so it is not an error.
        XCTAssertEqual(PythonParser.parse(utf8: Array("x = 1  # caf".utf8) + [0xE9] + Array("\n".utf8)).errors, [])
    }

    func testTruncatedUTF8SequenceAtEndOfFile() {
        for tail in ["", "\n"] {
            let parsed = PythonParser.parse(utf8: Array("x = 1\ny = \u{E9}".utf8).dropLast() + Array(tail.utf8))
            XCTAssertEqual(parsed.errors.first?.message,
                           "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data")
            XCTAssertEqual(parsed.errors.first?.range.line, 2)
        }
    }

    func testNulBytes() {
        let parsed = PythonParser.parse(utf8: Array("x = 1\ny = \0\nz = 3\n".utf8))
        XCTAssertEqual(parsed.errors.first?.message, "source code string cannot contain null bytes")
        XCTAssertEqual(parsed.errors.first?.range.line, 2)
        XCTAssertTrue(ParserTestNames.boundNames(parsed.module).isSuperset(of: ["x", "z"]))
    }

    func testTenMegabyteSingleLine() {
        var src = "x = ["
        src.reserveCapacity(10_500_000)
        let item = "12345678, "
        for _ in 0..<1_000_000 { src += item }
        src += "]\n"
        XCTAssertGreaterThan(src.utf8.count, 10_000_000)
        let parsed = PythonParser.parse(src)
        XCTAssertEqual(parsed.errors, [])
        guard case .assign(_, let value, _)? = parsed.module.body.first?.kind, case .list(let elts, _) = value.kind else {
            return XCTFail("expected x = [...]")
        }
        XCTAssertEqual(elts.count, 1_000_000)
        XCTAssertEqual(value.range.endUTF8Column, src.utf8.count - 1)
    }

    func testHundredThousandNestedBracketsReportTooManyNestedParentheses() {
        for open in ["(", "[", "{"] {
            let src = "x = 1\n" + String(repeating: open, count: 100_000) + "\ny = 2\n"
            let parsed = PythonParser.parse(src)
            XCTAssertEqual(parsed.errors.first?.message, "too many nested parentheses", open)
            XCTAssertEqual(parsed.errors.first?.range.line, 2)
            XCTAssertEqual(parsed.errors.first?.range.utf8Column, 200)
            XCTAssertTrue(ParserTestNames.boundNames(parsed.module).contains("x"))
        }
    }

    func testBalancedDeepBracketsAtTheLimit() {
        let ok = PythonParser.parse("x = " + String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199) + "\n")
        XCTAssertEqual(ok.errors, [])
        let tooDeep = PythonParser.parse("x = " + String(repeating: "[", count: 201) + String(repeating: "]", count: 201) + "\n")
        XCTAssertEqual(tooDeep.errors.first?.message, "too many nested parentheses")
    }

    func testLongOperatorAndTrailerChainsAreBounded() {
        for src in ["x = " + String(repeating: "-", count: 100_000) + "1\n",
                    "x = " + String(repeating: "not ", count: 100_000) + "1\n",
                    "x = a" + String(repeating: ".b", count: 100_000) + "\n",
                    "x = f" + String(repeating: "()", count: 100_000) + "\n",
                    "x = 1" + String(repeating: " + 1", count: 100_000) + "\n",
                    "x = " + String(repeating: "lambda: ", count: 100_000) + "1\n",
                    "if x: pass\n" + String(repeating: "elif x: pass\n", count: 100_000)] {
            let parsed = PythonParser.parse(src + "y = 2\n")
            XCTAssertEqual(parsed.errors.first?.message,
                           "too deeply nested (maximum recursion depth exceeded during ast construction)")
            // The dumper must survive whatever tree came back.
            XCTAssertFalse(ASTDump.dump(parsed.module).isEmpty)
        }
    }

    func testUnterminatedStringsAndBracketsAtEndOfFile() {
        XCTAssertEqual(PythonParser.parse("x = 'abc").errors.first?.message, "unterminated string literal (detected at line 1)")
        XCTAssertEqual(PythonParser.parse("x = '''abc\n\n").errors.first?.message,
                       "unterminated triple-quoted string literal (detected at line 2)")
        XCTAssertEqual(PythonParser.parse("x = f(1,\n  2").errors.first?.message, "'(' was never closed")
        XCTAssertEqual(PythonParser.parse("x = {1: [2").errors.first?.message, "'[' was never closed")
        XCTAssertEqual(PythonParser.parse("x = 1 + \\").errors.first?.message, "unexpected EOF while parsing")
    }

    func testRandomBytesNeverCrash() {
        var rng = SplitMix(seed: 0x5EED)
        let alphabet = Array("()[]{}:;,.=+-*/%'\"\\#@!<>&|^~ \t\n\r\u{0C}abcdefxyz0129_".utf8) + [0x00, 0xC3, 0xFF, 0xE2]
        for _ in 0..<300 {
            let n = Int(rng.next() % 200)
            let bytes = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let parsed = PythonParser.parse(utf8: bytes)
            _ = ASTDump.dump(parsed.module)
        }
        // Keyword soup exercises the statement parser's recovery paths.
        let words = ["def", "class", "if", "else", "elif", "for", "in", "while", "try", "except", "finally", "with",
                     "as", "match", "case", "lambda", "yield", "return", "import", "from", "x", "(", ")", ":", "\n",
                     "    ", "=", ",", "*", "**", "[", "]", "{", "}", "f'{", "'", "async", "await", "@", "->"]
        for _ in 0..<500 {
            let n = Int(rng.next() % 40)
            let src = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            let parsed = PythonParser.parse(src)
            _ = ASTDump.dump(parsed.module)
        }
    }
}

/// A small deterministic generator so the random cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// The nesting limits keep the parser and the dumper within a small thread stack (the server may parse off
/// the main thread): the deepest inputs the limits allow, on a 2 MiB stack, in a debug build (whose frames
/// are several times larger than a release build's).
final class ParserStackDepthTests: XCTestCase {
    func testDeepestAllowedInputsFitInTwoMebibyteStack() {
        let inputs = [
            "x = " + String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199) + "\n",
            "x = " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199) + "\n",
            "x = " + String(repeating: "-", count: 490) + "1\n",
            "x = " + String(repeating: "not ", count: 490) + "1\n",
            "x = " + String(repeating: "lambda: ", count: 490) + "1\n",
            "x = a" + String(repeating: ".b", count: 490) + "\n",
            "x = " + String(repeating: "f(", count: 199) + String(repeating: ")", count: 199) + "\n",
            "x = " + String(repeating: "{1: ", count: 199) + "2" + String(repeating: "}", count: 199) + "\n",
            "if x: pass\n" + String(repeating: "elif x: pass\n", count: 490),
            (0..<99).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 99) + "pass\n",
        ]
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var results: [(errors: Int, dumpLength: Int)] = []
        let thread = Thread {
            for src in inputs {
                let parsed = PythonParser.parse(src)
                results.append((parsed.errors.count, ASTDump.dump(parsed.module).count))
            }
            done.signal()
        }
        thread.stackSize = 2 << 20
        thread.start()
        done.wait()
        XCTAssertEqual(results.count, inputs.count)
        for (k, r) in results.enumerated() {
            XCTAssertEqual(r.errors, 0, "input \(k)")
            XCTAssertGreaterThan(r.dumpLength, 100, "input \(k)")
        }
    }
}
