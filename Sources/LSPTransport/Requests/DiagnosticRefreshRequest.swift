/// `workspace/diagnostic/refresh` (server → client): ask the editor to pull diagnostics again.
public struct DiagnosticRefreshRequest: LSPRequest {
    public static let method = "workspace/diagnostic/refresh"
    public static let hasParams = false
    public typealias Response = VoidResult
    public init() {}
    public init(json: JSONValue) {}
    public func encode(to json: inout JSONWriter) { json.null() }
}
