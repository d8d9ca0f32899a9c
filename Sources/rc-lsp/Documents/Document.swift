import LSPTransport

/// One open document at one version: an immutable snapshot, safe to hand to a background analysis.
struct Document: Sendable {
    let uri: DocumentURI
    let languageId: String
    let version: Int
    let lines: LineIndex
    /// The text as a String, made once per version (the analysis reads it; the index holds the bytes).
    let text: String

    init(uri: DocumentURI, languageId: String, version: Int, lines: LineIndex) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.lines = lines
        self.text = lines.text
    }
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
