/// `textDocument/definition`: where the symbol at a position is defined (for rc-lsp: the allocation site of the object a name points to).
public struct DefinitionRequest: LSPRequest, Hashable {
    public static let method = "textDocument/definition"
    public typealias Response = [Location]?

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
