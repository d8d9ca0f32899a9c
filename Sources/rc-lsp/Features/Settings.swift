/// What the user can switch, with the defaults the README documents. Read from `initializationOptions`,
/// `workspace/didChangeConfiguration` and `workspace/configuration` (section "rc-lsp").
struct Settings: Equatable, Sendable {
    var inlayHintsEnabled = true
    /// Show hints for shared objects (small ints, constants, None) and classes, which are never counted.
    var showInterned = false
    /// Show `freed` when a statement drops an object's last reference.
    var showFreed = true
    /// Hint labels longer than this are cut with "…".
    var maxLength = 60
    /// Publish diagnostics after edits (debounced), not only on open and save.
    var diagnosticsOnChange = true
    /// Publish reference-cycle diagnostics at all.
    var diagnosticsCycles = true
}
