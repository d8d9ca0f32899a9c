/// `textDocument/inlayHint`: the hints inside a range of a document.
public struct InlayHintRequest: LSPRequest, Hashable {
    public static let method = "textDocument/inlayHint"
    public typealias Response = [InlayHint]?

    public var textDocument: TextDocumentIdentifier
    public var range: LSPRange

    public init(textDocument: TextDocumentIdentifier, range: LSPRange) {
        self.textDocument = textDocument; self.range = range
    }
    public init(json: JSONValue) throws {
        textDocument = try json.decode("textDocument")
        range = try json.decode("range")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("textDocument"); textDocument.encode(to: &json)
        json.key("range"); range.encode(to: &json)
        json.endObject()
    }
}
