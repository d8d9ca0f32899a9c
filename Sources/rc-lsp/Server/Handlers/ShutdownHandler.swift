import LSPTransport

/// `shutdown`: answered null; the dispatcher then refuses every request until `exit`.
enum ShutdownHandler: RequestHandler {
    static func handle(_ request: ShutdownRequest, in context: HandlerContext) throws -> VoidResult {
        context.server.log(.info, "shutdown requested")
        return VoidResult()
    }
}
