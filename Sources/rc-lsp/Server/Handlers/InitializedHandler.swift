import LSPTransport

/// `initialized`: nothing to do yet; features that pull settings or register capabilities start here.
enum InitializedHandler: NotificationHandler {
    static func handle(_ notification: InitializedNotification, server: LanguageServer) throws {
        server.log(.debug, "client initialized")
    }
}
