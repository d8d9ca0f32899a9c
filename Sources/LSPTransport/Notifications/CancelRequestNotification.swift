/// `$/cancelRequest`: the client no longer wants the answer to request `id`. Applied by the connection's
/// reader as soon as it arrives, ahead of queued work; the request is answered RequestCancelled.
public struct CancelRequestNotification: LSPNotification {
    public static let method = "$/cancelRequest"
    public var id: RequestID

    public init(id: RequestID) { self.id = id }
    public init(json: JSONValue) throws {
        guard let raw = json["id"], let id = RequestID(json: raw) else { throw JSONDecodingError(path: "id", "expected an id") }
        self.id = id
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject(); json.key("id"); id.encode(to: &json); json.endObject()
    }
}
