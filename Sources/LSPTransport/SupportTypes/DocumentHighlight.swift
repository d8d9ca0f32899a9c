/// A range to highlight because it refers to the same thing as the cursor (`textDocument/documentHighlight`).
public struct DocumentHighlight: Hashable, Sendable, JSONCodable {
    public enum Kind: Int, Sendable { case text = 1, read = 2, write = 3 }

    public var range: LSPRange
    public var kind: Kind?

    public init(range: LSPRange, kind: Kind? = nil) { self.range = range; self.kind = kind }
    public init(json: JSONValue) throws {
        range = try json.decode("range")
        kind = try json.decodeIfPresent("kind", as: Int.self).flatMap(Kind.init(rawValue:))
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("range"); range.encode(to: &json)
        json.field("kind", kind?.rawValue)
        json.endObject()
    }
}
