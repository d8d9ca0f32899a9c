/// `exit`: the server process ends (code 0 after `shutdown`, 1 otherwise). Handled by the dispatcher itself.
public struct ExitNotification: LSPNotification {
    public static let method = "exit"
    public static let hasParams = false
    public init() {}
    public init(json: JSONValue) {}
    public func encode(to json: inout JSONWriter) { json.null() }
}
