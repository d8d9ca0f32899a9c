import Analysis
import LSPTransport
import XCTest
@testable import rc_lsp

/// Position conversions on a text with a non-BMP character, CRLF, a lone CR and a final newline:
///   line 0 "a😀b" + CRLF   bytes 0..<6, terminator 6..<8   (😀 is 4 UTF-8 bytes, 2 UTF-16 units)
///   line 1 "cd" + CR       bytes 8..<10, terminator 10
///   line 2 "e" + LF        bytes 11..<12, terminator 12
///   line 3 ""              byte 13 = end of text
final class LineIndexTests: XCTestCase {
    private let index = LineIndex("a😀b\r\ncd\re\n")

    func testLinesEndAtLFCRLFAndLoneCR() {
        XCTAssertEqual(index.lineStarts, [0, 8, 11, 13])
        XCTAssertEqual(index.lineCount, 4)
        XCTAssertEqual(index.contentRange(ofLine: 0), 0..<6)
        XCTAssertEqual(index.contentRange(ofLine: 1), 8..<10)
        XCTAssertEqual(index.contentRange(ofLine: 2), 11..<12)
        XCTAssertEqual(index.contentRange(ofLine: 3), 13..<13)
        XCTAssertNil(index.contentRange(ofLine: 4))
        XCTAssertEqual(LineIndex("").lineStarts, [0])
        XCTAssertEqual(LineIndex("\r\r\n\n").lineStarts, [0, 1, 3, 4])
    }

    func testLSPPositionToByteOffsetInEachEncoding() {
        func offset(_ line: Int, _ character: Int, _ encoding: PositionEncoding) -> Int {
            index.utf8Offset(of: Position(line: line, character: character), in: encoding)
        }
        XCTAssertEqual(offset(0, 1, .utf16), 1)
        XCTAssertEqual(offset(0, 3, .utf16), 5, "after the surrogate pair")
        XCTAssertEqual(offset(0, 2, .utf16), 1, "inside the surrogate pair: back to the character's start")
        XCTAssertEqual(offset(0, 2, .utf32), 5)
        XCTAssertEqual(offset(0, 5, .utf8), 5)
        XCTAssertEqual(offset(0, 3, .utf8), 1, "inside the UTF-8 sequence: back to its start")
        XCTAssertEqual(offset(0, 4, .utf16), 6)
        XCTAssertEqual(offset(0, 99, .utf16), 6, "past the end of the line: the line's end, before CRLF")
        XCTAssertEqual(offset(1, 1, .utf16), 9)
        XCTAssertEqual(offset(1, 7, .utf8), 10, "before the lone CR")
        XCTAssertEqual(offset(3, 0, .utf16), 13)
        XCTAssertEqual(offset(3, 5, .utf16), 13)
        XCTAssertEqual(offset(4, 0, .utf16), 13, "past the last line: the end of the text")
        XCTAssertEqual(offset(400, 3, .utf32), 13)
    }

    func testByteOffsetToLSPPosition() {
        XCTAssertEqual(index.position(ofUTF8Offset: 5, in: .utf16), Position(line: 0, character: 3))
        XCTAssertEqual(index.position(ofUTF8Offset: 5, in: .utf32), Position(line: 0, character: 2))
        XCTAssertEqual(index.position(ofUTF8Offset: 5, in: .utf8), Position(line: 0, character: 5))
        XCTAssertEqual(index.position(ofUTF8Offset: 3, in: .utf16), Position(line: 0, character: 1), "mid-character snaps back")
        XCTAssertEqual(index.position(ofUTF8Offset: 7, in: .utf16), Position(line: 0, character: 4), "between CR and LF: end of line 0")
        XCTAssertEqual(index.position(ofUTF8Offset: 10, in: .utf16), Position(line: 1, character: 2))
        XCTAssertEqual(index.position(ofUTF8Offset: 11, in: .utf16), Position(line: 2, character: 0))
        XCTAssertEqual(index.position(ofUTF8Offset: 13, in: .utf16), Position(line: 3, character: 0))
        XCTAssertEqual(index.position(ofUTF8Offset: 99, in: .utf16), Position(line: 3, character: 0))
        XCTAssertEqual(index.position(ofUTF8Offset: -4, in: .utf16), Position(line: 0, character: 0))
    }

    func testAnalysisCoordinatesAreOneBasedLinesAndUTF8Columns() {
        XCTAssertEqual(index.sourcePosition(ofUTF8Offset: 5), SourcePosition(line: 1, utf8Column: 5))
        XCTAssertEqual(index.sourcePosition(ofUTF8Offset: 9), SourcePosition(line: 2, utf8Column: 1))
        XCTAssertEqual(index.utf8Offset(of: SourcePosition(line: 3, utf8Column: 0)), 11)
        XCTAssertEqual(index.utf8Offset(of: SourcePosition(line: 3, utf8Column: 9)), 12)
        XCTAssertEqual(index.utf8Offset(of: SourcePosition(line: 0, utf8Column: 9)), 0)
        XCTAssertEqual(index.position(of: SourcePosition(line: 1, utf8Column: 6), in: .utf16), Position(line: 0, character: 4))
        XCTAssertEqual(index.sourcePosition(of: Position(line: 0, character: 3), in: .utf16), SourcePosition(line: 1, utf8Column: 5))
        let source = SourceRange(line: 1, utf8Column: 1, endLine: 2, endUTF8Column: 2)
        let lsp = LSPRange(start: Position(line: 0, character: 1), end: Position(line: 1, character: 2))
        XCTAssertEqual(index.range(of: source, in: .utf16), lsp)
        XCTAssertEqual(index.sourceRange(of: lsp, in: .utf16), source)
        XCTAssertEqual(index.range(of: SourceRange(line: 1, utf8Column: 1, endLine: 1, endUTF8Column: 5), in: .utf16),
                       LSPRange(start: Position(line: 0, character: 1), end: Position(line: 0, character: 3)))
    }

    /// Every character boundary survives offset → position → offset in every encoding.
    func testRoundTripAtEveryCharacterBoundary() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let text = randomText(&rng, pieces: 40)
            let lines = LineIndex(text)
            var boundaries: [Int] = []
            var offset = 0
            for scalar in text.unicodeScalars {
                boundaries.append(offset)
                offset += String(scalar).utf8.count
            }
            boundaries.append(offset)
            for b in boundaries {
                let insideCRLF = b > 0 && b < lines.utf8.count && lines.utf8[b - 1] == 0x0D && lines.utf8[b] == 0x0A
                for encoding in PositionEncoding.allCases {
                    let p = lines.position(ofUTF8Offset: b, in: encoding)
                    XCTAssertEqual(lines.utf8Offset(of: p, in: encoding), insideCRLF ? b - 1 : b,
                                   "\(text.debugDescription) offset \(b) \(encoding)")
                }
            }
        }
    }
}

/// Text made of pieces that stress conversions: multi-byte and non-BMP characters and all three line endings.
func randomText(_ rng: inout SplitMix64, pieces: Int) -> String {
    let alphabet = ["a", "b", " ", "é", "中", "😀", "\n", "\r\n", "\r", "xy"]
    return (0..<Int(rng.next(upTo: UInt64(pieces + 1)))).map { _ in alphabet[Int(rng.next(upTo: UInt64(alphabet.count)))] }.joined()
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
