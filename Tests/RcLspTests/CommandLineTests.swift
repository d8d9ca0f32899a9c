import XCTest
@testable import rc_lsp

final class CommandLineTests: XCTestCase {
    func testVersionIsSemantic() {
        XCTAssertEqual(CommandLineInterface.version.split(separator: ".").count, 3)
    }
}
