import LSPTransport

/// `textDocument/diagnostic`: the same diagnostics, pulled. Announced only to clients that pull.
enum DocumentDiagnosticHandler: RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        guard client.supportsPullDiagnostics else { return }
        var options = JSONObject()
        options["identifier"] = .string("rc-lsp")
        options["interFileDependencies"] = .bool(false)
        options["workspaceDiagnostics"] = .bool(false)
        capabilities.diagnosticProvider = .object(options)
    }

    static func handle(_ request: DocumentDiagnosticRequest, in context: HandlerContext) throws -> DocumentDiagnosticReport {
        guard let snapshot = context.analysis(request.textDocument.uri) else { return .full(resultId: nil, items: []) }
        let resultId = "\(snapshot.document.version)"
        let items = DiagnosticsBuilder.diagnostics(snapshot, settings: context.settings, encoding: context.encoding)
        return .full(resultId: resultId, items: items)
    }
}
