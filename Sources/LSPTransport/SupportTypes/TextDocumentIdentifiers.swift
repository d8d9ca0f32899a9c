/// The ways LSP names a document: by URI, by URI and version, or with its whole content (didOpen).

public struct TextDocumentIdentifier: Hashable, Sendable, JSONCodable {
    public var uri: DocumentURI
    public init(uri: DocumentURI) { self.uri = uri }
    public init(json: JSONValue) throws { uri = try json.decode("uri") }
    public func encode(to json: inout JSONWriter) {
        json.beginObject(); json.key("uri"); json.string(uri); json.endObject()
    }
}

public struct VersionedTextDocumentIdentifier: Hashable, Sendable, JSONCodable {
    public var uri: DocumentURI
    public var version: Int
    public init(uri: DocumentURI, version: Int) { self.uri = uri; self.version = version }
    public init(json: JSONValue) throws {
        uri = try json.decode("uri")
        version = try json.decode("version")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("uri"); json.string(uri)
        json.key("version"); json.int(version)
        json.endObject()
    }
}

public struct TextDocumentItem: Hashable, Sendable, JSONCodable {
    public var uri: DocumentURI
    public var languageId: String
    public var version: Int
    public var text: String
    public init(uri: DocumentURI, languageId: String, version: Int, text: String) {
        self.uri = uri; self.languageId = languageId; self.version = version; self.text = text
    }
    public init(json: JSONValue) throws {
        uri = try json.decode("uri")
        languageId = try json.decode("languageId")
        version = try json.decode("version")
        text = try json.decode("text")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("uri"); json.string(uri)
        json.key("languageId"); json.string(languageId)
        json.key("version"); json.int(version)
        json.key("text"); json.string(text)
        json.endObject()
    }
}

/// One edit of `didChange`: `range` set → replace that range; no range → the whole new text.
public struct TextDocumentContentChangeEvent: Hashable, Sendable, JSONCodable {
    public var range: LSPRange?
    /// Deprecated by LSP and ignored: the range alone says what is replaced.
    public var rangeLength: Int?
    public var text: String
    public init(range: LSPRange? = nil, rangeLength: Int? = nil, text: String) {
        self.range = range; self.rangeLength = rangeLength; self.text = text
    }
    public init(json: JSONValue) throws {
        range = try json.decodeIfPresent("range")
        rangeLength = try json.decodeIfPresent("rangeLength")
        text = try json.decode("text")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.field("range", range)
        json.field("rangeLength", rangeLength)
        json.key("text"); json.string(text)
        json.endObject()
    }
}
