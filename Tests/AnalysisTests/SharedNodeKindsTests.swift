import XCTest
@testable import Analysis

/// The table that shares name and number boxes within one parse: one kind per spelling, found again by
/// the bytes alone, through growth.
final class SharedNodeKindsTests: XCTestCase {
    func testOneKindPerSpellingThroughGrowth() {
        let words = (0..<300).map { "name\($0)" }
        let text = Array((words + words).joined(separator: " ").utf8)
        var table = TokenKeyedKinds()
        var made = 0
        text.withUnsafeBufferPointer { src in
            var start = 0
            for (n, w) in (words + words).enumerated() {
                let end = start + w.utf8.count
                let k = table.kind(src, start, end) { made += 1; return .name(w, .load) }
                guard case .name(let id, .load) = k.kind else { return XCTFail("expected a Load name") }
                XCTAssertEqual(id, words[n % words.count])
                start = end + 1
            }
        }
        XCTAssertEqual(made, 300)
    }

    func testEmptySpanIsNeverShared() {
        let text = Array("ab".utf8)
        var table = TokenKeyedKinds()
        var made = 0
        text.withUnsafeBufferPointer { src in
            for _ in 0..<2 { _ = table.kind(src, 1, 1) { made += 1; return .sharedNone } }
        }
        XCTAssertEqual(made, 2)
    }
}
