import LSPTransport
import XCTest
@testable import rc_lsp

final class DocumentStoreTests: XCTestCase {
    private let uri = "file:///t.py"

    private func open(_ text: String, encoding: PositionEncoding = .utf16) -> DocumentStore {
        let store = DocumentStore(encoding: encoding)
        store.open(TextDocumentItem(uri: uri, languageId: "python", version: 1, text: text))
        return store
    }

    private func edit(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent(range: LSPRange(start: Position(line: l1, character: c1), end: Position(line: l2, character: c2)), text: text)
    }

    func testIncrementalEditsApplyInOrder() throws {
        let store = open("a = [1]\nb = a\n")
        let doc = try store.change(VersionedTextDocumentIdentifier(uri: uri, version: 2), [
            edit(0, 5, 0, 6, "1, 2"),          // a = [1, 2]
            edit(1, 4, 1, 5, "a[0]"),          // b = a[0]   (positions already see the first edit's result)
            edit(2, 0, 2, 0, "del a\n"),
        ])
        XCTAssertEqual(doc.text, "a = [1, 2]\nb = a[0]\ndel a\n")
        XCTAssertEqual(doc.version, 2)
        XCTAssertEqual(store[uri]?.text, "a = [1, 2]\nb = a[0]\ndel a\n")
    }

    func testFullChangeReplacesEverything() throws {
        let store = open("old\n")
        let doc = try store.change(VersionedTextDocumentIdentifier(uri: uri, version: 5),
                                   [edit(0, 0, 0, 1, "x"), TextDocumentContentChangeEvent(text: "new 😀\r\n"), edit(0, 4, 0, 6, "🎉")])
        XCTAssertEqual(doc.text, "new 🎉\r\n")
        XCTAssertEqual(doc.version, 5)
    }

    func testEditsCountInTheNegotiatedEncoding() throws {
        let utf16 = open("😀x😀\n", encoding: .utf16)
        XCTAssertEqual(try utf16.change(VersionedTextDocumentIdentifier(uri: uri, version: 2), [edit(0, 2, 0, 3, "y")]).text, "😀y😀\n")
        let utf8 = open("😀x😀\n", encoding: .utf8)
        XCTAssertEqual(try utf8.change(VersionedTextDocumentIdentifier(uri: uri, version: 2), [edit(0, 4, 0, 5, "y")]).text, "😀y😀\n")
        let utf32 = open("😀x😀\n", encoding: .utf32)
        XCTAssertEqual(try utf32.change(VersionedTextDocumentIdentifier(uri: uri, version: 2), [edit(0, 1, 0, 2, "y")]).text, "😀y😀\n")
    }

    func testRangesPastTheEndClampAndReversedRangesAreOrdered() throws {
        let store = open("ab\r\ncd")
        XCTAssertEqual(try store.change(VersionedTextDocumentIdentifier(uri: uri, version: 2), [edit(0, 10, 0, 50, "!")]).text, "ab!\r\ncd")
        XCTAssertEqual(try store.change(VersionedTextDocumentIdentifier(uri: uri, version: 3), [edit(9, 0, 12, 3, "?")]).text, "ab!\r\ncd?")
        XCTAssertEqual(try store.change(VersionedTextDocumentIdentifier(uri: uri, version: 4), [edit(1, 1, 0, 1, "")]).text, "ad?")
    }

    func testSaveWithTextReplacesContentAndCloseForgets() throws {
        let store = open("x = 1\n")
        XCTAssertEqual(try store.save(uri, text: nil).text, "x = 1\n")
        let saved = try store.save(uri, text: "x = 2\n")
        XCTAssertEqual(saved.text, "x = 2\n")
        XCTAssertEqual(saved.version, 1)
        XCTAssertTrue(store.close(uri))
        XCTAssertNil(store[uri])
        XCTAssertFalse(store.close(uri))
        XCTAssertThrowsError(try store.save(uri, text: "y")) { XCTAssertEqual($0 as? DocumentStore.StoreError, .notOpen(uri)) }
        XCTAssertThrowsError(try store.change(VersionedTextDocumentIdentifier(uri: uri, version: 9), [])) {
            XCTAssertEqual($0 as? DocumentStore.StoreError, .notOpen(uri))
        }
    }

