/// `shutdown`: the client asks the server to get ready to exit; answered null. After it only `exit` counts.
public struct ShutdownRequest: LSPRequest {
    public static let method = "shutdown"
    public static let hasParams = false
    public typealias Response = VoidResult
    public init() {}
    public init(json: JSONValue) {}
    public func encode(to json: inout JSONWriter) { json.null() }
}
