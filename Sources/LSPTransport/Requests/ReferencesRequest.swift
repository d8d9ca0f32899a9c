/// `textDocument/references`: every place that refers to the symbol at a position.
public struct ReferencesRequest: LSPRequest, Hashable {
    public static let method = "textDocument/references"
    public typealias Response = [Location]?

    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var includeDeclaration: Bool

    public init(textDocument: TextDocumentIdentifier, position: Position, includeDeclaration: Bool) {
        self.textDocument = textDocument; self.position = position; self.includeDeclaration = includeDeclaration
    }
    public init(json: JSONValue) throws {
        textDocument = try json.decode("textDocument")
        position = try json.decode("position")
        includeDeclaration = try json["context"]?.decodeIfPresent("includeDeclaration") ?? false
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("textDocument"); textDocument.encode(to: &json)
        json.key("position"); position.encode(to: &json)
        json.key("context"); json.beginObject(); json.key("includeDeclaration"); json.bool(includeDeclaration); json.endObject()
        json.endObject()
    }
}
