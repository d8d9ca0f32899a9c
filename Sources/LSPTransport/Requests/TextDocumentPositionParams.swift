/// The params shared by requests about one position in one document (hover, definition, highlight).
public struct TextDocumentPositionParams: Hashable, Sendable, JSONCodable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position

    public init(textDocument: TextDocumentIdentifier, position: Position) {
        self.textDocument = textDocument; self.position = position
    }
    public init(json: JSONValue) throws {
        textDocument = try json.decode("textDocument")
        position = try json.decode("position")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("textDocument"); textDocument.encode(to: &json)
        json.key("position"); position.encode(to: &json)
        json.endObject()
    }
}
