import Analysis
import LSPTransport

/// `textDocument/hover` on a name: the heap object it points to there, its allocation site, count and
/// holders, contents and cycle. Null on whitespace, keywords and comments (no name there).
enum HoverHandler: RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.hoverProvider = true
    }

    static func handle(_ request: HoverRequest, in context: HandlerContext) throws -> Hover? {
        guard let snapshot = context.analysis(request.textDocument.uri) else { return nil }
        let at = snapshot.lines.sourcePosition(of: request.position, in: context.encoding)
        guard let hover = HoverPresenter.hover(at: at, snapshot.result, source: snapshot.source) else { return nil }
        let markdown = context.server.clientCapabilities.hoverContentFormats.first == MarkupContent.markdown
        return Hover(contents: MarkupContent(kind: markdown ? MarkupContent.markdown : MarkupContent.plaintext,
                                             value: markdown ? hover.markdown : Markup.plain(hover.markdown)),
                     range: snapshot.lspRange(hover.range, context.encoding))
    }
}
