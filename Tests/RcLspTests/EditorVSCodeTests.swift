// The VS Code extension cannot be built here (no npm registry), so its logic is run under Node with
// stand-ins for the `vscode` modules (editors/vscode/test/extension.test.js), and its manifest is checked
// against the server's own setting defaults.
import Foundation
import XCTest

final class EditorVSCodeTests: XCTestCase {
    /// package.json contributes exactly the server's settings plus `path` and `trace.server`, with the
    /// server's defaults, and activates on Python files.
    func testManifestContributesEveryServerSettingWithItsDefault() throws {
        let data = try Data(contentsOf: EditorTestPaths.file("editors/vscode/package.json"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        XCTAssertEqual(manifest.activationEvents, ["onLanguage:python"])
        XCTAssertEqual(manifest.main, "./extension.js")
        let p = manifest.contributes.configuration.properties
        XCTAssertEqual(Set(p.keys), [
            "rc-lsp.path", "rc-lsp.trace.server",
            "rc-lsp.inlayHints.enabled", "rc-lsp.inlayHints.showInterned", "rc-lsp.inlayHints.showFreed",
            "rc-lsp.inlayHints.maxLength", "rc-lsp.diagnostics.onChange", "rc-lsp.diagnostics.cycles",
        ])
        let d = ServerSettingsJSON.serverDefaults
        XCTAssertEqual(p["rc-lsp.inlayHints.enabled"]?.default, .bool(d.inlayHints.enabled))
        XCTAssertEqual(p["rc-lsp.inlayHints.showInterned"]?.default, .bool(d.inlayHints.showInterned))
        XCTAssertEqual(p["rc-lsp.inlayHints.showFreed"]?.default, .bool(d.inlayHints.showFreed))
        XCTAssertEqual(p["rc-lsp.inlayHints.maxLength"]?.default, .int(d.inlayHints.maxLength))
        XCTAssertEqual(p["rc-lsp.diagnostics.onChange"]?.default, .bool(d.diagnostics.onChange))
        XCTAssertEqual(p["rc-lsp.diagnostics.cycles"]?.default, .bool(d.diagnostics.cycles))
        XCTAssertEqual(p["rc-lsp.path"]?.default, .string(""))
    }

    /// extension.js under Node's test runner: start from PATH or `rc-lsp.path`, settings as
    /// initializationOptions, didChangeConfiguration on change, restart on a path change.
    func testExtensionLogicUnderNode() throws {
        guard let node = EditorTestPaths.onPath("node") else {
            throw XCTSkip("Node.js is not installed: the VS Code extension's logic test needs `node` on PATH")
        }
        let folder = EditorTestPaths.file("editors/vscode")
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("rc-lsp-vscode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let run = try runEditor(node, ["--test", "test/"], environment: ProcessInfo.processInfo.environment,
                                in: folder, logsIn: logs, deadline: 60)
        XCTAssertEqual(run.exitCode, 0, run.transcript)
        XCTAssertTrue(run.stdout.contains("# pass 5"), run.transcript)
        XCTAssertTrue(run.stdout.contains("# fail 0"), run.transcript)
    }
}

/// The parts of editors/vscode/package.json checked here.
private struct Manifest: Decodable {
    struct Contributes: Decodable { var configuration: Configuration }
    struct Configuration: Decodable { var properties: [String: Property] }
    struct Property: Decodable { var `default`: Value }
    enum Value: Decodable, Equatable {
        case bool(Bool), int(Int), string(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else { self = .string(try c.decode(String.self)) }
        }
    }
    var activationEvents: [String]
    var main: String
    var contributes: Contributes
}
