import Foundation
import LSPTransport
import XCTest
@testable import rc_lsp

/// The LSP lifecycle and every JSON-RPC error rule, end to end through the built binary over stdio.
final class ServerLifecycleTests: XCTestCase {
    private var server: LSPProcess!

    override func setUpWithError() throws {
        server = try LSPProcess.start()
    }

    override func tearDown() {
        if let server {
            XCTAssertEqual(server.protocolViolations, [], "stdout carries only framed JSON")
        }
        server = nil
    }

    func testInitializeAnswersNameVersionAndCapabilities() throws {
        let result = try server.initialize()
        XCTAssertEqual(result["serverInfo"], ["name": "rc-lsp", "version": .string(CommandLineInterface.version)])
        XCTAssertEqual(result["capabilities"]?["positionEncoding"], "utf-16")
        XCTAssertEqual(result["capabilities"]?["textDocumentSync"],
                       ["openClose": true, "change": 2, "save": ["includeText": true]])
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testPositionEncodingIsNegotiated() throws {
        let cases: [(JSONValue?, String)] = [
            (nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-32", "utf-16", "utf-8"], "utf-8"),
            (["utf-32"], "utf-32"), (["utf-32", "utf-16"], "utf-16"), ([], "utf-16"),
        ]
        for (offered, expected) in cases {
            let process = try LSPProcess.start()
            let capabilities: JSONValue = offered.map { ["general": ["positionEncodings": $0]] } ?? [:]
            let result = try process.initialize(capabilities: capabilities)
            XCTAssertEqual(result["capabilities"]?["positionEncoding"], .string(expected), "offered \(String(describing: offered))")
            process.closeStdin()
            XCTAssertEqual(try process.waitForExit(), 1)
        }
    }

    func testUnparsableJSONIsAParseErrorWithNullIdAndServingGoesOn() throws {
        try server.initialize()
        server.sendBody(#"{"jsonrpc":"2.0","id":5,"method":"#)
        let error = try server.awaitNullIDResponse()
        XCTAssertEqual(error["id"], .null)
        XCTAssertEqual(error["error"]?["code"], .int(-32700))
        server.sendBody("\u{1}not json at all")
        XCTAssertEqual(try server.awaitNullIDResponse()["error"]?["code"], .int(-32700))
        XCTAssertEqual(try server.request("rc-lsp/_sleep", ["milliseconds": 0])["result"], 0)
    }

    func testValidJSONThatIsNotAMessageIsAnInvalidRequest() throws {
        try server.initialize()
        for body in ["[]", "42", "\"x\"", #"{"jsonrpc":"2.0"}"#, #"{"jsonrpc":"2.0","id":{},"method":"m"}"#] {
            server.sendBody(body)
            let response = try server.awaitNullIDResponse()
            XCTAssertEqual(response["error"]?["code"], .int(-32600), body)
        }
        server.sendBody(#"{"jsonrpc":"1.0","id":"v1","method":"shutdown"}"#)
        XCTAssertEqual(try server.awaitResponse(.string("v1"))["error"]?["code"], .int(-32600))
        server.sendBody(#"{"jsonrpc":"2.0","id":77,"method":"rc-lsp/_sleep","params":7}"#)
        XCTAssertEqual(try server.awaitResponse(.int(77))["error"]?["code"], .int(-32600))
    }

    func testRequestsBeforeInitializeAreRefusedAndNotificationsDropped() throws {
        let early = try server.request("shutdown")
        XCTAssertEqual(early["error"]?["code"], .int(-32002))
        server.sendNotification("textDocument/didOpen", ["textDocument": [
            "uri": "file:///early.py", "languageId": "python", "version": 1, "text": "x = 1\n"]])
        try server.initialize()
        let state = try server.result(of: "rc-lsp/_documentState", ["textDocument": ["uri": "file:///early.py"]])
        XCTAssertEqual(state, .null, "a didOpen before initialize is dropped")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testExitBeforeInitializeEndsWithOne() throws {
        server.sendNotification("exit")
        XCTAssertEqual(try server.waitForExit(), 1)
    }

    func testIdsAreEchoedExactly() throws {
        try server.initialize()
        for id: RequestID in [.int(0), .int(-3), .int(9_007_199_254_740_993), .string(""), .string("ünï 😀 \"q\"")] {
            server.sendRequest("rc-lsp/_sleep", ["milliseconds": 0], id: id)
            XCTAssertEqual(try server.awaitResponse(id), ["jsonrpc": "2.0", "id": id.json, "result": 0])
        }
    }

    func testUnknownAndDollarMethods() throws {
        try server.initialize()
        let unknown = try server.request("textDocument/noSuchThing", [:])
        XCTAssertEqual(unknown["error"]?["code"], .int(-32601))
        XCTAssertEqual(try server.request("$/noSuchThing", [:])["error"]?["code"], .int(-32601))
        server.sendNotification("workspace/noSuchNotification", [:])
        server.sendNotification("$/setTrace", ["value": "verbose"])
        server.sendNotification("$/progress", ["token": 1, "value": [:]])
        XCTAssertEqual(try server.request("rc-lsp/_sleep", ["milliseconds": 1])["result"], 1, "ignored notifications get no answer")
    }

    func testWrongParamsAreInvalidParams() throws {
        let badInitialize = try server.request("initialize", ["capabilities": 5])
        XCTAssertEqual(badInitialize["error"]?["code"], .int(-32602))
        try server.initialize()
        XCTAssertEqual(try server.request("rc-lsp/_sleep", ["milliseconds": "ten"])["error"]?["code"], .int(-32602))
        XCTAssertEqual(try server.request("rc-lsp/_documentState", [:])["error"]?["code"], .int(-32602))
        XCTAssertEqual(try server.request("rc-lsp/_documentState")["error"]?["code"], .int(-32602))
    }

    func testAFailingHandlerIsAnInternalErrorAndTheServerLives() throws {
        try server.initialize()
        let response = try server.request("rc-lsp/_fail")
        XCTAssertEqual(response["error"]?["code"], .int(-32603))
        XCTAssertEqual(response["error"]?["message"], "rc-lsp/_fail failed: injected failure")
        let log = try server.awaitNotification("window/logMessage") { $0["params"]?["type"] == 1 }
        XCTAssertEqual(log["params"]?["message"], "rc-lsp/_fail failed: injected failure")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testTestHooksAreUnknownWithoutTheirEnvironmentSwitch() throws {
        let plain = try LSPProcess.start(environment: ["RC_LSP_TEST_HOOKS": "0"])
        try plain.initialize()
        XCTAssertEqual(try plain.request("rc-lsp/_fail")["error"]?["code"], .int(-32601))
        XCTAssertEqual(try plain.shutdownAndExit(), 0)
    }

    /// A request queued behind a busy worker is cancelled before it runs; a running one stops early.
    func testCancelRequestAnswersRequestCancelled() throws {
        try server.initialize()
        let busy = server.sendRequest("rc-lsp/_sleep", ["milliseconds": 400])
        let queued = server.sendRequest("rc-lsp/_sleep", ["milliseconds": 0])
        let kept = server.sendRequest("rc-lsp/_sleep", ["milliseconds": 0])
        server.sendNotification("$/cancelRequest", ["id": queued.json])
        XCTAssertEqual(try server.awaitResponse(queued)["error"], ["code": -32800, "message": "request cancelled"])
        XCTAssertEqual(try server.awaitResponse(busy)["result"], 400)
        XCTAssertEqual(try server.awaitResponse(kept)["result"], 0)

        let running = server.sendRequest("rc-lsp/_sleep", ["milliseconds": 3000])
        Thread.sleep(forTimeInterval: 0.1)
        server.sendNotification("$/cancelRequest", ["id": running.json])
        XCTAssertEqual(try server.awaitResponse(running, timeout: 2)["error"]?["code"], .int(-32800))
        server.sendNotification("$/cancelRequest", ["id": 12345])
        XCTAssertEqual(try server.request("rc-lsp/_sleep", ["milliseconds": 2])["result"], 2)
    }

    func testAfterShutdownRequestsAreInvalidAndExitIsZero() throws {
        try server.initialize()
        XCTAssertEqual(try server.request("shutdown"), ["jsonrpc": "2.0", "id": 2, "result": nil])
        XCTAssertEqual(try server.request("rc-lsp/_sleep", ["milliseconds": 0])["error"]?["code"], .int(-32600))
        XCTAssertEqual(try server.request("shutdown")["error"]?["code"], .int(-32600))
        server.sendNotification("exit")
        XCTAssertEqual(try server.waitForExit(), 0)
    }

    func testExitWithoutShutdownIsOne() throws {
        try server.initialize()
        server.sendNotification("exit")
        XCTAssertEqual(try server.waitForExit(), 1)
    }

    func testEndOfInputEndsTheServer() throws {
        try server.initialize()
        server.closeStdin()
        XCTAssertEqual(try server.waitForExit(), 1)
        let polite = try LSPProcess.start()
        try polite.initialize()
        _ = try polite.request("shutdown")
        polite.closeStdin()
        XCTAssertEqual(try polite.waitForExit(), 0)
    }

    /// The client closes its end of the server's stdout: the next write fails with EPIPE, and the server
    /// exits quietly instead of dying of SIGPIPE (which would be 141).
    func testAVanishedClientEndsTheServerQuietly() throws {
        let client = try LSPProcess.start()
        try client.initialize()
        client.closeStdoutForTesting()
        for _ in 0..<200 where !client.hasExited {
            client.sendRequest("rc-lsp/_sleep", ["milliseconds": 0])
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertEqual(try client.waitForExit(), 1)
    }

    func testFramingAcrossWrites() throws {
        // No workspace/configuration: the test client would answer the server's pull in the middle of
        // the message it dribbles, which no real client does.
        try server.initialize(capabilities: ["general": ["positionEncodings": ["utf-16"]]])
        let a = #"{"jsonrpc":"2.0","id":"a","method":"rc-lsp/_sleep","params":{"milliseconds":1}}"#
        let b = #"{"jsonrpc":"2.0","id":"b","method":"rc-lsp/_sleep","params":{"milliseconds":2}}"#
        let c = #"{"jsonrpc":"2.0","id":"c","method":"rc-lsp/_sleep","params":{"milliseconds":3}}"#
        // Two messages in one write, one of them with Content-Type and a lower-case header name.
        server.sendRaw(MessageFraming.frame(Array(a.utf8))
                       + Array("content-length: \(b.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\(b)".utf8))
        // One message dribbled over several writes.
        let wire = MessageFraming.frame(Array(c.utf8))
        for chunk in stride(from: 0, to: wire.count, by: 7) {
            server.sendRaw(Array(wire[chunk..<min(chunk + 7, wire.count)]))
            Thread.sleep(forTimeInterval: 0.002)
        }
        XCTAssertEqual(try server.awaitResponse(.string("a"))["result"], 1)
        XCTAssertEqual(try server.awaitResponse(.string("b"))["result"], 2)
        XCTAssertEqual(try server.awaitResponse(.string("c"))["result"], 3)
    }

    func testServeRejectsUnknownOptions() throws {
        let bad = try LSPProcess.start(arguments: ["--stdio", "--tcp"])
        XCTAssertEqual(try bad.waitForExit(), 2)
        XCTAssertTrue(bad.stderrText.contains("unknown option '--tcp'"), bad.stderrText)
        let stdio = try LSPProcess.start(arguments: ["--stdio"])
        try stdio.initialize()
        XCTAssertEqual(try stdio.shutdownAndExit(), 0)
    }

    func testLogsGoToStderr() throws {
        try server.initialize()
        XCTAssertEqual(try server.shutdownAndExit(), 0)
        XCTAssertTrue(server.stderrText.contains("rc-lsp [info] rc-lsp \(CommandLineInterface.version) serving LSPProcess 1, positions in utf-16"),
                      server.stderrText)
    }
}
