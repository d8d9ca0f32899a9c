/// stdio JSON-RPC 2.0 and LSP 3.17 types: framing on raw file descriptors, a JSON value type with its own
/// reader and writer, typed messages and the dispatcher. Knows nothing about Python or about rc-lsp's features.
public enum LSPTransportInfo {
    public static let lspVersion = "3.17"
}
