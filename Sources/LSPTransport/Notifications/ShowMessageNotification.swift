/// `window/showMessage` (server → client): a message the editor shows to the user.
public struct ShowMessageNotification: LSPNotification {
    public static let method = "window/showMessage"
    public var type: MessageType
    public var message: String

    public init(type: MessageType, message: String) { self.type = type; self.message = message }
    public init(json: JSONValue) throws {
        type = try json.decode("type")
        message = try json.decode("message")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("type"); type.encode(to: &json)
        json.key("message"); json.string(message)
        json.endObject()
    }
}
