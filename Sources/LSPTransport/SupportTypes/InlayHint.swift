/// An inline annotation the editor draws at a position (`textDocument/inlayHint`, `inlayHint/resolve`).
public struct InlayHint: Equatable, Sendable, JSONCodable {
    public enum Kind: Int, Sendable { case type = 1, parameter = 2 }

    /// A plain label, or parts that may each carry a tooltip and a location.
    public enum Label: Hashable, Sendable, JSONCodable {
        case string(String)
        case parts([InlayHintLabelPart])

        public init(json: JSONValue) throws {
            if case .string(let s) = json { self = .string(s) } else { self = .parts(try [InlayHintLabelPart](json: json)) }
        }
        public func encode(to json: inout JSONWriter) {
            switch self {
            case .string(let s): json.string(s)
            case .parts(let parts): parts.encode(to: &json)
            }
        }
    }

    public var position: Position
    public var label: Label
    public var kind: Kind?
    public var tooltip: Tooltip?
    public var paddingLeft: Bool?
    public var paddingRight: Bool?
    /// Kept by the client and sent back in `inlayHint/resolve`.
    public var data: JSONValue?

    public init(position: Position, label: Label, kind: Kind? = nil, tooltip: Tooltip? = nil,
                paddingLeft: Bool? = nil, paddingRight: Bool? = nil, data: JSONValue? = nil) {
        self.position = position; self.label = label; self.kind = kind; self.tooltip = tooltip
        self.paddingLeft = paddingLeft; self.paddingRight = paddingRight; self.data = data
    }

    public init(json: JSONValue) throws {
        position = try json.decode("position")
        label = try json.decode("label")
        kind = try json.decodeIfPresent("kind", as: Int.self).flatMap(Kind.init(rawValue:))
        tooltip = try json.decodeIfPresent("tooltip")
        paddingLeft = try json.decodeIfPresent("paddingLeft")
        paddingRight = try json.decodeIfPresent("paddingRight")
        data = json["data"]
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("position"); position.encode(to: &json)
        json.key("label"); label.encode(to: &json)
        json.field("kind", kind?.rawValue)
        json.field("tooltip", tooltip)
        json.field("paddingLeft", paddingLeft)
        json.field("paddingRight", paddingRight)
        json.field("data", data)
        json.endObject()
    }
}

public struct InlayHintLabelPart: Hashable, Sendable, JSONCodable {
    public var value: String
    public var tooltip: Tooltip?
    public var location: Location?

    public init(value: String, tooltip: Tooltip? = nil, location: Location? = nil) {
        self.value = value; self.tooltip = tooltip; self.location = location
    }
    public init(json: JSONValue) throws {
        value = try json.decode("value")
        tooltip = try json.decodeIfPresent("tooltip")
        location = try json.decodeIfPresent("location")
    }
    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("value"); json.string(value)
        json.field("tooltip", tooltip)
        json.field("location", location)
        json.endObject()
    }
}
