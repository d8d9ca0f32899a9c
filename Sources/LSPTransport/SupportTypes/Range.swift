/// A span of a text document between two LSP positions, end exclusive.
public struct LSPRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}

extension LSPRange: JSONCodable {
    public init(json: JSONValue) throws {
        start = try json.decode("start")
        end = try json.decode("end")
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("start"); start.encode(to: &json)
        json.key("end"); end.encode(to: &json)
        json.endObject()
    }
}
