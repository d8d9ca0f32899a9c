/// `inlayHint/resolve`: the client hands back a hint (with its `data`) to have its tooltip filled in.
public struct InlayHintResolveRequest: LSPRequest, Equatable {
    public static let method = "inlayHint/resolve"
    public typealias Response = InlayHint

    public var hint: InlayHint

    public init(hint: InlayHint) { self.hint = hint }
    public init(json: JSONValue) throws { hint = try InlayHint(json: json) }
    public func encode(to json: inout JSONWriter) { hint.encode(to: &json) }
}
