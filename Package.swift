// swift-tools-version:6.0
// rc-lsp: a language server that shows CPython reference counts while you type.
// No package dependencies by design: the toolchain's Foundation and XCTest only.
import PackageDescription

let package = Package(
    name: "rc-lsp",
    products: [
        .executable(name: "rc-lsp", targets: ["rc-lsp"]),
    ],
    targets: [
        // stdio JSON-RPC 2.0 + LSP 3.17 types. Knows nothing about Python.
        .target(name: "LSPTransport"),
        // Python front end + abstract interpreter. Knows nothing about LSP.
        .target(name: "Analysis", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // The product: documents, handlers, command line.
        .executableTarget(name: "rc-lsp", dependencies: ["LSPTransport", "Analysis"]),
        .testTarget(name: "LSPTransportTests", dependencies: ["LSPTransport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "RcLspTests", dependencies: ["rc-lsp", "LSPTransport", "Analysis"]),
    ],
    swiftLanguageModes: [.v6]
)
