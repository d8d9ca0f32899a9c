/// Every message rc-lsp handles, in one place. A feature adds its handler type to the right list, e.g.
///
///     // Handlers/HoverHandler.swift
///     enum HoverHandler: RequestHandler {
///         static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
///             capabilities.hoverProvider = true
///         }
///         static func handle(_ request: HoverRequest, in context: HandlerContext) throws -> Hover? {
///             guard let document = context.document(request.textDocument.uri) else { return nil }
///             let at = document.lines.sourcePosition(of: request.position, in: context.encoding)
///             ...
///         }
///     }
///
/// plus `HoverHandler.self,` in `requests` below. Notifications (`workspace/didChangeConfiguration`) go in
/// `notifications`; features that follow the documents (analysis, diagnostics) go in `documentObservers`.
enum HandlerRegistry {
    static var requests: [any RequestHandler.Type] { [
        InitializeHandler.self,
        ShutdownHandler.self,
        InlayHintHandler.self,
        InlayHintResolveHandler.self,
        HoverHandler.self,
        DefinitionHandler.self,
        ReferencesHandler.self,
        DocumentHighlightHandler.self,
        DocumentDiagnosticHandler.self,
    ] + (TestHooks.enabled ? TestHooks.requestHandlers : []) }

    static var notifications: [any NotificationHandler.Type] { [
        InitializedHandler.self,
        DidOpenHandler.self,
        DidChangeHandler.self,
        DidSaveHandler.self,
        DidCloseHandler.self,
        DidChangeConfigurationHandler.self,
    ] }

    static var documentObservers: [any DocumentObserver.Type] { [
        DiagnosticsObserver.self,
    ] }
}
