/// `textDocument/publishDiagnostics` (server → client): the full current list for one document; an empty
/// list clears it.
public struct PublishDiagnosticsNotification: LSPNotification {
    public static let method = "textDocument/publishDiagnostics"
    public var uri: DocumentURI
    public var version: Int?
    public var diagnostics: [Diagnostic]

    public init(uri: DocumentURI, version: Int? = nil, diagnostics: [Diagnostic]) {
        self.uri = uri; self.version = version; self.diagnostics = diagnostics
    }
    public init(json: JSONValue) throws {
        uri = try json.decode("uri")
        version = try json.decodeIfPresent("version")
        diagnostics = try json.decode("diagnostics")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("uri"); json.string(uri)
        json.field("version", version)
        json.key("diagnostics"); diagnostics.encode(to: &json)
        json.endObject()
    }
}
