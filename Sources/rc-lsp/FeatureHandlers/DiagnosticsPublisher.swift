import Analysis
import Foundation
import LSPTransport

/// Pushes cycle and syntax diagnostics: on open and save at once, after edits with a short debounce (when
/// `diagnostics.onChange` is on), and an empty list on close. Clients that pull diagnostics
/// (`textDocument/diagnostic`) get them by pull instead, never both.
final class DiagnosticsPublisher: ServerService, @unchecked Sendable {
    static let debounce: TimeInterval = 0.25
    private unowned let server: LanguageServer

    init(server: LanguageServer) { self.server = server }

    func documentEvent(_ event: DocumentEvent) {
        switch event {
        case .opened(let d), .saved(let d):
            publish(d)
        case .changed(let d):
            guard server.service(SettingsService.self).settings.diagnosticsOnChange else { return }
            server.schedule(after: Self.debounce) { [weak self] in self?.publishIfCurrent(d) }
        case .closed(let uri):
            server.service(AnalysisService.self).forget(uri)
            if !pulls { server.send(PublishDiagnosticsNotification(uri: uri, diagnostics: [])) }
        }
    }

    /// Publishes after the debounce, unless a newer version arrived meanwhile (it has its own timer).
    private func publishIfCurrent(_ d: Document) {
        guard let current = server.documents[d.uri], current.version == d.version else { return }
        publish(current)
    }

    /// True when the client pulls diagnostics itself.
    var pulls: Bool { server.clientCapabilities.supportsPullDiagnostics }

    func publish(_ document: Document) {
        guard !pulls else { return }
        let snapshot = server.service(AnalysisService.self).snapshot(document)
        let items = DiagnosticsBuilder.diagnostics(snapshot, settings: server.service(SettingsService.self).settings,
                                                   encoding: server.positionEncoding)
        server.send(PublishDiagnosticsNotification(uri: document.uri, version: document.version, diagnostics: items))
    }

    /// Publishes again for every open document (after a settings change).
    func republishAll() {
        for uri in server.documents.openURIs {
            if let d = server.documents[uri] { publish(d) }
        }
    }
}

/// Forwards document events to the server's `DiagnosticsPublisher`.
final class DiagnosticsObserver: DocumentObserver {
    private unowned let server: LanguageServer
    init(server: LanguageServer) { self.server = server }
    func documentEvent(_ event: DocumentEvent) { server.service(DiagnosticsPublisher.self).documentEvent(event) }
}

/// Presented diagnostics → LSP `Diagnostic`s, source "rc-lsp".
enum DiagnosticsBuilder {
    static func diagnostics(_ snapshot: AnalysisService.Snapshot, settings: Settings,
                            encoding: PositionEncoding) -> [Diagnostic] {
        CycleDiagnostics.diagnostics(snapshot.result, settings: settings).map { d in
            Diagnostic(
                range: snapshot.lspRange(d.range, encoding),
                severity: Diagnostic.Severity(rawValue: d.severity.rawValue),
                code: d.code.map { .string($0) },
                source: "rc-lsp",
                message: d.message,
                relatedInformation: d.related.isEmpty ? nil : d.related.map {
                    DiagnosticRelatedInformation(location: snapshot.location($0.range, encoding), message: $0.message)
                })
        }
    }
}
