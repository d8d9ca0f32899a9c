import LSPTransport

/// `initialized`: pulls the "rc-lsp" settings section when the client offers `workspace/configuration`
/// (clients that keep settings in their own configuration never put them in initializationOptions).
enum InitializedHandler: NotificationHandler {
    static func handle(_ notification: InitializedNotification, server: LanguageServer) throws {
        server.log(.debug, "client initialized")
        if server.clientCapabilities.supportsConfigurationPull { ConfigurationRefresh.pull(server) }
    }
}
