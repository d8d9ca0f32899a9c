import LSPTransport

/// `initialize`: records the client's capabilities and settings, negotiates the position encoding and
/// answers with rc-lsp's name, version and capabilities.
enum InitializeHandler: RequestHandler {
    static func handle(_ request: InitializeRequest, in context: HandlerContext) throws -> InitializeResult {
        let capabilities = context.server.configure(from: request)
        let client = request.clientInfo.map { "\($0.name) \($0.version ?? "")" } ?? "an unnamed client"
        context.server.log(.info, "rc-lsp \(CommandLineInterface.version) serving \(client), positions in \(capabilities.positionEncoding.rawValue)")
        return InitializeResult(capabilities: capabilities, serverName: "rc-lsp", serverVersion: CommandLineInterface.version)
    }
}
