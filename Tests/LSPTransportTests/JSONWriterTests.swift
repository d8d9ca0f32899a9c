import XCTest
@testable import LSPTransport

final class JSONWriterTests: XCTestCase {
    func testEscapesWhatJSONRequiresAndNothingElse() {
        let value: JSONValue = .string("q\"b\\n\n\r\t\u{8}\u{C}\u{1}\u{1F}/é😀")
        XCTAssertEqual(value.description, #""q\"b\\n\n\r\t\b\f\u0001\u001f/é😀""#)
    }

    func testNumbers() {
        XCTAssertEqual(JSONValue.int(0).description, "0")
        XCTAssertEqual(JSONValue.int(-1234567890).description, "-1234567890")
        XCTAssertEqual(JSONValue.int(Int.min).description, "-9223372036854775808")
        XCTAssertEqual(JSONValue.double(0.5).description, "0.5")
        XCTAssertEqual(JSONValue.double(.nan).description, "null")
        XCTAssertEqual(JSONValue.double(-.infinity).description, "null")
    }

    func testObjectsAndArraysGetCommasInTheRightPlaces() {
        let value: JSONValue = ["a": [1, [], ["x": nil]], "b": ["c": true, "d": "e"], "f": []]
        XCTAssertEqual(value.description, #"{"a":[1,[],{"x":null}],"b":{"c":true,"d":"e"},"f":[]}"#)
    }

    func testFieldLeavesOutNilButWritesExplicitNull() {
        var w = JSONWriter()
        w.beginObject()
        w.field("absent", Optional<Int>.none)
        w.field("present", 3)
        w.field("explicitNull", JSONValue.null)
        w.endObject()
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), #"{"present":3,"explicitNull":null}"#)
    }

    func testTypedValuesEncodeAsLSPSpells() {
        let hint = InlayHint(position: Position(line: 3, character: 7), label: .string("rc 2"), kind: .type,
                             tooltip: .markup(MarkupContent(kind: MarkupContent.markdown, value: "**a**")),
                             paddingLeft: true)
        XCTAssertEqual(JSONWriter.string(of: hint),
                       #"{"position":{"line":3,"character":7},"label":"rc 2","kind":1,"tooltip":{"kind":"markdown","value":"**a**"},"paddingLeft":true}"#)
        XCTAssertEqual(try InlayHint(json: JSONReader.parse(JSONWriter.bytes(of: hint))), hint)
    }

    /// Random values written then read back must come back equal.
    func testRoundTripOfRandomValues() throws {
        var rng = SplitMix64(seed: 0xC0FFEE)
        for _ in 0..<2_000 {
            let value = randomValue(&rng, depth: 0)
            let text = JSONWriter.bytes(of: value)
            XCTAssertEqual(try JSONReader.parse(text), value, String(decoding: text, as: UTF8.self))
        }
    }

    private func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        switch rng.next(upTo: depth > 4 ? 6 : 8) {
        case 0: return .null
        case 1: return .bool(rng.next(upTo: 2) == 0)
        case 2: return .int(Int(bitPattern: UInt(rng.next())) >> Int(rng.next(upTo: 64)))
        case 3: return .double(Double(Int(rng.next(upTo: 2_000_000)) - 1_000_000) / 64.0 + 0.5)
        case 4, 5:
            let alphabet: [Character] = ["a", "\"", "\\", "\n", "\u{1}", "é", "😀", "中", "/", " "]
            return .string(String((0..<rng.next(upTo: 12)).map { _ in alphabet[Int(rng.next(upTo: UInt64(alphabet.count)))] }))
        case 6: return .array((0..<rng.next(upTo: 5)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            return .object(JSONObject((0..<rng.next(upTo: 5)).map { i in (key: "k\(i)", value: randomValue(&rng, depth: depth + 1)) }))
        }
    }
}

/// A small deterministic generator, so a failing random case can be replayed.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo n: UInt64) -> UInt64 { n == 0 ? 0 : next() % n }
}

final class JSONWriterEscapeTests: XCTestCase {
    /// The word-at-a-time scan must find a character to escape at every offset of a long string.
    func testEscapesAtEveryOffsetOfLongStrings() throws {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for offset in 0..<24 {
                var chars = Array(repeating: "a", count: 24)
                chars[offset] = special
                let text = chars.joined() + "é😀 tail"
                let encoded = JSONWriter.string(of: JSONValue.string(text))
                XCTAssertEqual(try JSONReader.parse(encoded), .string(text), "\(special.debugDescription) at \(offset)")
                XCTAssertFalse(encoded.unicodeScalars.contains { $0.value < 0x20 }, "no raw control characters")
            }
        }
        let clean = String(repeating: "abcdefgh ~!é", count: 5)
        XCTAssertEqual(JSONWriter.string(of: clean), "\"\(clean)\"")
    }
}
