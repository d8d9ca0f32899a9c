import Foundation
import LSPTransport

/// The rc-lsp server: owns the connection, the documents and what the client told us at `initialize`
/// (capabilities, settings, position encoding), and installs the handlers of `HandlerRegistry`.
/// State is read and written on the worker thread (inside handlers); `connection` may be used from anywhere.
final class LanguageServer: @unchecked Sendable {
    let connection: Connection
    let documents = DocumentStore()
    private let dispatcher = Dispatcher()
    private var observers: [any DocumentObserver] = []
    private var services: [ObjectIdentifier: AnyObject] = [:]
    private let servicesLock = NSLock()

    /// Filled by `initialize`.
    private(set) var clientCapabilities = ClientCapabilities()
    /// The client's settings as sent in `initialize` (features read their settings here).
    private(set) var initializationOptions: JSONValue?
    private(set) var clientInfo: InitializeRequest.ClientInfo?
    private(set) var positionEncoding: PositionEncoding = .utf16

    /// `observers` defaults to the registry's; tests pass their own.
    init(input: Int32 = 0, output: Int32 = 1, logger: Logger = .shared,
         observers observerTypes: [any DocumentObserver.Type] = HandlerRegistry.documentObservers) {
        connection = Connection(input: input, output: output, logger: logger)
        for handler in HandlerRegistry.requests { install(handler) }
        for handler in HandlerRegistry.notifications { install(handler) }
        observers = observerTypes.map { $0.init(server: self) }
    }

    /// Serves until `exit` or end of input; returns the process exit code.
    func run() -> Int32 { connection.run(dispatcher) }

    private func install<H: RequestHandler>(_ handler: H.Type) {
        dispatcher.register(H.Request.self) { [unowned self] request, context in
            try H.handle(request, in: HandlerContext(server: self, request: context))
        }
    }

    private func install<H: NotificationHandler>(_ handler: H.Type) {
        dispatcher.register(H.Notification.self) { [unowned self] notification in
            try H.handle(notification, server: self)
        }
    }

    // MARK: Initialize

    /// Records what the client said and returns the capabilities every registered handler announces.
    func configure(from request: InitializeRequest) -> ServerCapabilities {
        clientCapabilities = request.capabilities
        initializationOptions = request.initializationOptions
        clientInfo = request.clientInfo
        positionEncoding = PositionEncoding.negotiate(offered: request.capabilities.positionEncodings)
        documents.encoding = positionEncoding
        var capabilities = ServerCapabilities(positionEncoding: positionEncoding)
        for handler in HandlerRegistry.requests { handler.announce(in: &capabilities, client: clientCapabilities) }
        return capabilities
    }

    // MARK: Documents

    /// Tells every observer; called by the document handlers after the store changed.
    func notifyObservers(_ event: DocumentEvent) {
        for observer in observers { observer.documentEvent(event) }
    }

    // MARK: Services

    /// One shared instance of `T` per server, made on first use (an analysis cache, the settings).
    func service<T: ServerService>(_ type: T.Type) -> T {
        servicesLock.lock()
        defer { servicesLock.unlock() }
        if let existing = services[ObjectIdentifier(type)] as? T { return existing }
        let made = T(server: self)
        services[ObjectIdentifier(type)] = made
        return made
    }

    // MARK: Talking to the client

    /// Sends a notification (publishDiagnostics, logMessage, ...) at once; callable from any thread.
    func send<N: LSPNotification>(_ notification: N) { connection.send(notification) }

    /// Sends a request to the client; `completion` runs on the worker thread, after earlier messages.
    func sendRequest<R: LSPRequest>(_ request: R, completion: @escaping @Sendable (Result<R.Response, ResponseError>) -> Void) {
        connection.sendRequest(request) { [connection] result in
            connection.enqueue { completion(result) }
        }
    }

    /// Runs `work` on the worker thread after `seconds` (debouncing: check there that it is still wanted).
    func schedule(after seconds: Double, _ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [connection] in connection.enqueue(work) }
    }

    /// Logs to stderr, and to the client's log (`window/logMessage`) for warnings and errors.
    func log(_ level: Logger.Level, _ message: String) {
        connection.logger.log(level, message)
        switch level {
        case .error: send(LogMessageNotification(type: .error, message: message))
        case .warning: send(LogMessageNotification(type: .warning, message: message))
        case .info, .debug: break
        }
    }
}

/// Per-server shared state a feature keeps (made lazily by `LanguageServer.service`).
protocol ServerService: AnyObject {
    init(server: LanguageServer)
}
