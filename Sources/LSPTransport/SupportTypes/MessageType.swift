/// Severity of `window/logMessage` and `window/showMessage`.
public enum MessageType: Int, Sendable, JSONCodable {
    case error = 1, warning = 2, info = 3, log = 4

    public init(json: JSONValue) throws {
        guard let v = json.intValue, let t = MessageType(rawValue: v) else { throw JSONDecodingError("unknown message type") }
        self = t
    }
    public func encode(to json: inout JSONWriter) { json.int(rawValue) }
}
