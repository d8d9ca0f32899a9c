/// `workspace/inlayHint/refresh` (server → client): ask the editor to request its inlay hints again.
public struct InlayHintRefreshRequest: LSPRequest {
    public static let method = "workspace/inlayHint/refresh"
    public static let hasParams = false
    public typealias Response = VoidResult
    public init() {}
    public init(json: JSONValue) {}
    public func encode(to json: inout JSONWriter) { json.null() }
}
