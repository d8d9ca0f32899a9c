/// stdio JSON-RPC 2.0 and LSP 3.17 types. Knows nothing about Python. PLACEHOLDER until the transport lands.
public enum LSPTransportInfo {
    public static let lspVersion = "3.17"
}
