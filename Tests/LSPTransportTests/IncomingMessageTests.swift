import XCTest
@testable import LSPTransport

final class IncomingMessageTests: XCTestCase {
    private func classify(_ text: String) throws -> String {
        switch IncomingMessage.parse(try JSONReader.parse(text)) {
        case .request(let id, let method, let params): return "request \(id) \(method) \(params.map(\.description) ?? "-")"
        case .notification(let method, let params): return "notification \(method) \(params.map(\.description) ?? "-")"
        case .response(let id, .success(let v)): return "response \(id) \(v)"
        case .response(let id, .failure(let e)): return "error response \(id) \(e.code)"
        case .invalid(let id, let e): return "invalid \(id.map(\.description) ?? "null") \(e.code)"
        }
    }

    func testRequestsNotificationsAndResponses() throws {
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":7,"method":"m","params":{"a":1}}"#), #"request 7 m {"a":1}"#)
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":"x7","method":"m"}"#), #"request "x7" m -"#)
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","method":"n","params":[1]}"#), "notification n [1]")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":3,"result":null}"#), "response 3 null")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}"#), "error response 3 -32601")
    }

    func testValuesThatAreNotMessages() throws {
        XCTAssertEqual(try classify("[]"), "invalid null -32600")
        XCTAssertEqual(try classify("42"), "invalid null -32600")
        XCTAssertEqual(try classify(#"{"id":1,"method":"m"}"#), "invalid 1 -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"1.0","id":1,"method":"m"}"#), "invalid 1 -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":1,"method":5}"#), "invalid 1 -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#), "invalid null -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":{},"method":"m"}"#), "invalid null -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":2,"method":"m","params":"s"}"#), "invalid 2 -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0","id":2}"#), "invalid 2 -32600")
        XCTAssertEqual(try classify(#"{"jsonrpc":"2.0"}"#), "invalid null -32600")
    }
}
