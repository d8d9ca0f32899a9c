/// `textDocument/diagnostic`: the client pulls a document's diagnostics.
public struct DocumentDiagnosticRequest: LSPRequest, Hashable {
    public static let method = "textDocument/diagnostic"
    public typealias Response = DocumentDiagnosticReport

    public var textDocument: TextDocumentIdentifier
    public var identifier: String?
    public var previousResultId: String?

    public init(textDocument: TextDocumentIdentifier, identifier: String? = nil, previousResultId: String? = nil) {
        self.textDocument = textDocument; self.identifier = identifier; self.previousResultId = previousResultId
    }
    public init(json: JSONValue) throws {
        textDocument = try json.decode("textDocument")
        identifier = try json.decodeIfPresent("identifier")
        previousResultId = try json.decodeIfPresent("previousResultId")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("textDocument"); textDocument.encode(to: &json)
        json.field("identifier", identifier)
        json.field("previousResultId", previousResultId)
        json.endObject()
    }
}
