/// What a request handler may ask about the request it is answering, besides its params.
public struct RequestContext: Sendable {
    public let id: RequestID
    public let method: String
    public let connection: Connection

    /// True once the client sent `$/cancelRequest` for this request: stop early and throw
    /// `ResponseError.requestCancelled` (the answer is RequestCancelled whatever the handler returns).
    public var isCancelled: Bool { connection.isCancelled(id) }
}
