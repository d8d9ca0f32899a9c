/// What the server announces in its `initialize` answer. Feature handlers fill in their own provider.
public struct ServerCapabilities: Sendable, JSONEncodable {
    /// How documents are synchronised: open/close, incremental changes, save with text.
    public struct TextDocumentSyncOptions: Sendable, JSONEncodable {
        public enum Kind: Int, Sendable { case none = 0, full = 1, incremental = 2 }
        public var openClose = true
        public var change = Kind.incremental
        public var saveIncludesText = true

        public init() {}
        public func encode(to json: inout JSONWriter) {
            json.beginObject()
            json.key("openClose"); json.bool(openClose)
            json.key("change"); json.int(change.rawValue)
            json.key("save"); json.beginObject(); json.key("includeText"); json.bool(saveIncludesText); json.endObject()
            json.endObject()
        }
    }

    public var positionEncoding: PositionEncoding
    public var textDocumentSync = TextDocumentSyncOptions()
    /// `true` or an options object, as each feature needs; nil leaves the capability out.
    public var hoverProvider: JSONValue?
    public var definitionProvider: JSONValue?
    public var referencesProvider: JSONValue?
    public var documentHighlightProvider: JSONValue?
    public var inlayHintProvider: JSONValue?
    public var diagnosticProvider: JSONValue?
    public var experimental: JSONValue?

    public init(positionEncoding: PositionEncoding) { self.positionEncoding = positionEncoding }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("positionEncoding"); positionEncoding.encode(to: &json)
        json.key("textDocumentSync"); textDocumentSync.encode(to: &json)
        json.field("hoverProvider", hoverProvider)
        json.field("definitionProvider", definitionProvider)
        json.field("referencesProvider", referencesProvider)
        json.field("documentHighlightProvider", documentHighlightProvider)
        json.field("inlayHintProvider", inlayHintProvider)
        json.field("diagnosticProvider", diagnosticProvider)
        json.field("experimental", experimental)
        json.endObject()
    }
}

extension ServerCapabilities: JSONDecodable {
    /// Read back by clients and tests.
    public init(json: JSONValue) throws {
        positionEncoding = try json.decodeIfPresent("positionEncoding") ?? .utf16
        hoverProvider = json["hoverProvider"]
        definitionProvider = json["definitionProvider"]
        referencesProvider = json["referencesProvider"]
        documentHighlightProvider = json["documentHighlightProvider"]
        inlayHintProvider = json["inlayHintProvider"]
        diagnosticProvider = json["diagnosticProvider"]
        experimental = json["experimental"]
    }
}
