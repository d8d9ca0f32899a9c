/// `workspace/configuration` (server → client): fetch settings sections; the answer has one value per item.
public struct ConfigurationRequest: LSPRequest {
    public static let method = "workspace/configuration"
    public typealias Response = [JSONValue]

    public struct Item: Hashable, Sendable {
        public var scopeUri: DocumentURI?
        public var section: String?
        public init(scopeUri: DocumentURI? = nil, section: String? = nil) { self.scopeUri = scopeUri; self.section = section }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }
    public init(json: JSONValue) throws {
        guard let array = json["items"]?.arrayValue else { throw JSONDecodingError(path: "items", "expected an array") }
        items = try array.map { Item(scopeUri: try $0.decodeIfPresent("scopeUri"), section: try $0.decodeIfPresent("section")) }
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("items"); json.beginArray()
        for item in items {
            json.beginObject()
            json.field("scopeUri", item.scopeUri)
            json.field("section", item.section)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
