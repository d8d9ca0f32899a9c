/// `textDocument/didSave`: the document was saved; `text` is its content when the server asked for it.
public struct DidSaveTextDocumentNotification: LSPNotification {
    public static let method = "textDocument/didSave"
    public var textDocument: TextDocumentIdentifier
    public var text: String?

    public init(textDocument: TextDocumentIdentifier, text: String? = nil) { self.textDocument = textDocument; self.text = text }
    public init(json: JSONValue) throws {
        textDocument = try json.decode("textDocument")
        text = try json.decodeIfPresent("text")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("textDocument"); textDocument.encode(to: &json)
        json.field("text", text)
        json.endObject()
    }
}
