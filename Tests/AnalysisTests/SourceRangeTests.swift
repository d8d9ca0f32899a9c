import XCTest
@testable import Analysis

final class SourceRangeTests: XCTestCase {
    func testContainsIsEndExclusive() {
        let r = SourceRange(line: 2, utf8Column: 4, endLine: 2, endUTF8Column: 7)
        XCTAssertTrue(r.contains(line: 2, utf8Column: 4))
        XCTAssertTrue(r.contains(line: 2, utf8Column: 6))
        XCTAssertFalse(r.contains(line: 2, utf8Column: 7))
        XCTAssertFalse(r.contains(line: 1, utf8Column: 5))
    }

    func testIsSixteenBytesAndKeepsIntAccessors() {
        XCTAssertEqual(MemoryLayout<SourceRange>.size, 16)
        var r = SourceRange(line: 70_000, utf8Column: 10_000_000, endLine: 70_001, endUTF8Column: 3)
        XCTAssertEqual(r.description, "70000:10000000-70001:3")
        r.endUTF8Column = Int.max
        XCTAssertEqual(r.endUTF8Column, Int(Int32.max))
        r.line = -1
        XCTAssertEqual(r.line, -1)
    }
}
