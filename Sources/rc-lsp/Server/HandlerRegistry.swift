/// Every message rc-lsp handles, in one place. A feature adds its handler type to the right list.
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
