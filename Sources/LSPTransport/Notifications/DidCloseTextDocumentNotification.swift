/// `textDocument/didClose`: the editor let go of the document; its content is the file's again.
public struct DidCloseTextDocumentNotification: LSPNotification {
    public static let method = "textDocument/didClose"
    public var textDocument: TextDocumentIdentifier

    public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
    public init(json: JSONValue) throws { textDocument = try json.decode("textDocument") }
    public func encode(to json: inout JSONWriter) {
        json.beginObject(); json.key("textDocument"); textDocument.encode(to: &json); json.endObject()
    }
}