    /// Thousands of random edit sequences, in every encoding, against a naive reference that splices an
    /// array of Unicode scalars after finding positions by walking the text from its start.
    func testRandomEditSequencesMatchANaiveSplice() throws {
        var rng = SplitMix64(seed: 2024)
        var edits = 0
        for sequence in 0..<2_500 {
            let encoding = PositionEncoding.allCases[sequence % 3]
            var reference = ReferenceDocument(text: randomText(&rng, pieces: 20))
            let store = open(reference.text, encoding: encoding)
            for version in 2..<(2 + Int(rng.next(upTo: 8))) {
                var changes: [TextDocumentContentChangeEvent] = []
                for _ in 0...rng.next(upTo: 3) {
                    let replacement = randomText(&rng, pieces: 4)
                    if rng.next(upTo: 20) == 0 {
                        changes.append(TextDocumentContentChangeEvent(text: replacement))
                        reference = ReferenceDocument(text: replacement)
                        continue
                    }
                    let lines = reference.lineCount
                    func randomPosition() -> Position {
                        let line = Int(rng.next(upTo: UInt64(lines + 2)))
                        return Position(line: line, character: Int(rng.next(upTo: UInt64(reference.maxLineUnits(encoding) + 3))))
                    }
                    let range = LSPRange(start: randomPosition(), end: randomPosition())
                    changes.append(TextDocumentContentChangeEvent(range: range, text: replacement))
                    reference.replace(range, with: replacement, encoding: encoding)
                    edits += 1
                }
                let doc = try store.change(VersionedTextDocumentIdentifier(uri: uri, version: version), changes)
                guard doc.text == reference.text else {
                    XCTFail("sequence \(sequence) (\(encoding)): \(doc.text.debugDescription) != \(reference.text.debugDescription) after \(changes)")
                    return
                }
                XCTAssertEqual(doc.version, version)
            }
        }
        XCTAssertGreaterThan(edits, 10_000)
    }
}

/// The obviously-correct model: Unicode scalars, lines found by scanning, positions by walking.
private struct ReferenceDocument {
    var scalars: [Unicode.Scalar]

    init(text: String) { scalars = Array(text.unicodeScalars) }

    var text: String { String(String.UnicodeScalarView(scalars)) }

    /// (first scalar, end of content) of each line.
    var lines: [(start: Int, end: Int)] {
        var result: [(Int, Int)] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
                result.append((start, i)); i += 2; start = i
            } else if scalars[i] == "\r" || scalars[i] == "\n" {
                result.append((start, i)); i += 1; start = i
            } else {
                i += 1
            }
        }
        result.append((start, scalars.count))
        return result
    }

    var lineCount: Int { lines.count }

    func width(_ s: Unicode.Scalar, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return String(s).utf8.count
        case .utf16: return s.value > 0xFFFF ? 2 : 1
        case .utf32: return 1
        }
    }

    func maxLineUnits(_ encoding: PositionEncoding) -> Int {
        lines.map { line in scalars[line.start..<line.end].reduce(0) { $0 + width($1, encoding) } }.max() ?? 0
    }

    func index(of position: Position, _ encoding: PositionEncoding) -> Int {
        let all = lines
        guard position.line < all.count else { return scalars.count }
        let line = all[position.line]
        var i = line.start
        var units = 0
        while i < line.end && units + width(scalars[i], encoding) <= position.character {
            units += width(scalars[i], encoding)
            i += 1
        }
        return i
    }

    mutating func replace(_ range: LSPRange, with text: String, encoding: PositionEncoding) {
        let a = index(of: range.start, encoding), b = index(of: range.end, encoding)
        scalars.replaceSubrange(min(a, b)..<max(a, b), with: Array(text.unicodeScalars))
    }
}
