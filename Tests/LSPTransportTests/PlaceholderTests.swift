import XCTest
@testable import LSPTransport

final class LSPTransportInfoTests: XCTestCase {
    func testSpeaksLSP317() { XCTAssertEqual(LSPTransportInfo.lspVersion, "3.17") }
}
