import LSPTransport

/// How a feature plugs into the server. Adding a request = one type conforming to `RequestHandler` in
/// `Handlers/` + one line in `HandlerRegistry`. Handlers run on the worker thread, one at a time, in the
/// order messages arrived; they see documents exactly as edited up to that point.

/// Answers one request type.
protocol RequestHandler {
    associatedtype Request: LSPRequest
    /// Adds this handler's provider to the capabilities announced in the `initialize` answer.
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities)
    /// Returns the answer or throws a `ResponseError` (any other error becomes InternalError).
    /// A request about a document that is not open answers an empty result, not an error.
    static func handle(_ request: Request, in context: HandlerContext) throws -> Request.Response
}

extension RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {}
}

/// Reacts to one notification type.
protocol NotificationHandler {
    associatedtype Notification: LSPNotification
    static func handle(_ notification: Notification, server: LanguageServer) throws
}

/// Follows the documents: told after each open, change, save and close, once the store holds the new
/// state. Made once per server (it may keep state: caches, debounce timers), called on the worker thread.
protocol DocumentObserver: AnyObject {
    init(server: LanguageServer)
    func documentEvent(_ event: DocumentEvent)
}

/// What a request handler works with.
struct HandlerContext {
    let server: LanguageServer
    let request: RequestContext

    var documents: DocumentStore { server.documents }
    var encoding: PositionEncoding { server.positionEncoding }
    /// True once the client cancelled this request: return early (the answer will be RequestCancelled).
    var isCancelled: Bool { request.isCancelled }

    /// The open document at `uri`, nil when it is not open (answer empty, don't fail).
    func document(_ uri: DocumentURI) -> Document? { server.documents[uri] }
}
