/// `textDocument/didOpen`: the editor now owns the document's content; here is all of it.
public struct DidOpenTextDocumentNotification: LSPNotification {
    public static let method = "textDocument/didOpen"
    public var textDocument: TextDocumentItem

    public init(textDocument: TextDocumentItem) { self.textDocument = textDocument }
    public init(json: JSONValue) throws { textDocument = try json.decode("textDocument") }
    public func encode(to json: inout JSONWriter) {
        json.beginObject(); json.key("textDocument"); textDocument.encode(to: &json); json.endObject()
    }
}
