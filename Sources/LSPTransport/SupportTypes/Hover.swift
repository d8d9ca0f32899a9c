/// The answer to `textDocument/hover`.
public struct Hover: Hashable, Sendable, JSONCodable {
    public var contents: MarkupContent
    public var range: LSPRange?

    public init(contents: MarkupContent, range: LSPRange? = nil) { self.contents = contents; self.range = range }
    public init(json: JSONValue) throws {
        contents = try json.decode("contents")
        range = try json.decodeIfPresent("range")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("contents"); contents.encode(to: &json)
        json.field("range", range)
        json.endObject()
    }
}
