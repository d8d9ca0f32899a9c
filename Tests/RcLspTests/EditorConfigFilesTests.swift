// The setups no editor runs here (Helix, Sublime Text, Kate, Zed, lsp-mode): each file parses, starts
// `rc-lsp` for Python, and ships the server's own setting defaults. The real-editor tests cover Neovim and
// Eglot; this keeps the rest from drifting.
import Foundation
import XCTest

final class EditorConfigFilesTests: XCTestCase {
    func testHelixPutsRcLspFirstForItsOwnFeaturesOnly() throws {
        let config = try Self.decodeTOML(HelixConfig.self, "editors/helix/languages.toml")
        XCTAssertEqual(config.languageServer["rc-lsp"]?.command, "rc-lsp")
        XCTAssertEqual(config.languageServer["rc-lsp"]?.config, ServerSettingsJSON.serverDefaults)
        let python = try XCTUnwrap(config.language.first { $0.name == "python" })
        XCTAssertEqual(python.languageServers.first, .init(name: "rc-lsp", onlyFeatures: ["inlay-hints", "hover", "diagnostics"]),
                       "rc-lsp first (Helix takes hover and hints from the first server), only for its features")
        XCTAssertEqual(python.languageServers.dropFirst().map(\.name), ["pyright", "ruff"])
    }

    func testSublimeClientStartsRcLspForPythonWithTheDefaults() throws {
        let settings = try Self.decodeJSON(SublimeSettings.self, "editors/sublime/LSP.sublime-settings",
                                           droppingLineComments: true)
        XCTAssertTrue(settings.show_inlay_hints)
        let client = try XCTUnwrap(settings.clients["rc-lsp"])
        XCTAssertEqual(client.command, ["rc-lsp"])
        XCTAssertEqual(client.selector, "source.python")
        XCTAssertEqual(client.initializationOptions, ServerSettingsJSON.serverDefaults)
        XCTAssertEqual(client.settings["rc-lsp"], ServerSettingsJSON.serverDefaults)
    }

    func testKateServesPythonAloneOrBehindRass() throws {
        let alone = try Self.decodeJSON(KateSettings.self, "editors/kate/lspclient-settings.json")
        let python = try XCTUnwrap(alone.servers["python"])
        XCTAssertEqual(python.command, ["rc-lsp"])
        XCTAssertEqual(python.highlightingModeRegex, "^Python$")
        XCTAssertEqual(python.initializationOptions, ServerSettingsJSON.serverDefaults)
        XCTAssertEqual(python.settings["rc-lsp"], ServerSettingsJSON.serverDefaults)

        let shared = try Self.decodeJSON(KateSettings.self, "editors/kate/lspclient-settings-with-pylsp.json")
        let both = try XCTUnwrap(shared.servers["python"])
        XCTAssertEqual(both.command, ["rass", "--", "pylsp", "--", "rc-lsp"], "pylsp first: it keeps completion")
        XCTAssertEqual(both.settings["rc-lsp"], ServerSettingsJSON.serverDefaults)
    }

