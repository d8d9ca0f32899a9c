/// Routes each incoming message to its handler, on the worker thread, in arrival order, and enforces the
/// LSP lifecycle and the JSON-RPC error rules:
/// - before `initialize`: requests → ServerNotInitialized, notifications dropped (`exit` excepted);
/// - after `shutdown`: requests → InvalidRequest, notifications dropped (`exit` excepted);
/// - `exit` (and end of input) ends with 0 after `shutdown`, 1 otherwise;
/// - unknown or `$/` requests → MethodNotFound; unknown or `$/` notifications → ignored;
/// - params a handler cannot decode → InvalidParams; a handler's unexpected error → InternalError.
/// Handlers are registered once, before `Connection.run`.
public final class Dispatcher: @unchecked Sendable {
    public enum State: Sendable { case uninitialized, initialized, shutDown }

    public private(set) var state: State = .uninitialized
    @usableFromInline typealias RequestBody = (JSONValue?, RequestContext) -> Result<FramedMessage, ResponseError>
    @usableFromInline typealias NotificationBody = (JSONValue?, Connection) -> Void
    // Internal, not private: the inlinable `register` methods (specialized in the server's module) fill them.
    @usableFromInline var requestHandlers: [String: RequestBody] = [:]
    @usableFromInline var notificationHandlers: [String: NotificationBody] = [:]

    public init() {}

    public var registeredRequestMethods: [String] { requestHandlers.keys.sorted() }
    public var registeredNotificationMethods: [String] { notificationHandlers.keys.sorted() }

    /// Registers the handler of request type `R`. `initialize` and `shutdown` take part in the lifecycle:
    /// the state changes when their handler succeeds.
    @inlinable
    public func register<R: LSPRequest>(_ type: R.Type, _ handler: @escaping (R, RequestContext) throws -> R.Response) {
        requestHandlers[R.method] = { params, context in
            let request: R
            do { request = try R(json: params ?? .null) } catch {
                return .failure(.invalidParams("invalid params for \(R.method): \(error)"))
            }
            do {
                let response = try handler(request, context)
                return .success(OutgoingMessage.response(id: context.id, result: response))
            } catch let error as ResponseError {
                return .failure(error)
            } catch {
                return .failure(.internalError("\(R.method) failed: \(error)"))
            }
        }
    }

    /// Registers the handler of notification type `N`. Errors are logged: notifications get no answer.
    @inlinable
    public func register<N: LSPNotification>(_ type: N.Type, _ handler: @escaping (N) throws -> Void) {
        notificationHandlers[N.method] = { params, connection in
            do {
                try handler(try N(json: params ?? .null))
            } catch {
                connection.logger.error("\(N.method) failed: \(error)")
            }
        }
    }

    /// Handles one item; returns the exit code when the server must stop.
    func process(_ item: Connection.WorkItem, on connection: Connection) -> Int32? {
        switch item {
        case .message(.request(let id, let method, let params)):
            handleRequest(id: id, method: method, params: params, connection: connection)
        case .message(.notification(let method, let params)):
            if method == "exit" { return exitCode }
            handleNotification(method: method, params: params, connection: connection)
        case .message(.response):
            break  // delivered by the reader thread
        case .message(.invalid(let id, let error)):
            connection.logger.warning("invalid message: \(error.message)")
            connection.replyError(id: id, error)
        case .parseError(let error):
            connection.logger.warning("unparsable message: \(error)")
            connection.replyError(id: nil, .parseError("\(error)"))
        case .framingError(let error):
            connection.logger.warning("malformed header skipped: \(error)")
        case .task(let work):
            work()
        case .endOfInput:
            connection.logger.info("end of input")
            return exitCode
        case .outputClosed:
            connection.logger.info("client gone (output closed)")
            return exitCode
        }
        return nil
    }

    private var exitCode: Int32 { state == .shutDown ? 0 : 1 }

    private func handleRequest(id: RequestID, method: String, params: JSONValue?, connection: Connection) {
        if connection.isCancelled(id) {
            connection.reply(to: id, .failure(.requestCancelled))
            return
        }
        switch state {
        case .uninitialized where method != "initialize":
            connection.reply(to: id, .failure(.serverNotInitialized))
            return
        case .initialized where method == "initialize":
            connection.reply(to: id, .failure(.invalidRequest("initialize may be sent only once")))
            return
        case .shutDown:
            connection.reply(to: id, .failure(.invalidRequest("the server is shut down: only exit is accepted")))
            return
        default:
            break
        }
        guard !method.hasPrefix("$/"), let handler = requestHandlers[method] else {
            if method == "shutdown" {
                state = .shutDown
                connection.reply(to: id, .success(OutgoingMessage.response(id: id, result: VoidResult())))
            } else {
                connection.reply(to: id, .failure(.methodNotFound(method)))
            }
            return
        }
        let result = handler(params, RequestContext(id: id, method: method, connection: connection))
        if case .success = result {
            if method == "initialize" { state = .initialized }
            if method == "shutdown" { state = .shutDown }
        }
        if case .failure(let error) = result, error.code == ResponseError.internalErrorCode {
            // A bug, not a bad request: worth a line in the editor's log as well as on stderr.
            connection.logger.error(error.message)
            connection.send(LogMessageNotification(type: .error, message: error.message))
        }
        connection.reply(to: id, result)
    }

    private func handleNotification(method: String, params: JSONValue?, connection: Connection) {
        guard state == .initialized else {
            connection.logger.debug("\(method) dropped: \(state == .shutDown ? "after shutdown" : "before initialize")")
            return
        }
        guard !method.hasPrefix("$/"), let handler = notificationHandlers[method] else {
            connection.logger.debug("notification \(method) ignored")
            return
        }
        handler(params, connection)
    }
}
