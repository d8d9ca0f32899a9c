/// A problem or remark shown in the editor (`publishDiagnostics`, pull diagnostics).
public struct Diagnostic: Equatable, Sendable, JSONCodable {
    public enum Severity: Int, Sendable { case error = 1, warning = 2, information = 3, hint = 4 }
    public enum Tag: Int, Sendable { case unnecessary = 1, deprecated = 2 }

    public var range: LSPRange
    public var severity: Severity?
    /// An integer or a string.
    public var code: JSONValue?
    public var source: String?
    public var message: String
    public var tags: [Tag]?
    public var relatedInformation: [DiagnosticRelatedInformation]?
    public var data: JSONValue?

    public init(range: LSPRange, severity: Severity? = nil, code: JSONValue? = nil, source: String? = nil,
                message: String, tags: [Tag]? = nil, relatedInformation: [DiagnosticRelatedInformation]? = nil,
                data: JSONValue? = nil) {
        self.range = range; self.severity = severity; self.code = code; self.source = source
        self.message = message; self.tags = tags; self.relatedInformation = relatedInformation; self.data = data
    }

    public init(json: JSONValue) throws {
        range = try json.decode("range")
        severity = try json.decodeIfPresent("severity", as: Int.self).map { Severity(rawValue: $0) ?? .error }
        code = json["code"]
        source = try json.decodeIfPresent("source")
        message = try json.decode("message")
        tags = try json.decodeIfPresent("tags", as: [Int].self)?.compactMap(Tag.init(rawValue:))
        relatedInformation = try json.decodeIfPresent("relatedInformation")
        data = json["data"]
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("range"); range.encode(to: &json)
        json.field("severity", severity?.rawValue)
        json.field("code", code)
        json.field("source", source)
        json.key("message"); json.string(message)
        json.field("tags", tags?.map(\.rawValue))
        json.field("relatedInformation", relatedInformation)
        json.field("data", data)
        json.endObject()
    }
}

/// A place related to a diagnostic (for a cycle: where each of its edges was made).
public struct DiagnosticRelatedInformation: Hashable, Sendable, JSONCodable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) { self.location = location; self.message = message }
    public init(json: JSONValue) throws {
        location = try json.decode("location")
        message = try json.decode("message")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("location"); location.encode(to: &json)
        json.key("message"); json.string(message)
        json.endObject()
    }
}
