/// `initialized`: the client got the `initialize` answer; the server may now send its own requests.
public struct InitializedNotification: LSPNotification {
    public static let method = "initialized"
    public init() {}
    public init(json: JSONValue) {}
    public func encode(to json: inout JSONWriter) { json.beginObject(); json.endObject() }
}
