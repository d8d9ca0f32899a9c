import LSPTransport
import XCTest

/// Feature requests that cannot be answered get an empty answer or the LSP error, never a crash, and the
/// server keeps its documents.
final class BadRequestTests: XCTestCase {
    func testUnknownAndClosedDocumentsAnswerEmpty() throws {
        let s = try EditorSession("a = [1]\n")
        let other: JSONValue = ["uri": "file:///nowhere.py"]
        XCTAssertEqual(try s.server.result(of: "textDocument/hover", ["textDocument": other, "position": ["line": 0, "character": 0]]), .null)
        XCTAssertEqual(try s.server.result(of: "textDocument/inlayHint", ["textDocument": other, "range": [
            "start": ["line": 0, "character": 0], "end": ["line": 1, "character": 0]]]), [])
        XCTAssertEqual(try s.server.result(of: "textDocument/definition", ["textDocument": other, "position": ["line": 0, "character": 0]]), [])
        s.server.sendNotification("textDocument/didClose", ["textDocument": s.document])
        XCTAssertEqual(try s.hints(), [])
    }

    func testPositionsOutOfRangeAreClamped() throws {
        let s = try EditorSession("a = [1]\nb = a\n")
        XCTAssertEqual(try s.server.result(of: "textDocument/hover", ["textDocument": s.document,
                                                                     "position": ["line": 99, "character": 99]]), .null)
        XCTAssertEqual(try s.server.result(of: "textDocument/hover", ["textDocument": s.document,
                                                                     "position": ["line": 1, "character": 99]]), .null)
        let negative = try s.server.request("textDocument/hover", ["textDocument": s.document,
                                                                   "position": ["line": 1, "character": -5]])
        XCTAssertEqual(negative["error"]?["code"], -32602)
        XCTAssertEqual(try s.hints(from: 1, to: 500), ["1:5 rc 2"])
    }

    func testMalformedParamsAreInvalidParams() throws {
        let s = try EditorSession("a = [1]\n")
        let response = try s.server.request("textDocument/hover", ["textDocument": s.document, "position": "here"])
        XCTAssertEqual(response["error"]?["code"], -32602)
        XCTAssertEqual(try s.hints(), ["0:7 rc 1"])
    }

    func testSourceThatIsNotPythonStillAnswers() throws {
        let s = try EditorSession("<html><body>{{ not python }}</body></html>\n\u{0}\u{1}\n")
        XCTAssertEqual(try s.hints(), [])
        XCTAssertFalse(try s.publishedDiagnostics().isEmpty)
    }
}
