import XCTest
@testable import LSPTransport

final class JSONReaderTests: XCTestCase {
    func testScalarsKeepIntegersApartFromDoubles() throws {
        XCTAssertEqual(try JSONReader.parse("42"), .int(42))
        XCTAssertEqual(try JSONReader.parse("-7"), .int(-7))
        XCTAssertEqual(try JSONReader.parse("0"), .int(0))
        XCTAssertEqual(try JSONReader.parse("4.0"), .double(4.0))
        XCTAssertEqual(try JSONReader.parse("1e3"), .double(1000))
        XCTAssertEqual(try JSONReader.parse("-2.5E-1"), .double(-0.25))
        XCTAssertEqual(try JSONReader.parse(" true "), .bool(true))
        XCTAssertEqual(try JSONReader.parse("false"), .bool(false))
        XCTAssertEqual(try JSONReader.parse("null"), .null)
    }

    func testIntegerLimitsAndOverflowToDouble() throws {
        XCTAssertEqual(try JSONReader.parse("9223372036854775807"), .int(Int.max))
        XCTAssertEqual(try JSONReader.parse("-9223372036854775808"), .int(Int.min))
        XCTAssertEqual(try JSONReader.parse("9223372036854775808"), .double(9223372036854775808.0))
    }

    func testStringEscapesAndSurrogatePairs() throws {
        XCTAssertEqual(try JSONReader.parse(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try JSONReader.parse(#""\u00e9\u4e2d""#), .string("é中"))
        XCTAssertEqual(try JSONReader.parse(#""\ud83d\ude00!""#), .string("😀!"))
        XCTAssertEqual(try JSONReader.parse("\"raw 😀 é\""), .string("raw 😀 é"))
    }

    func testLoneSurrogatesBecomeReplacementCharacters() throws {
        XCTAssertEqual(try JSONReader.parse(#""\ud83dx""#), .string("\u{FFFD}x"))
        XCTAssertEqual(try JSONReader.parse(#""\ude00""#), .string("\u{FFFD}"))
        XCTAssertEqual(try JSONReader.parse(#""\ud83d\u0041""#), .string("\u{FFFD}A"))
    }

    func testInvalidUTF8IsRepairedNotRejected() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        XCTAssertEqual(try JSONReader.parse(bytes), .string("a\u{FFFD}b"))
    }

    func testObjectsKeepOrderAndLastDuplicateWins() throws {
        let value = try JSONReader.parse(#"{"b": 1, "a": [true, null], "b": 2}"#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "b"])
        XCTAssertEqual(value["b"], .int(2))
        XCTAssertEqual(value["a"], .array([.bool(true), .null]))
        XCTAssertEqual(try JSONReader.parse("{}"), .object(JSONObject()))
        XCTAssertEqual(try JSONReader.parse("[ ]"), .array([]))
    }

    func testRejectsWhatIsNotJSON() {
        let cases: [(String, Int)] = [
            ("", 0), ("{", 1), ("[1,]", 3), ("{\"a\":1,}", 7), ("01", 1), ("-", 1), ("1.", 2), ("1e", 2),
            ("\"abc", 4), ("\"a\nb\"", 2), ("\"\\x\"", 2), ("\"\\u12g4\"", 5), ("tru", 0), ("nul", 0),
            ("[1 2]", 3), ("{\"a\" 1}", 5), ("{1:2}", 1), ("1 2", 2), ("'a'", 0),
        ]
        for (text, offset) in cases {
            XCTAssertThrowsError(try JSONReader.parse(text), text) { error in
                XCTAssertEqual((error as? JSONParseError)?.offset, offset, "offset for \(text.debugDescription)")
            }
        }
    }

    func testNestingLimitIsAnErrorNotACrash() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try JSONReader.parse(ok))
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertThrowsError(try JSONReader.parse(tooDeep)) { error in
            XCTAssertEqual((error as? JSONParseError)?.reason, "nesting deeper than 512")
        }
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        XCTAssertThrowsError(try JSONReader.parse(hostile))
    }
}
