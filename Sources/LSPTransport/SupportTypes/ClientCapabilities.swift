/// What the client said it can do, kept whole as JSON (the spec's tree is large and features need only a
/// few leaves), with accessors for the leaves rc-lsp reads. A missing leaf reads as "not supported".
public struct ClientCapabilities: Sendable, JSONCodable {
    public var raw: JSONValue

    public init(raw: JSONValue = .object(JSONObject())) { self.raw = raw }
    public init(json: JSONValue) throws {
        guard case .object = json else { throw JSONDecodingError("expected an object") }
        raw = json
    }
    public func encode(to json: inout JSONWriter) { raw.encode(to: &json) }

    /// The value at a dotted path such as `"textDocument.hover.contentFormat"`.
    public func value(at path: String) -> JSONValue? {
        var current: JSONValue? = raw
        for key in path.split(separator: ".") { current = current?[String(key)] }
        return current
    }

    public func flag(_ path: String) -> Bool { value(at: path)?.boolValue ?? false }

    /// `general.positionEncodings`, nil when absent.
    public var positionEncodings: [String]? { value(at: "general.positionEncodings")?.arrayValue?.compactMap(\.stringValue) }
    /// `textDocument.hover.contentFormat` (most preferred first); plaintext when absent.
    public var hoverContentFormats: [String] {
        value(at: "textDocument.hover.contentFormat")?.arrayValue?.compactMap(\.stringValue) ?? [MarkupContent.plaintext]
    }
    public var supportsInlayHintRefresh: Bool { flag("workspace.inlayHint.refreshSupport") }
    public var supportsInlayHintResolve: Bool {
        value(at: "textDocument.inlayHint.resolveSupport.properties")?.arrayValue?.isEmpty == false
    }
    public var supportsConfigurationPull: Bool { flag("workspace.configuration") }
    public var supportsPullDiagnostics: Bool { value(at: "textDocument.diagnostic") != nil }
    public var supportsDiagnosticRelatedInformation: Bool { flag("textDocument.publishDiagnostics.relatedInformation") }
    public var supportsDiagnosticRefresh: Bool { flag("workspace.diagnostics.refreshSupport") }
}
