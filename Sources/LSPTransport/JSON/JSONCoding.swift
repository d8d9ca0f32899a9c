/// How typed values cross the wire: they write themselves into a `JSONWriter` and read themselves from a
/// `JSONValue`. Decoding failures name the path of the offending member; the dispatcher turns them into
/// InvalidParams.

public protocol JSONEncodable {
    func encode(to json: inout JSONWriter)
}

public protocol JSONDecodable {
    init(json: JSONValue) throws
}

public typealias JSONCodable = JSONEncodable & JSONDecodable

/// A value that does not have the shape a type expects.
public struct JSONDecodingError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String = "", _ reason: String) { self.path = path; self.reason = reason }
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    func nested(in key: String) -> JSONDecodingError {
        JSONDecodingError(path: path.isEmpty ? key : "\(key).\(path)", reason)
    }
}

extension JSONValue {
    /// The required member `key`, decoded as `T`.
    public func decode<T: JSONDecodable>(_ key: String, as type: T.Type = T.self) throws -> T {
        guard case .object(let o) = self else { throw JSONDecodingError("expected an object") }
        guard let member = o[key] else { throw JSONDecodingError(path: key, "missing") }
        do { return try T(json: member) } catch let e as JSONDecodingError { throw e.nested(in: key) }
    }

    /// The optional member `key`, decoded as `T`; nil when it is missing or null.
    public func decodeIfPresent<T: JSONDecodable>(_ key: String, as type: T.Type = T.self) throws -> T? {
        guard case .object(let o) = self else { throw JSONDecodingError("expected an object") }
        guard let member = o[key], !member.isNull else { return nil }
        do { return try T(json: member) } catch let e as JSONDecodingError { throw e.nested(in: key) }
    }
}

extension JSONValue: JSONCodable {
    public init(json: JSONValue) { self = json }

    public func encode(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let b): json.bool(b)
        case .int(let i): json.int(i)
        case .double(let d): json.double(d)
        case .string(let s): json.string(s)
        case .array(let a):
            json.beginArray()
            for element in a { element.encode(to: &json) }
            json.endArray()
        case .object(let o):
            json.beginObject()
            for (k, v) in o.members { json.key(k); v.encode(to: &json) }
            json.endObject()
        }
    }
}

extension Int: JSONCodable {
    public init(json: JSONValue) throws {
        switch json {
        case .int(let i): self = i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: self = Int(d)
        default: throw JSONDecodingError("expected an integer")
        }
    }
    public func encode(to json: inout JSONWriter) { json.int(self) }
}

extension Double: JSONCodable {
    public init(json: JSONValue) throws {
        guard let d = json.doubleValue else { throw JSONDecodingError("expected a number") }
        self = d
    }
    public func encode(to json: inout JSONWriter) { json.double(self) }
}

extension Bool: JSONCodable {
    public init(json: JSONValue) throws {
        guard case .bool(let b) = json else { throw JSONDecodingError("expected a boolean") }
        self = b
    }
    public func encode(to json: inout JSONWriter) { json.bool(self) }
}

extension String: JSONCodable {
    public init(json: JSONValue) throws {
        guard case .string(let s) = json else { throw JSONDecodingError("expected a string") }
        self = s
    }
    public func encode(to json: inout JSONWriter) { json.string(self) }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    /// Inlinable so that a response of thousands of elements is specialized for its element type in the
    /// module that sends it (unspecialized generic iteration costs more than the encoding itself).
    @inlinable
    public func encode(to json: inout JSONWriter) {
        json.beginArray()
        for element in self { element.encode(to: &json) }
        json.endArray()
    }
}

extension Array: JSONDecodable where Element: JSONDecodable {
    public init(json: JSONValue) throws {
        guard case .array(let a) = json else { throw JSONDecodingError("expected an array") }
        var result: [Element] = []
        result.reserveCapacity(a.count)
        for (i, element) in a.enumerated() {
            do { result.append(try Element(json: element)) } catch let e as JSONDecodingError { throw e.nested(in: "[\(i)]") }
        }
        self = result
    }
}

/// nil is written as `null` when an Optional is a value (a nullable result); `JSONWriter.field` omits nil members.
extension Optional: JSONEncodable where Wrapped: JSONEncodable {
    @inlinable
    public func encode(to json: inout JSONWriter) {
        if let self { self.encode(to: &json) } else { json.null() }
    }
}

extension Optional: JSONDecodable where Wrapped: JSONDecodable {
    public init(json: JSONValue) throws {
        self = json.isNull ? nil : try Wrapped(json: json)
    }
}

/// The result of a request whose answer is `null` (shutdown, the refresh requests).
public struct VoidResult: JSONCodable, Equatable, Sendable {
    public init() {}
    public init(json: JSONValue) {}
    public func encode(to json: inout JSONWriter) { json.null() }
}
