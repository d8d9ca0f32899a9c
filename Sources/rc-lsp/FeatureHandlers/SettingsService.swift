import Foundation
import LSPTransport

/// The user's settings, from `initializationOptions`, `workspace/didChangeConfiguration` and the
/// `workspace/configuration` pull. Accepts them nested (`{"inlayHints": {"enabled": false}}`), dotted
/// (`{"inlayHints.enabled": false}`), and either form inside an `"rc-lsp"` section.
final class SettingsService: ServerService, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Settings

    init(server: LanguageServer) {
        current = Settings().updated(from: server.initializationOptions)
    }

    var settings: Settings {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// Applies what the client sent; returns true when anything changed.
    @discardableResult
    func update(from json: JSONValue?) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let next = current.updated(from: json)
        defer { current = next }
        return next != current
    }
}

extension Settings {
    /// A copy with the values present in `json` applied; unknown keys and wrong types are ignored.
    func updated(from json: JSONValue?) -> Settings {
        guard var object = json?.objectValue else { return self }
        if let section = object["rc-lsp"]?.objectValue ?? object["rc_lsp"]?.objectValue { object = section }
        func leaf(_ group: String, _ key: String) -> JSONValue? {
            object["\(group).\(key)"] ?? object[group]?[key]
        }
        var s = self
        if let v = leaf("inlayHints", "enabled")?.boolValue { s.inlayHintsEnabled = v }
        if let v = leaf("inlayHints", "showInterned")?.boolValue { s.showInterned = v }
        if let v = leaf("inlayHints", "showFreed")?.boolValue { s.showFreed = v }
        if let v = leaf("inlayHints", "maxLength")?.intValue, v > 0 { s.maxLength = v }
        if let v = leaf("diagnostics", "onChange")?.boolValue { s.diagnosticsOnChange = v }
        if let v = leaf("diagnostics", "cycles")?.boolValue { s.diagnosticsCycles = v }
        return s
    }
}
