/// `textDocument/documentHighlight`: every range in the document that refers to the same thing as the position.
public struct DocumentHighlightRequest: LSPRequest, Hashable {
    public static let method = "textDocument/documentHighlight"
    public typealias Response = [DocumentHighlight]?

    public var textDocument: TextDocumentIdentifier
    public var position: Position

    public init(textDocument: TextDocumentIdentifier, position: Position) {
        self.textDocument = textDocument; self.position = position
    }
    public init(json: JSONValue) throws {
        let params = try TextDocumentPositionParams(json: json)
        self.init(textDocument: params.textDocument, position: params.position)
    }
    public func encode(to json: inout JSONWriter) {
        TextDocumentPositionParams(textDocument: textDocument, position: position).encode(to: &json)
    }
}
