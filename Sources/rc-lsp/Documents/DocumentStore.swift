import LSPTransport

/// The documents the editor has open, at the version it last sent. Edits are applied in the order they
/// arrive; positions in them use the negotiated encoding. Used on the server's worker thread only.
final class DocumentStore {
    enum StoreError: Error, Equatable, CustomStringConvertible {
        case notOpen(DocumentURI)
        var description: String {
            switch self {
            case .notOpen(let uri): return "document not open: \(uri)"
            }
        }
    }

    private var documents: [DocumentURI: Document] = [:]
    var encoding: PositionEncoding

    init(encoding: PositionEncoding = .utf16) { self.encoding = encoding }

    subscript(uri: DocumentURI) -> Document? { documents[uri] }
    var openURIs: [DocumentURI] { documents.keys.sorted() }

    @discardableResult
    func open(_ item: TextDocumentItem) -> Document {
        let document = Document(uri: item.uri, languageId: item.languageId, version: item.version,
                                lines: LineIndex(item.text))
        documents[item.uri] = document
        return document
    }

    /// Applies `changes` in order and moves the document to `version`.
    @discardableResult
    func change(_ id: VersionedTextDocumentIdentifier, _ changes: [TextDocumentContentChangeEvent]) throws -> Document {
        guard let current = documents[id.uri] else { throw StoreError.notOpen(id.uri) }
        var lines = current.lines
        for change in changes {
            if let range = change.range {
                lines = lines.replacing(lines.utf8Range(of: range, in: encoding), with: change.text)
            } else {
                lines = LineIndex(change.text)
            }
        }
        let document = Document(uri: id.uri, languageId: current.languageId, version: id.version, lines: lines)
        documents[id.uri] = document
        return document
    }

    /// Records a save; `text`, when the client sent it, becomes the content (the version does not change).
    @discardableResult
    func save(_ uri: DocumentURI, text: String?) throws -> Document {
        guard let current = documents[uri] else { throw StoreError.notOpen(uri) }
        guard let text else { return current }
        let document = Document(uri: uri, languageId: current.languageId, version: current.version, lines: LineIndex(text))
        documents[uri] = document
        return document
    }

    @discardableResult
    func close(_ uri: DocumentURI) -> Bool {
        documents.removeValue(forKey: uri) != nil
    }
}
