import LSPTransport
import XCTest

/// Document synchronisation through the binary: what the server holds after each notification, read back
/// with the `rc-lsp/_documentState` test hook.
final class DocumentSyncTests: XCTestCase {
    private let uri = "file:///tmp/sync.py"
    private var server: LSPProcess!

    override func setUpWithError() throws {
        server = try LSPProcess.start()
    }

    override func tearDown() {
        if let server { XCTAssertEqual(server.protocolViolations, []) }
        server = nil
    }

    private func state() throws -> JSONValue {
        try server.result(of: "rc-lsp/_documentState", ["textDocument": ["uri": .string(uri)]])
    }

    private func change(_ version: Int, _ changes: [JSONValue]) {
        server.sendNotification("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)],
                                                           "contentChanges": .array(changes)])
    }

    private func edit(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) -> JSONValue {
        ["range": ["start": ["line": .int(l1), "character": .int(c1)], "end": ["line": .int(l2), "character": .int(c2)]],
         "text": .string(text)]
    }

    func testOpenChangeSaveCloseInUTF16() throws {
        try server.initialize()
        server.sendNotification("textDocument/didOpen", ["textDocument": [
            "uri": .string(uri), "languageId": "python", "version": 1, "text": "s = \"😀\"\r\nt = s\rdel s\n"]])
        XCTAssertEqual(try state(), ["uri": .string(uri), "languageId": "python", "version": 1,
                                     "text": "s = \"😀\"\r\nt = s\rdel s\n", "lineCount": 4])
        // After the emoji (2 UTF-16 units at 5..<7), and past the end of line 1 (clamped before the CR).
        change(2, [edit(0, 7, 0, 7, "!"), edit(1, 40, 1, 99, " + s")])
        XCTAssertEqual(try state()["text"], "s = \"😀!\"\r\nt = s + s\rdel s\n")
        XCTAssertEqual(try state()["version"], 2)
        change(3, [["text": "x = []\n"], edit(1, 0, 1, 0, "y = x\n")])
        XCTAssertEqual(try state()["text"], "x = []\ny = x\n")
        XCTAssertEqual(try state()["version"], 3)
        server.sendNotification("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        XCTAssertEqual(try state()["text"], "x = []\ny = x\n")
        server.sendNotification("textDocument/didSave", ["textDocument": ["uri": .string(uri)], "text": "x = 1\n"])
        XCTAssertEqual(try state()["text"], "x = 1\n")
        XCTAssertEqual(try state()["version"], 3)
        server.sendNotification("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        XCTAssertEqual(try state(), .null)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testEditsUseTheNegotiatedUTF8Encoding() throws {
        try server.initialize(capabilities: ["general": ["positionEncodings": ["utf-8", "utf-16"]]])
        server.sendNotification("textDocument/didOpen", ["textDocument": [
            "uri": .string(uri), "languageId": "python", "version": 1, "text": "é = '中'\n"]])
        change(2, [edit(0, 6, 0, 9, "文")])  // bytes: é 0..<2, " = '" 2..<6, 中 6..<9
        XCTAssertEqual(try state()["text"], "é = '文'\n")
    }

    func testNotificationsAboutDocumentsThatAreNotOpenAreLoggedNotFatal() throws {
        try server.initialize()
        change(2, [edit(0, 0, 0, 0, "x")])
        let warning = try server.awaitNotification("window/logMessage")
        XCTAssertEqual(warning["params"], ["type": 2, "message": .string("didChange ignored: document not open: \(uri)")])
        server.sendNotification("textDocument/didSave", ["textDocument": ["uri": .string(uri)], "text": "y"])
        server.sendNotification("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        server.sendNotification("textDocument/didOpen", ["textDocument": ["uri": 5]])
        XCTAssertEqual(try state(), .null)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testManyDocumentsAndALargeOne() throws {
        try server.initialize()
        let big = String(repeating: "items = [1, 2, 3]  # ünïcödé 😀\n", count: 10_000)
        server.sendNotification("textDocument/didOpen", ["textDocument": [
            "uri": .string(uri), "languageId": "python", "version": 1, "text": .string(big)]])
        for i in 0..<20 {
            server.sendNotification("textDocument/didOpen", ["textDocument": [
                "uri": .string("file:///tmp/doc\(i).py"), "languageId": "python", "version": 1, "text": .string("v = \(i)\n")]])
        }
        change(2, [edit(9_999, 0, 10_000, 0, "")])
        XCTAssertEqual(try state()["lineCount"], 10_000)
        XCTAssertEqual(try state()["text"]?.stringValue?.utf8.count, big.utf8.count - "items = [1, 2, 3]  # ünïcödé 😀\n".utf8.count)
        let other = try server.result(of: "rc-lsp/_documentState", ["textDocument": ["uri": "file:///tmp/doc7.py"]])
        XCTAssertEqual(other["text"], "v = 7\n")
    }
}
