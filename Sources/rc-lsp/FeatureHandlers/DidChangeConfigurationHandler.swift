import LSPTransport

/// `workspace/didChangeConfiguration`: applies the settings sent, or pulls them with
/// `workspace/configuration` when the notification carries none; then refreshes hints and diagnostics so a
/// change takes effect at once.
enum DidChangeConfigurationHandler: NotificationHandler {
    static func handle(_ notification: DidChangeConfigurationNotification, server: LanguageServer) throws {
        let settings = server.service(SettingsService.self)
        let sent = notification.settings.objectValue.map { !$0.isEmpty } ?? false
        if sent {
            if settings.update(from: notification.settings) { ConfigurationRefresh.apply(server) }
        } else if server.clientCapabilities.supportsConfigurationPull {
            ConfigurationRefresh.pull(server)
        }
    }
}

enum ConfigurationRefresh {
    /// Asks the client for the "rc-lsp" section and applies it.
    static func pull(_ server: LanguageServer) {
        server.sendRequest(ConfigurationRequest(items: [.init(section: "rc-lsp")])) { [unowned server] result in
            guard case .success(let values) = result, let first = values.first else { return }
            if server.service(SettingsService.self).update(from: first) { apply(server) }
        }
    }

    /// Makes a settings change visible: hints refreshed (when the client can), diagnostics republished.
    static func apply(_ server: LanguageServer) {
        if server.clientCapabilities.supportsInlayHintRefresh {
            server.sendRequest(InlayHintRefreshRequest()) { _ in }
        }
        if server.clientCapabilities.supportsDiagnosticRefresh && server.clientCapabilities.supportsPullDiagnostics {
            server.sendRequest(DiagnosticRefreshRequest()) { _ in }
        }
        server.service(DiagnosticsPublisher.self).republishAll()
    }
}

