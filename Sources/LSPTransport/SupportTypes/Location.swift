/// A document URI as the client sent it (compared as text, never rewritten).
public typealias DocumentURI = String

/// A range in a given document (definition and reference answers, related information).
public struct Location: Hashable, Sendable {
    public var uri: DocumentURI
    public var range: LSPRange

    public init(uri: DocumentURI, range: LSPRange) {
        self.uri = uri
        self.range = range
    }
}

extension Location: JSONCodable {
    public init(json: JSONValue) throws {
        uri = try json.decode("uri")
        range = try json.decode("range")
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("uri"); json.string(uri)
        json.key("range"); range.encode(to: &json)
        json.endObject()
    }
}
