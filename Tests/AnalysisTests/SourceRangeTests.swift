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
}
