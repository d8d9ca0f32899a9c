import XCTest
@testable import Analysis

/// The constant reprs of the dump against CPython's own `repr`, computed at test time by one python3:
/// floats across the whole exponent range (shortest digits, exponent switch points), complex literals,
/// str printability code point by code point (Unicode 14 as CPython 3.11 knows it), bytes, large ints.
final class ASTDumpReprTests: XCTestCase {
    /// Deterministic doubles: hand-picked edge cases plus bit patterns from a fixed generator.
    static func sampleDoubles() -> [Double] {
        var values: [Double] = [0.1, 0.5, 1, 1.5, 100, 1e15, 1e16, 1e17, 9999999999999998, 1e-4, 1e-5, 0.0001234,
                                1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 123456789.123, 1e22, 1e23,
                                0.3, 2.675, 1 / 3.0, 4.35, 0.000123, 12345678901234567890.0]
        var rng = SplitMix(seed: 42)
        for _ in 0..<1500 {
            let d = Double(bitPattern: rng.next() & 0x7FFF_FFFF_FFFF_FFFF)
            if d.isFinite { values.append(d) }
        }
        for e in -30...30 { values.append(Double(sign: .plus, exponent: e, significand: 1.2345)) }
        return values
    }

    func testFloatAndComplexReprMatchCPython() throws {
        let values = Self.sampleDoubles()
        let script = """
        import json, struct, sys
        out = []
        for bits in json.load(sys.stdin):
            d = struct.unpack('<d', struct.pack('<Q', bits))[0]
            out.append([repr(d), repr(complex(0, d))])
        json.dump(out, sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: values.map { NSNumber(value: $0.bitPattern) })
        let reply = try DifferentialOracle.runPython(script, input: input)
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: reply) as? [[String]])
        for (d, pair) in zip(values, expected) {
            XCTAssertEqual(PythonRepr.float(d), pair[0], "bits \(d.bitPattern)")
            XCTAssertEqual(PythonRepr.complexImag(d), pair[1], "bits \(d.bitPattern)")
        }
    }

    func testStrReprMatchesCPythonForEveryBMPCodePointAndSamplesBeyond() throws {
        var points = Array(UInt32(0)..<0xD800) + Array(UInt32(0xE000)..<0x10000)
        points += stride(from: UInt32(0x10000), to: 0x110000, by: 97).map { $0 }
        points += [0xD800, 0xDFFF]  // lone surrogates (strScalars)
        // Chunks of 64 code points: one repr per chunk keeps the reply small.
        let chunks = stride(from: 0, to: points.count, by: 64).map { Array(points[$0..<min($0 + 64, points.count)]) }
        let script = """
        import json, sys
        json.dump([repr(''.join(map(chr, c))) for c in json.load(sys.stdin)], sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: chunks)
        let reply = try DifferentialOracle.runPython(script, input: input)
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: reply) as? [String])
        var mismatches: [String] = []
        for (chunk, want) in zip(chunks, expected) {
            var got = ""
            PythonRepr.str(chunk, into: &got)
            if got != want { mismatches.append("U+\(String(chunk[0], radix: 16))...: \(got) vs \(want)") }
        }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(5).joined(separator: "\n"))
    }

    func testQuotesAndEscapes() {
        var s = ""
        PythonRepr.str("it's".unicodeScalars.map { $0.value }, into: &s)
        XCTAssertEqual(s, "\"it's\"")
        s = ""
        PythonRepr.str("'\"\\\t\n\r\u{7F}".unicodeScalars.map { $0.value }, into: &s)
        XCTAssertEqual(s, "'\\'\"\\\\\\t\\n\\r\\x7f'")
        s = ""
        PythonRepr.bytes([0, 0x27, 0x41, 0x7F, 0x80, 0xFF, 0x5C], into: &s)
        XCTAssertEqual(s, "b\"\\x00'A\\x7f\\x80\\xff\\\\\"")
    }

    func testIntegersOfAnySize() {
        XCTAssertEqual(NumberLiteral.value(Array("0xFFFFFFFFFFFFFFFFFFFF".utf8)), .bigInt(decimal: "1208925819614629174706175"))
        XCTAssertEqual(NumberLiteral.value(Array("0o777".utf8)), .int(511))
        XCTAssertEqual(NumberLiteral.value(Array("0b1010".utf8)), .int(10))
        XCTAssertEqual(NumberLiteral.value(Array("9223372036854775808".utf8)), .bigInt(decimal: "9223372036854775808"))
        XCTAssertEqual(NumberLiteral.value(Array("0000".utf8)), .int(0))
        XCTAssertEqual(NumberLiteral.value(Array("1e400".utf8)), .float(.infinity))
        XCTAssertEqual(NumberLiteral.value(Array("5.".utf8)), .float(5))
    }
}