    func testZedExtensionRegistersRcLspForPython() throws {
        let manifest = try Self.decodeTOML(ZedManifest.self, "editors/zed/extension.toml")
        XCTAssertEqual(manifest.id, "rc-lsp")
        XCTAssertEqual(manifest.schema_version, 1)
        XCTAssertEqual(manifest.language_servers["rc-lsp"]?.languages, ["Python"])
        let source = try String(contentsOf: EditorTestPaths.file("editors/zed/src/lib.rs"), encoding: .utf8)
        let d = ServerSettingsJSON.serverDefaults
        XCTAssertTrue(source.contains(#""inlayHints": { "enabled": \#(d.inlayHints.enabled), "showInterned": \#(d.inlayHints.showInterned), "showFreed": \#(d.inlayHints.showFreed), "maxLength": \#(d.inlayHints.maxLength) }"#),
                      "src/lib.rs ships the server's inlay hint defaults")
        XCTAssertTrue(source.contains(#""diagnostics": { "onChange": \#(d.diagnostics.onChange), "cycles": \#(d.diagnostics.cycles) }"#),
                      "src/lib.rs ships the server's diagnostics defaults")
    }

    /// lsp-mode itself is not installed here; its file's defcustoms carry the defaults.
    func testLspModeDefaultsAreTheServerDefaults() throws {
        let source = try String(contentsOf: EditorTestPaths.file("editors/emacs/rc-lsp-lsp-mode.el"), encoding: .utf8)
        let d = ServerSettingsJSON.serverDefaults
        let lisp = { (b: Bool) in b ? "t" : "nil" }
        for (name, value) in [("rc-lsp-inlay-hints-enabled", lisp(d.inlayHints.enabled)),
                              ("rc-lsp-inlay-hints-show-interned", lisp(d.inlayHints.showInterned)),
                              ("rc-lsp-inlay-hints-show-freed", lisp(d.inlayHints.showFreed)),
                              ("rc-lsp-inlay-hints-max-length", "\(d.inlayHints.maxLength)"),
                              ("rc-lsp-diagnostics-on-change", lisp(d.diagnostics.onChange)),
                              ("rc-lsp-diagnostics-cycles", lisp(d.diagnostics.cycles))] {
            XCTAssertTrue(source.contains("(defcustom \(name) \(value)\n"), "\(name) defaults to \(value)")
        }
        XCTAssertTrue(source.contains(":add-on? t"), "an add-on beside the user's Python server")
    }

    // MARK: - Reading the files

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ path: String, droppingLineComments: Bool = false) throws -> T {
        var text = try String(contentsOf: EditorTestPaths.file(path), encoding: .utf8)
        if droppingLineComments {  // Sublime's settings files allow whole-line // comments
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
        }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// TOML through Python's tomllib (Python ≥ 3.11, which scripts/setup-test-env.sh needs anyway).
    static func decodeTOML<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        guard let python = EditorTestPaths.onPath("python3") else {
            throw EditorTestFailure("python3 is not on PATH: the TOML setups are read with its tomllib")
        }
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("rc-lsp-toml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let run = try runEditor(python, ["-c", "import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], 'rb'))))",
                                         EditorTestPaths.file(path).path],
                                environment: ProcessInfo.processInfo.environment, in: EditorTestPaths.packageRoot,
                                logsIn: logs, deadline: 30)
        guard run.exitCode == 0 else { throw EditorTestFailure("\(path) is not valid TOML\n\(run.transcript)") }
        return try JSONDecoder().decode(T.self, from: Data(run.stdout.utf8))
    }
}

private struct HelixConfig: Decodable {
    struct Server: Decodable { var command: String; var config: ServerSettingsJSON? }
    struct Language: Decodable {
        var name: String
        var languageServers: [ServerRef]
        enum CodingKeys: String, CodingKey { case name, languageServers = "language-servers" }
    }
    /// `"name"` or `{ name = "...", only-features = [...] }`.
    struct ServerRef: Decodable, Equatable {
        var name: String
        var onlyFeatures: [String]?
        init(name: String, onlyFeatures: [String]?) { self.name = name; self.onlyFeatures = onlyFeatures }
        enum CodingKeys: String, CodingKey { case name, onlyFeatures = "only-features" }
        init(from decoder: Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.init(name: name, onlyFeatures: nil)
            } else {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                self.init(name: try c.decode(String.self, forKey: .name),
                          onlyFeatures: try c.decodeIfPresent([String].self, forKey: .onlyFeatures))
            }
        }
    }
    var languageServer: [String: Server]
    var language: [Language]
    enum CodingKeys: String, CodingKey { case languageServer = "language-server", language }
}

private struct SublimeSettings: Decodable {
    struct Client: Decodable {
        var command: [String]
        var selector: String
        var initializationOptions: ServerSettingsJSON
        var settings: [String: ServerSettingsJSON]
    }
    var show_inlay_hints: Bool
    var clients: [String: Client]
}

private struct KateSettings: Decodable {
    struct Server: Decodable {
        var command: [String]
        var highlightingModeRegex: String
        var initializationOptions: ServerSettingsJSON?
        var settings: [String: ServerSettingsJSON]
    }
    var servers: [String: Server]
}

private struct ZedManifest: Decodable {
    struct LanguageServer: Decodable { var languages: [String] }
    var id: String
    var schema_version: Int
    var language_servers: [String: LanguageServer]
}
