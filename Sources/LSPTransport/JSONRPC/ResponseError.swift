/// The error a request is answered with: a JSON-RPC code, a message for humans, optional data. Handlers
/// throw it; anything else they throw becomes InternalError.
public struct ResponseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(message) (\(code))" }

    // JSON-RPC 2.0
    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    // LSP 3.17
    public static let serverNotInitializedCode = -32002
    public static let unknownErrorCode = -32001
    public static let requestFailedCode = -32803
    public static let serverCancelledCode = -32802
    public static let contentModifiedCode = -32801
    public static let requestCancelledCode = -32800

    public static func parseError(_ message: String) -> ResponseError { .init(code: parseErrorCode, message: message) }
    public static func invalidRequest(_ message: String) -> ResponseError { .init(code: invalidRequestCode, message: message) }
    public static func methodNotFound(_ method: String) -> ResponseError {
        .init(code: methodNotFoundCode, message: "method not found: \(method)")
    }
    public static func invalidParams(_ message: String) -> ResponseError { .init(code: invalidParamsCode, message: message) }
    public static func internalError(_ message: String) -> ResponseError { .init(code: internalErrorCode, message: message) }
    public static let serverNotInitialized = ResponseError(code: serverNotInitializedCode, message: "server not initialized")
    public static let requestCancelled = ResponseError(code: requestCancelledCode, message: "request cancelled")
    public static func requestFailed(_ message: String) -> ResponseError { .init(code: requestFailedCode, message: message) }
    public static let contentModified = ResponseError(code: contentModifiedCode, message: "content modified")
}

extension ResponseError: JSONCodable {
    public init(json: JSONValue) throws {
        code = try json.decode("code")
        message = try json.decodeIfPresent("message") ?? ""
        data = json["data"]
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.field("code", code)
        json.field("message", message)
        json.field("data", data)
        json.endObject()
    }
}
