import Foundation
import LSPTransport
import XCTest
@testable import rc_lsp

/// What a feature sees when it plugs into the server: document events in order with their text and
/// version, the ability to publish notifications, and requests to the client whose answers come back on
/// the worker thread.
final class DocumentObserverTests: XCTestCase {
    /// Publishes one diagnostic per event, saying what it saw; on save it also asks for configuration.
    final class EchoObserver: DocumentObserver {
        private let server: LanguageServer
        init(server: LanguageServer) { self.server = server }

        func documentEvent(_ event: DocumentEvent) {
            let summary: String
            switch event {
            case .opened(let d): summary = "opened v\(d.version) \(d.text.debugDescription)"
            case .changed(let d): summary = "changed v\(d.version) \(d.text.debugDescription)"
            case .saved(let d):
                summary = "saved v\(d.version) \(d.text.debugDescription)"
                server.sendRequest(ConfigurationRequest(items: [.init(section: "rc-lsp")])) { [server] result in
                    let answer = (try? result.get().description) ?? "error"
                    server.send(LogMessageNotification(type: .info, message: "configuration: \(answer)"))
                }
            case .closed(let uri):
                summary = "closed \(uri)"
                server.schedule(after: 0.05) { [server] in
                    server.send(LogMessageNotification(type: .info, message: "later, \(server.documents.openURIs.count) open"))
                }
            }
            let range = LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 1))
            server.send(PublishDiagnosticsNotification(uri: event.uri, diagnostics: [Diagnostic(range: range, message: summary)]))
        }
    }

    private func message(of notification: JSONValue?) -> JSONValue? {
        notification?["params"]?["diagnostics"]?.arrayValue?.first?["message"]
    }

    func testObserversSeeEveryEventInOrderAndCanTalkToTheClient() throws {
        let server = InProcessServer(observers: [EchoObserver.self])
        server.initialize()
        let uri: JSONValue = "file:///o.py"
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "python", "version": 1, "text": "a = []\n"]])
        XCTAssertEqual(message(of: server.receive()), "opened v1 \"a = []\\n\"")
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [
            ["range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 0]], "text": "b = a\n"]]])
        XCTAssertEqual(message(of: server.receive()), "changed v2 \"a = []\\nb = a\\n\"")
        server.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        // The observer asks for configuration first, then publishes.
        let configuration = try XCTUnwrap(server.receive())
        XCTAssertEqual(configuration["method"], "workspace/configuration")
        XCTAssertEqual(configuration["params"], ["items": [["section": "rc-lsp"]]])
        XCTAssertEqual(message(of: server.receive()), "saved v2 \"a = []\\nb = a\\n\"")
        server.send(["jsonrpc": "2.0", "id": configuration["id"] ?? nil, "result": [["inlayHints": ["enabled": true]]]])
        XCTAssertEqual(server.receive()?["params"]?["message"], #"configuration: [{"inlayHints":{"enabled":true}}]"#)
        server.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        XCTAssertEqual(message(of: server.receive()), "closed file:///o.py")
        XCTAssertEqual(server.receive()?["params"]?["message"], "later, 0 open")
    }
}
