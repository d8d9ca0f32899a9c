import Foundation
import XCTest
@testable import LSPTransport

/// A request that exists only in these tests: it echoes its params.
private struct EchoRequest: LSPRequest {
    static let method = "test/echo"
    typealias Response = JSONValue
    var value: JSONValue
    init(json: JSONValue) throws { value = try json.decode("value") }
    func encode(to json: inout JSONWriter) { json.beginObject(); json.key("value"); value.encode(to: &json); json.endObject() }
}

private struct BlockRequest: LSPRequest {
    static let method = "test/block"
    typealias Response = String
    init(json: JSONValue) {}
    func encode(to json: inout JSONWriter) { json.beginObject(); json.endObject() }
}

private struct FailRequest: LSPRequest {
    static let method = "test/fail"
    typealias Response = String
    init(json: JSONValue) {}
    func encode(to json: inout JSONWriter) { json.beginObject(); json.endObject() }
}

private struct NoteNotification: LSPNotification {
    static let method = "test/note"
    var text: String
    init(text: String) { self.text = text }
    init(json: JSONValue) throws { text = try json.decode("text") }
    func encode(to json: inout JSONWriter) { json.beginObject(); json.key("text"); json.string(text); json.endObject() }
}

private struct NotesRequest: LSPRequest {
    static let method = "test/notes"
    typealias Response = [String]
    init(json: JSONValue) {}
    func encode(to json: inout JSONWriter) { json.beginObject(); json.endObject() }
}

private final class Notes: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []
    func append(_ t: String) { lock.lock(); texts.append(t); lock.unlock() }
    func all() -> [String] { lock.lock(); defer { lock.unlock() }; return texts }
}

private struct Oops: Error {}

final class DispatcherTests: XCTestCase {
    private let notes = Notes()
    private let gate = DispatchSemaphore(value: 0)
    private let started = DispatchSemaphore(value: 0)

    private func makeClient() -> PipeClient {
        let dispatcher = Dispatcher()
        dispatcher.register(InitializeRequest.self) { _, _ in
            InitializeResult(capabilities: ServerCapabilities(positionEncoding: .utf16), serverName: "t", serverVersion: nil)
        }
        dispatcher.register(EchoRequest.self) { request, _ in request.value }
        dispatcher.register(BlockRequest.self) { [gate, started] _, _ in
            started.signal()
            _ = gate.wait(timeout: .now() + 5)
            return "unblocked"
        }
        dispatcher.register(FailRequest.self) { _, _ in throw Oops() }
        dispatcher.register(NoteNotification.self) { [notes] note in notes.append(note.text) }
        dispatcher.register(NotesRequest.self) { [notes] _, _ in notes.all() }
        return PipeClient(dispatcher: dispatcher)
    }

