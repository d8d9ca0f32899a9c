/// `textDocument/didChange`: edits to apply in order, bringing the document to `textDocument.version`.
public struct DidChangeTextDocumentNotification: LSPNotification {
    public static let method = "textDocument/didChange"
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]

    public init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
        self.textDocument = textDocument; self.contentChanges = contentChanges
    }
    public init(json: JSONValue) throws {
        textDocument = try json.decode("textDocument")
        contentChanges = try json.decode("contentChanges")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("textDocument"); textDocument.encode(to: &json)
        json.key("contentChanges"); contentChanges.encode(to: &json)
        json.endObject()
    }
}
