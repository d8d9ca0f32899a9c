/// The unit `Position.character` counts, agreed at `initialize` (LSP 3.17 `PositionEncodingKind`).
public enum PositionEncoding: String, Hashable, Sendable, CaseIterable, JSONCodable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The server's choice from what the client offers: UTF-8 when offered (no conversion at all), else
    /// UTF-16 (every client supports it), else UTF-32 when it is the only thing offered.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        guard let offered, !offered.isEmpty else { return .utf16 }
        if offered.contains(utf8.rawValue) { return .utf8 }
        if offered.contains(utf16.rawValue) { return .utf16 }
        if offered.contains(utf32.rawValue) { return .utf32 }
        return .utf16
    }

    public init(json: JSONValue) throws {
        guard let s = json.stringValue, let e = PositionEncoding(rawValue: s) else {
            throw JSONDecodingError("unknown position encoding")
        }
        self = e
    }
    public func encode(to json: inout JSONWriter) { json.string(rawValue) }
}
