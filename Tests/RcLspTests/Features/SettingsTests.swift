import LSPTransport
import XCTest

/// Settings from initializationOptions, didChangeConfiguration and the configuration pull, taking effect
/// at once.
final class SettingsTests: XCTestCase {
    let source = "x = 10\na = [x]\ndel a\n"

    func testDefaults() throws {
        let s = try EditorSession(source)
        XCTAssertEqual(try s.hints(), ["1:7 rc 1", "2:5 freed"])
    }

    func testInitializationOptionsNestedOrDotted() throws {
        let s = try EditorSession(source, initializationOptions: [
            "inlayHints": ["showInterned": true], "inlayHints.showFreed": false])
        XCTAssertEqual(try s.hints(), ["0:6 interned", "1:7 rc 1"])
    }

    func testMaxLengthCutsLabels() throws {
        let s = try EditorSession("a = []\nb = []\ndel a, b\n", initializationOptions: ["inlayHints": ["maxLength": 8]])
        XCTAssertEqual(try s.hints(), ["0:6 rc 1", "1:6 rc 1", "2:8 a: free…"])
    }

    func testDidChangeConfigurationAppliesAtOnceAndRefreshes() throws {
        let s = try EditorSession(source)
        XCTAssertEqual(try s.hints().count, 2)
        s.server.sendNotification("workspace/didChangeConfiguration", ["settings": ["rc-lsp": ["inlayHints": ["enabled": false]]]])
        XCTAssertEqual(try s.hints(), [])
        XCTAssertTrue(s.server.serverRequests.contains { $0["method"] == "workspace/inlayHint/refresh" })
    }

    func testEmptyChangePullsTheConfiguration() throws {
        let s = try EditorSession("a = []\na.append(a)\n")
        XCTAssertEqual(try s.publishedDiagnostics().count, 1)
        s.server.serverRequestHandler = { method, _ in
            method == "workspace/configuration" ? [["diagnostics": ["cycles": false]]] : .null
        }
        s.server.sendNotification("workspace/didChangeConfiguration", ["settings": .null])
        XCTAssertEqual(try s.publishedDiagnostics(), [])
        XCTAssertTrue(s.server.serverRequests.contains { $0["method"] == "workspace/configuration" })
    }
}

extension SettingsTests {
    func testSettingsArePulledAtInitializedWhenTheClientOffersConfiguration() throws {
        let server = try LSPProcess.start()
        server.serverRequestHandler = { method, _ in
            method == "workspace/configuration" ? [["inlayHints": ["showFreed": false]]] : .null
        }
        try server.initialize()
        // The answer to the pull was written before anything below, so the server applies it first.
        try server.awaitAnsweredServerRequests(1)
        server.sendNotification("textDocument/didOpen", ["textDocument": [
            "uri": "file:///tmp/pull.py", "languageId": "python", "version": 1, "text": "a = []\ndel a\n"]])
        let params: JSONValue = ["textDocument": ["uri": "file:///tmp/pull.py"], "range": [
            "start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]]]
        let hints = try server.result(of: "textDocument/inlayHint", params).arrayValue ?? []
        XCTAssertEqual(hints.count, 1)
        XCTAssertEqual(server.serverRequests.first?["method"], "workspace/configuration")
        XCTAssertEqual(server.serverRequests.first?["params"]?["items"], [["section": "rc-lsp"]])
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}