    private func initialize(_ client: PipeClient) {
        client.send(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#)
        XCTAssertEqual(client.receive()?["result"]?["serverInfo"]?["name"], "t")
    }

    func testRequestIdsAreEchoedExactly() {
        let client = makeClient()
        initialize(client)
        client.send(#"{"jsonrpc":"2.0","id":"abc","method":"test/echo","params":{"value":[1,"two"]}}"#)
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "id": "abc", "result": [1, "two"]])
        client.send(#"{"jsonrpc":"2.0","id":-5,"method":"test/echo","params":{"value":null}}"#)
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "id": -5, "result": nil])
    }

    func testErrorCodes() {
        let client = makeClient()
        client.send(#"{"jsonrpc":"2.0","id":1,"method":"test/echo","params":{"value":1}}"#)
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32002))
        initialize(client)
        client.send(#"{"jsonrpc":"2.0","id":2,"method":"nope"}"#)
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32601))
        client.send(#"{"jsonrpc":"2.0","id":3,"method":"$/nope"}"#)
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32601))
        client.send(#"{"jsonrpc":"2.0","id":4,"method":"test/echo","params":{"other":1}}"#)
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32602))
        client.send(#"{"jsonrpc":"2.0","id":5,"method":"test/fail"}"#)
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "method": "window/logMessage",
                                          "params": ["type": 1, "message": "test/fail failed: Oops()"]])
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32603))
        client.send(#"{"jsonrpc":"2.0","id":6,"method":"#)
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "id": nil,
                                          "error": ["code": -32700, "message": "invalid JSON at byte 33: unexpected end of input"]])
        client.send(#"{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"capabilities":{}}}"#)
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32600))
        client.send(#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#)
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "id": 8, "result": nil])
        client.send(#"{"jsonrpc":"2.0","id":9,"method":"test/echo","params":{"value":1}}"#)
        XCTAssertEqual(client.receive()?["error"]?["code"], .int(-32600))
        client.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        XCTAssertEqual(client.waitForExit(), 0)
    }

    func testNotificationsRunInOrderAndAreDroppedBeforeInitialize() {
        let client = makeClient()
        client.send(#"{"jsonrpc":"2.0","method":"test/note","params":{"text":"early"}}"#)
        initialize(client)
        for i in 0..<50 { client.send(#"{"jsonrpc":"2.0","method":"test/note","params":{"text":"n\#(i)"}}"#) }
        client.send(#"{"jsonrpc":"2.0","method":"test/note","params":{"wrong":1}}"#)
        client.send(#"{"jsonrpc":"2.0","method":"unknown/note"}"#)
        client.send(#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#)
        client.send(#"{"jsonrpc":"2.0","id":1,"method":"test/notes"}"#)
        XCTAssertEqual(client.receive()?["result"], .array((0..<50).map { .string("n\($0)") }))
    }

    func testExitWithoutShutdownIsCodeOneAndEndOfInputToo() {
        let a = makeClient()
        a.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        XCTAssertEqual(a.waitForExit(), 1)
        let b = makeClient()
        initialize(b)
        b.closeInput()
        XCTAssertEqual(b.waitForExit(), 1)
    }

    /// `$/cancelRequest` overtakes the queue: while one request blocks the worker, a queued request is
    /// cancelled and answered RequestCancelled; the running one, cancelled too, also gets RequestCancelled.
    func testCancellationOvertakesQueuedWork() {
        let client = makeClient()
        initialize(client)
        client.send(#"{"jsonrpc":"2.0","id":10,"method":"test/block"}"#)
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success)
        client.send(#"{"jsonrpc":"2.0","id":11,"method":"test/echo","params":{"value":11}}"#)
        client.send(#"{"jsonrpc":"2.0","id":12,"method":"test/echo","params":{"value":12}}"#)
        client.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":11}}"#)
        client.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":10}}"#)
        client.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":999}}"#)
        // Give the reader time to apply the cancellations while the worker is still blocked.
        Thread.sleep(forTimeInterval: 0.2)
        gate.signal()
        XCTAssertEqual(client.receive()?["error"], ["code": -32800, "message": "request cancelled"])
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "id": 11, "error": ["code": -32800, "message": "request cancelled"]])
        XCTAssertEqual(client.receive(), ["jsonrpc": "2.0", "id": 12, "result": 12])
    }

    func testServerRequestsGetTheirAnswers() throws {
        let dispatcher = Dispatcher()
        let answered = DispatchSemaphore(value: 0)
        let box = AnswerBox()
        dispatcher.register(InitializeRequest.self) { _, context in
            context.connection.sendRequest(ConfigurationRequest(items: [.init(section: "rc-lsp")])) { result in
                box.set(result)
                answered.signal()
            }
            return InitializeResult(capabilities: ServerCapabilities(positionEncoding: .utf8), serverName: "t", serverVersion: "1")
        }
        let client = PipeClient(dispatcher: dispatcher)
        client.send(#"{"jsonrpc":"2.0","id":"i","method":"initialize","params":{"capabilities":{}}}"#)
        let request = try XCTUnwrap(client.receive())
        XCTAssertEqual(request, ["jsonrpc": "2.0", "id": 1, "method": "workspace/configuration",
                                 "params": ["items": [["section": "rc-lsp"]]]])
        XCTAssertEqual(client.receive()?["id"], "i")
        client.send(#"{"jsonrpc":"2.0","id":1,"result":[{"inlayHints":{"enabled":false}}]}"#)
        XCTAssertEqual(answered.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(try box.get()?.get(), [["inlayHints": ["enabled": false]]])
    }
}

private final class AnswerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<[JSONValue], ResponseError>?
    func set(_ v: Result<[JSONValue], ResponseError>) { lock.lock(); value = v; lock.unlock() }
    func get() -> Result<[JSONValue], ResponseError>? { lock.lock(); defer { lock.unlock() }; return value }
}
