/// What a typed LSP message is: its method name and how its params and result cross the wire. One type per
/// request or notification (files under `Requests/` and `Notifications/`); the type itself is the params.

public protocol LSPRequest: JSONCodable, Sendable {
    associatedtype Response: JSONCodable & Sendable
    static var method: String { get }
    /// False for requests sent without params (`shutdown`, the refresh requests).
    static var hasParams: Bool { get }
}

public protocol LSPNotification: JSONCodable, Sendable {
    static var method: String { get }
    static var hasParams: Bool { get }
}

extension LSPRequest {
    public static var hasParams: Bool { true }
}

extension LSPNotification {
    public static var hasParams: Bool { true }
}
