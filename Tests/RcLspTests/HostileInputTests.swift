import Foundation
import LSPTransport
import XCTest

/// The process never dies and never stops answering, whatever arrives on stdin.
final class HostileInputTests: XCTestCase {
    private var server: LSPProcess!

    override func setUpWithError() throws {
        server = try LSPProcess.start()
        try server.initialize()
    }

    override func tearDown() {
        if let server { XCTAssertEqual(server.protocolViolations, []) }
        server = nil
    }

    private func assertStillServing(_ note: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try server.request("rc-lsp/_sleep", ["milliseconds": 0])["result"], 0, note, file: file, line: line)
    }

    func testDeepNestingIsAParseError() throws {
        server.sendBody(String(repeating: "[", count: 200_000))
        XCTAssertEqual(try server.awaitNullIDResponse()["error"]?["code"], .int(-32700))
        server.sendBody(#"{"jsonrpc":"2.0","id":1,"method":"rc-lsp/_sleep","params":"# + String(repeating: "{\"a\":", count: 50_000))
        XCTAssertEqual(try server.awaitNullIDResponse()["error"]?["code"], .int(-32700))
        try assertStillServing("after deep nesting")
    }

    func testMalformedHeadersAreSkipped() throws {
        server.sendRaw(Array("Content-Type: text/plain\r\n\r\n".utf8))
        server.sendRaw(Array("Content-Length: twelve\r\n\r\n".utf8))
        server.sendRaw(Array("Content-Length: -5\r\n\r\n".utf8))
        try assertStillServing("after malformed headers")
        XCTAssertTrue(server.stderrText.contains("malformed header skipped"), server.stderrText)
    }

    func testInvalidUTF8InsideStringsIsRepaired() throws {
        let uri = "file:///bytes.py"
        var body = Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bytes.py","languageId":"python","version":1,"text":"a"#.utf8)
        body += [0xFF, 0xC3]
        body += Array(#"b\ud800c"}}}"#.utf8)
        server.sendRaw(MessageFraming.frame(body))
        let state = try server.result(of: "rc-lsp/_documentState", ["textDocument": ["uri": .string(uri)]])
        XCTAssertEqual(state["text"], "a\u{FFFD}\u{FFFD}b\u{FFFD}c")
    }

    func testRandomBodiesNeverKillTheServer() throws {
        var rng = SplitMix64(seed: 99)
        let fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "1", "-", "e", "\\u", "\"jsonrpc\"", "\"2.0\"",
                         "\"id\"", "\"method\"", "\"params\"", "\"initialize\"", "\"shutdown\"", "\"textDocument/didChange\"",
                         "\"$/cancelRequest\"", "\"result\"", "\"error\"", " ", "\u{0}", "😀"]
        for _ in 0..<400 {
            let body = (0..<Int(rng.next(upTo: 30))).map { _ in fragments[Int(rng.next(upTo: UInt64(fragments.count)))] }.joined()
            server.sendBody(body)
        }
        try assertStillServing("after 400 random bodies")
    }

    func testRequestsAboutUnknownDocumentsAnswerCleanly() throws {
        let state = try server.result(of: "rc-lsp/_documentState", ["textDocument": ["uri": "file:///never-opened.py"]])
        XCTAssertEqual(state, .null)
        let change = #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x.py","version":2},"contentChanges":[{"text":"x"}]}}"#
        server.sendBody(change)
        try assertStillServing("after a change to an unknown document")
    }
}
