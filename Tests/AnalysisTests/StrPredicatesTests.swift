import XCTest
@testable import Analysis

/// `str.isdigit()` and its kin answer as CPython 3.11 does on ASCII text (the table below was printed by
/// python3), and do not guess on other text.
final class StrPredicatesTests: XCTestCase {
    static let methods = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "isascii", "isprintable", "isidentifier"]

    func testASCIIAnswersAreCPythons() {
        let table: [(String, String)] = [
            ("", "00000000110"),
            ("12", "11101000110"),
            ("1a", "00001001110"),
            ("abc", "00011001111"),
            ("ABC", "00011010111"),
            ("aB", "00011000111"),
            (" \t", "00000100100"),
            ("_x1", "00000001111"),
            ("1x", "00001001110"),
            ("if", "00011001111"),
            ("a b", "00000001110"),
            ("\u{1c}", "00000100100"),
            ("~", "00000000110"),
            ("\u{7f}", "00000000100"),
            ("Ab1", "00001000111"),
            ("AB1", "00001010111"),
            ("\u{0b}\u{0c}", "00000100100"),
        ]
        for (text, expected) in table {
            let got = Self.methods.map { StrPredicates.test($0)!(text)! ? "1" : "0" }.joined()
            XCTAssertEqual(got, expected, "\(Array(text.unicodeScalars))")
        }
    }

    func testOtherTextIsNotGuessed() {
        for m in Self.methods where m != "isascii" { XCTAssertNil(StrPredicates.test(m)!("é1")) }
        XCTAssertEqual(StrPredicates.test("isascii")!("é"), false)
        XCTAssertNil(StrPredicates.test("istitle"))
    }
}
