/// The answer to a pull-diagnostics request (`textDocument/diagnostic`): the full list, or "unchanged since
/// the result the client already has".
public enum DocumentDiagnosticReport: Equatable, Sendable, JSONCodable {
    case full(resultId: String?, items: [Diagnostic])
    case unchanged(resultId: String)

    public init(json: JSONValue) throws {
        switch try json.decode("kind", as: String.self) {
        case "full": self = .full(resultId: try json.decodeIfPresent("resultId"), items: try json.decode("items"))
        case "unchanged": self = .unchanged(resultId: try json.decode("resultId"))
        default: throw JSONDecodingError(path: "kind", "expected \"full\" or \"unchanged\"")
        }
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        switch self {
        case .full(let resultId, let items):
            json.key("kind"); json.string("full")
            json.field("resultId", resultId)
            json.key("items"); items.encode(to: &json)
        case .unchanged(let resultId):
            json.key("kind"); json.string("unchanged")
            json.key("resultId"); json.string(resultId)
        }
        json.endObject()
    }
}
