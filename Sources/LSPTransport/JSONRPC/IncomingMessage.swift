/// One JSON-RPC 2.0 message as it arrived, classified. `parse` never throws: a value that is not a message
/// becomes `.invalid` carrying the error to answer with (and the id, when one could be read).
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    case response(id: RequestID, result: Result<JSONValue, ResponseError>)
    /// Not a message: answer `error` to `id` (null when unknown).
    case invalid(id: RequestID?, error: ResponseError)

    public static func parse(_ value: JSONValue) -> IncomingMessage {
        guard case .object(let o) = value else {
            return .invalid(id: nil, error: .invalidRequest("a JSON-RPC message must be an object"))
        }
        let rawID = o["id"]
        let id = rawID.flatMap(RequestID.init(json:))
        guard o["jsonrpc"] == .string("2.0") else {
            return .invalid(id: id, error: .invalidRequest("missing or wrong \"jsonrpc\": \"2.0\""))
        }
        if let rawID, id == nil, !(rawID.isNull && o["method"] == nil) {
            return .invalid(id: nil, error: .invalidRequest("an id must be an integer or a string"))
        }
        if let method = o["method"] {
            guard case .string(let name) = method else {
                return .invalid(id: id, error: .invalidRequest("\"method\" must be a string"))
            }
            // `"params": null` means no params: Eglot sends it with `shutdown` and `exit`.
            let raw = o["params"]
            let params: JSONValue? = (raw?.isNull ?? true) ? .none : raw
            if let params {
                switch params {
                case .object, .array: break
                default: return .invalid(id: id, error: .invalidRequest("\"params\" must be an object or an array"))
                }
            }
            if let id { return .request(id: id, method: name, params: params) }
            return .notification(method: name, params: params)
        }
        // A response to a request the server sent.
        if let result = o["result"], let id {
            return .response(id: id, result: .success(result))
        }
        if let error = o["error"] {
            guard let id else {
                return .invalid(id: nil, error: .invalidRequest("error response without a usable id"))
            }
            let decoded = (try? ResponseError(json: error)) ?? .internalError("malformed error response")
            return .response(id: id, result: .failure(decoded))
        }
        return .invalid(id: id, error: .invalidRequest("neither a request, a notification nor a response"))
    }
}
