import Foundation
import LSPTransport

/// Requests that exist only when the environment sets `RC_LSP_TEST_HOOKS=1`, so the end-to-end tests can
/// reach paths no well-behaved request takes: a handler that fails unexpectedly (InternalError), one that
/// keeps the worker busy (so `$/cancelRequest` finds queued work deterministically), and a view of a
/// document as the store holds it (to check synchronisation through the binary). Without the variable they
/// are unknown methods (MethodNotFound), like any other.
enum TestHooks {
    static var enabled: Bool { ProcessInfo.processInfo.environment["RC_LSP_TEST_HOOKS"] == "1" }

    static var requestHandlers: [any RequestHandler.Type] {
        [FailHandler.self, SleepHandler.self, DocumentStateHandler.self]
    }
}

/// `rc-lsp/_fail`: throws a plain Swift error, as a buggy handler would.
struct FailRequest: LSPRequest {
    static let method = "rc-lsp/_fail"
    static let hasParams = false
    typealias Response = VoidResult
    init(json: JSONValue) {}
    func encode(to json: inout JSONWriter) { json.null() }
}

/// `rc-lsp/_sleep {"milliseconds": n}`: holds the worker for n ms (at most 5 s), then answers n.
struct SleepRequest: LSPRequest {
    static let method = "rc-lsp/_sleep"
    typealias Response = Int
    var milliseconds: Int
    init(json: JSONValue) throws { milliseconds = try json.decode("milliseconds") }
    func encode(to json: inout JSONWriter) { json.beginObject(); json.key("milliseconds"); json.int(milliseconds); json.endObject() }
}

/// `rc-lsp/_documentState {"textDocument": {"uri": ...}}`: the store's version and text, or null when the
/// document is not open.
struct DocumentStateRequest: LSPRequest {
    static let method = "rc-lsp/_documentState"
    typealias Response = JSONValue
    var textDocument: TextDocumentIdentifier
    init(json: JSONValue) throws { textDocument = try json.decode("textDocument") }
    func encode(to json: inout JSONWriter) { json.beginObject(); json.key("textDocument"); textDocument.encode(to: &json); json.endObject() }
}

private struct InjectedFailure: Error, CustomStringConvertible {
    var description: String { "injected failure" }
}

enum FailHandler: RequestHandler {
    static func handle(_ request: FailRequest, in context: HandlerContext) throws -> VoidResult { throw InjectedFailure() }
}

enum SleepHandler: RequestHandler {
    static func handle(_ request: SleepRequest, in context: HandlerContext) throws -> Int {
        let deadline = Date().addingTimeInterval(Double(min(max(request.milliseconds, 0), 5_000)) / 1000)
        while Date() < deadline {
            if context.isCancelled { throw ResponseError.requestCancelled }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return request.milliseconds
    }
}

enum DocumentStateHandler: RequestHandler {
    static func handle(_ request: DocumentStateRequest, in context: HandlerContext) throws -> JSONValue {
        guard let document = context.document(request.textDocument.uri) else { return .null }
        return ["uri": .string(document.uri), "languageId": .string(document.languageId),
                "version": .int(document.version), "text": .string(document.text),
                "lineCount": .int(document.lines.lineCount)]
    }
}
