import LSPTransport

/// One open document at one version: an immutable snapshot, safe to hand to a background analysis.
struct Document: Sendable {
    let uri: DocumentURI
    let languageId: String
    let version: Int
    let lines: LineIndex

    var text: String { lines.text }
}

/// What happened to a document, for the features that react to it (analysis, diagnostics).
enum DocumentEvent: Sendable {
    case opened(Document)
    case changed(Document)
    case saved(Document)
    case closed(DocumentURI)

    var uri: DocumentURI {
        switch self {
        case .opened(let d), .changed(let d), .saved(let d): return d.uri
        case .closed(let uri): return uri
        }
    }
}
