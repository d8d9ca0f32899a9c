/// `workspace/didChangeConfiguration`: the user's settings changed (`settings` may be null when the client
/// expects the server to pull them with `workspace/configuration`).
public struct DidChangeConfigurationNotification: LSPNotification {
    public static let method = "workspace/didChangeConfiguration"
    public var settings: JSONValue

    public init(settings: JSONValue) { self.settings = settings }
    public init(json: JSONValue) throws {
        guard case .object = json else { throw JSONDecodingError("expected an object") }
        settings = json["settings"] ?? .null
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject(); json.key("settings"); settings.encode(to: &json); json.endObject()
    }
}
