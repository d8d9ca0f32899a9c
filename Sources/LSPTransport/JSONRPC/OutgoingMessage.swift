/// Encodes the messages the server writes: responses, error responses, notifications and its own requests.
/// Each function returns the message framed for the wire (`Content-Length` header + JSON body). They are
/// inlinable so that the caller's module specializes them for its result type.
public enum OutgoingMessage {
    @inlinable
    public static func response(id: RequestID?, result: some JSONEncodable) -> FramedMessage {
        var w = JSONWriter.forMessage(reservingCapacity: 128)
        w.beginObject()
        w.key("jsonrpc"); w.string("2.0")
        w.key("id"); if let id { id.encode(to: &w) } else { w.null() }
        w.key("result"); result.encode(to: &w)
        w.endObject()
        return FramedMessage(writer: w)
    }

    @inlinable
    public static func error(id: RequestID?, error: ResponseError) -> FramedMessage {
        var w = JSONWriter.forMessage(reservingCapacity: 128)
        w.beginObject()
        w.key("jsonrpc"); w.string("2.0")
        w.key("id"); if let id { id.encode(to: &w) } else { w.null() }
        w.key("error"); error.encode(to: &w)
        w.endObject()
        return FramedMessage(writer: w)
    }

    /// `params` nil: the member is left out (JSON-RPC forbids `"params": null`).
    @inlinable
    public static func notification<P: JSONEncodable>(method: String, params: P?) -> FramedMessage {
        var w = JSONWriter.forMessage(reservingCapacity: 128)
        w.beginObject()
        w.key("jsonrpc"); w.string("2.0")
        w.key("method"); w.string(method)
        w.field("params", params)
        w.endObject()
        return FramedMessage(writer: w)
    }

    @inlinable
    public static func request<P: JSONEncodable>(id: RequestID, method: String, params: P?) -> FramedMessage {
        var w = JSONWriter.forMessage(reservingCapacity: 128)
        w.beginObject()
        w.key("jsonrpc"); w.string("2.0")
        w.key("id"); id.encode(to: &w)
        w.key("method"); w.string(method)
        w.field("params", params)
        w.endObject()
        return FramedMessage(writer: w)
    }
}

/// One message ready for the wire: header and JSON body in one block, written without a copy.
public struct FramedMessage {
    @usableFromInline let writer: JSONWriter

    @inlinable
    init(writer: JSONWriter) { self.writer = writer }

    /// The framed bytes (a copy).
    public var bytes: [UInt8] { writer.framedBytes }

    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try writer.withFramedBytes(body)
    }
}
