/// A JSON-RPC request id: an integer or a string, echoed back exactly as the client sent it.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    /// nil for any JSON value that is not a valid id (null, doubles, objects, ...).
    public init?(json: JSONValue) {
        switch json {
        case .int(let i): self = .int(i)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

extension RequestID: JSONEncodable {
    public func encode(to json: inout JSONWriter) {
        switch self {
        case .int(let i): json.int(i)
        case .string(let s): json.string(s)
        }
    }
}

extension RequestID {
    /// The id as a JSON value, as it appears in a message.
    public var json: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        }
    }
}
