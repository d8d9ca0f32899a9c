import Analysis
import LSPTransport

/// `textDocument/inlayHint`: one hint after each statement that binds, rebinds, stores or drops a
/// reference, inside the requested range. Label parts naming an object point at its allocation site; the
/// tooltip (Markdown) is sent at once, or filled by `inlayHint/resolve` when the client supports it.
enum InlayHintHandler: RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.inlayHintProvider = client.supportsInlayHintResolve ? ["resolveProvider": true] : true
    }

    static func handle(_ request: InlayHintRequest, in context: HandlerContext) throws -> [InlayHint]? {
        guard let snapshot = context.analysis(request.textDocument.uri) else { return [] }
        let encoding = context.encoding
        let wanted = snapshot.lines.sourceRange(of: request.range, in: encoding)
        let lazy = context.server.clientCapabilities.supportsInlayHintResolve
        let markup = context.server.clientCapabilities.hoverContentFormats.first == MarkupContent.markdown
        return InlayHintPresenter.hints(snapshot.result, source: snapshot.source, settings: context.settings,
                                        lines: wanted.line...max(wanted.line, wanted.endLine)).compactMap { hint in
            let position = snapshot.lines.position(of: hint.anchor, in: encoding)
            guard position.line >= request.range.start.line, position.line <= request.range.end.line else { return nil }
            return InlayHint(
                position: position,
                label: .parts(hint.parts.map { part in
                    InlayHintLabelPart(value: part.text, location: part.location.map { snapshot.location($0, encoding) })
                }),
                tooltip: lazy ? nil : tooltip(hint.tooltip, markdown: markup),
                paddingLeft: true,
                data: lazy ? ["uri": .string(snapshot.document.uri), "version": .int(snapshot.document.version),
                              "line": .int(hint.anchor.line), "column": .int(hint.anchor.utf8Column)] : nil)
        }
    }

    static func tooltip(_ markdown: String, markdown isMarkdown: Bool) -> Tooltip {
        isMarkdown ? .markup(MarkupContent(kind: MarkupContent.markdown, value: markdown)) : .string(Markup.plain(markdown))
    }
}

/// `inlayHint/resolve`: fills the tooltip of a hint sent without one. A hint from an older version comes
/// back unchanged.
enum InlayHintResolveHandler: RequestHandler {
    static func handle(_ request: InlayHintResolveRequest, in context: HandlerContext) throws -> InlayHint {
        var hint = request.hint
        guard let data = hint.data, let uri = data["uri"]?.stringValue, let line = data["line"]?.intValue,
              let column = data["column"]?.intValue, let snapshot = context.analysis(uri),
              data["version"]?.intValue == snapshot.document.version else { return hint }
        let anchor = SourcePosition(line: line, utf8Column: column)
        let markdown = context.server.clientCapabilities.hoverContentFormats.first == MarkupContent.markdown
        if let found = InlayHintPresenter.hints(snapshot.result, source: snapshot.source, settings: context.settings,
                                                lines: line...line).first(where: { $0.anchor == anchor }) {
            hint.tooltip = InlayHintHandler.tooltip(found.tooltip, markdown: markdown)
        }
        return hint
    }
}
