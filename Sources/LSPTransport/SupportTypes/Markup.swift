/// Text for humans with its format: hover contents, tooltips.
public struct MarkupContent: Hashable, Sendable, JSONCodable {
    public static let plaintext = "plaintext"
    public static let markdown = "markdown"

    /// `MarkupContent.plaintext` or `MarkupContent.markdown`.
    public var kind: String
    public var value: String

    public init(kind: String, value: String) { self.kind = kind; self.value = value }
    public init(json: JSONValue) throws {
        kind = try json.decode("kind")
        value = try json.decode("value")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("kind"); json.string(kind)
        json.key("value"); json.string(value)
        json.endObject()
    }
}

/// A tooltip: LSP allows a plain string or markup.
public enum Tooltip: Hashable, Sendable, JSONCodable {
    case string(String)
    case markup(MarkupContent)

    public init(json: JSONValue) throws {
        if case .string(let s) = json { self = .string(s) } else { self = .markup(try MarkupContent(json: json)) }
    }
    public func encode(to json: inout JSONWriter) {
        switch self {
        case .string(let s): json.string(s)
        case .markup(let m): m.encode(to: &json)
        }
    }
}
