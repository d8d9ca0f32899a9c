// A second real editor: batch Emacs 30 with Eglot, loading the SHIPPED editors/emacs/rc-lsp-eglot.el, opens a
// copy of examples/tour.py and reports what Eglot and Flymake stored (Tests/Editors/emacs/harness.el).
// scripts/setup-test-env.sh installs Emacs 30 where it can; where there is none, the tests are skipped and
// say why.
import Foundation
import XCTest

final class EditorEmacsTests: XCTestCase {
    /// Eglot picks rc-lsp for python-mode from the shipped `eglot-server-programs` entry with the shipped
    /// settings, manages the buffer, and the server exits with code 0 on `eglot-shutdown`.
    func testShippedEglotSetupStartsTheServerAndStopsItCleanly() throws {
        let report = try runEmacs(waitForDiagnostics: false)
        guard let server = report.server else { return XCTFail("no server in the report") }
        XCTAssertEqual(report.major_mode, "python-mode")
        XCTAssertEqual(server.command, ["rc-lsp"])
        XCTAssertEqual(server.name, "rc-lsp")
        XCTAssertEqual(server.project_root, report.workspace.map { $0 + "/" })
        XCTAssertEqual(server.settings, ServerSettingsJSON.serverDefaults, "rc-lsp-settings ships the server's defaults")
        XCTAssertEqual([server.provides.completion, server.provides.formatting], [false, false],
                       "completion and formatting stay with the user's Python server")
        XCTAssertEqual(report.server_exit, .init(status: "exit", code: 0))
    }

    /// What the user sees in Emacs on examples/tour.py: the same hints and diagnostics as in Neovim,
    /// hovers as plain text (Eglot asks for Markdown only where markdown-mode is installed), and the
    /// diagnostics pushed again after `save-buffer`.
    func testTourShowsHintsHoverAndCycleWarning() throws {
        let report = try runEmacs(hovers: TourExpectations.hoverPositions)
        guard let server = report.server else { return XCTFail("no server in the report") }
        XCTAssertEqual([server.provides.hover, server.provides.inlayHint], [true, true])
        XCTAssertTrue(server.inlay_hints_mode, "eglot-inlay-hints-mode is on in the managed buffer")
        XCTAssertEqual(report.published_after_save, true, "the server publishes diagnostics after a save")
        TourExpectations.check(report.observation, editor: "Emacs/Eglot", markdownHovers: false)
        XCTAssertEqual(report.diagnostics_after_save?.first?.text,
                       "rc-lsp [reference-cycle]: " + TourExpectations.diagnostics[0].message,
                       "Flymake shows source, code and message")
    }

    /// Beside another Python server through the shipped `rc-lsp-eglot-companion` setting: Eglot runs
    /// `rass -- rc-lsp -- pylsp`; the hints, hovers and cycle diagnostics are rc-lsp's, completion and
    /// formatting come from pylsp.
    func testBesidePylspThroughRass() throws {
        let report = try runEmacs(hovers: [[4, 4]], completion: [25, 10],
                                  setup: #"(setq rc-lsp-eglot-companion '("pylsp"))"#, companions: ["pylsp", "rass"])
        guard let server = report.server else { return XCTFail("no server in the report") }
        XCTAssertEqual(server.command, ["rass", "--", "rc-lsp", "--", "pylsp"])
        XCTAssertEqual(server.name, "rc-lsp+pylsp")
        XCTAssertEqual(server.provides, .init(hover: true, inlayHint: true, completion: true, formatting: true),
                       "rc-lsp's hints and hovers, pylsp's completion and formatting")
        XCTAssertEqual(report.observation.hints, TourExpectations.hints)
        XCTAssertEqual(report.hovers?.first?.contents, TourExpectations.hoverTexts(markdown: false)[0])
        XCTAssertEqual(report.completion?.first, "longest(first, second)", "pylsp completes")
        XCTAssertEqual(report.observation.diagnosticsAfterSave, TourExpectations.diagnostics)
    }

    /// Settings a user sets after loading the file reach the server: with `showFreed` off, the `freed`
    /// hint on `del a` is gone and every other hint stays.
    func testUserSettingsReachTheServer() throws {
        let report = try runEmacs(waitForDiagnostics: false, setup: """
            (setq rc-lsp-settings '(:inlayHints (:enabled t :showInterned :json-false :showFreed :json-false \
            :maxLength 60) :diagnostics (:onChange t :cycles t)))
            """)
        XCTAssertEqual(report.server?.settings?.inlayHints.showFreed, false)
        XCTAssertEqual(report.observation.hints, TourExpectations.hints.filter { $0.label != "freed" })
    }

    // MARK: - Running Emacs

    /// `RC_LSP_EMACS`, else `emacs` on PATH, if it is Emacs 30 or later.
    static func emacs() throws -> URL {
        let named = ProcessInfo.processInfo.environment["RC_LSP_EMACS"].flatMap { $0.isEmpty ? nil : $0 }
        guard let emacs = named.map({ URL(fileURLWithPath: $0) }) ?? EditorTestPaths.onPath("emacs"),
              FileManager.default.isExecutableFile(atPath: emacs.path) else {
            throw XCTSkip("Emacs is not installed: the Eglot tests need Emacs 30 (scripts/setup-test-env.sh "
                          + "installs it with apt-get when run as root on Debian)")
        }
        let probe = Process()
        probe.executableURL = emacs
        probe.arguments = ["-Q", "--batch", "--eval", "(princ emacs-major-version)"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        let major = Int(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) ?? 0
        probe.waitUntilExit()
        guard major >= 30 else {
            throw XCTSkip("\(emacs.path) is Emacs \(major): the Eglot tests need Emacs 30 "
                          + "(scripts/setup-test-env.sh installs it from bookworm-backports)")
        }
        return emacs
    }

    /// Runs the harness; `setup` is Lisp evaluated after the shipped file (the user's init), `companions`
    /// the venv tools it needs on PATH.
    func runEmacs(hovers: [[Int]] = [], completion: [Int]? = nil, waitForDiagnostics: Bool = true,
                  setup: String? = nil, companions: [String] = [],
                  file: String = "examples/tour.py") throws -> EmacsReport {
        let emacs = try Self.emacs()
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
            "diagnostics": waitForDiagnostics,
        ]
        if let completion { job["completion"] = completion }
        let jobJSON = String(decoding: try JSONSerialization.data(withJSONObject: job), as: UTF8.self)
        let arguments = ["-Q", "--batch", "-l", EditorTestPaths.file("editors/emacs/rc-lsp-eglot.el").path]
            + (setup.map { ["--eval", $0] } ?? [])
            + ["-l", EditorTestPaths.file("Tests/Editors/emacs/harness.el").path]
        let run = try runEditor(emacs, arguments, environment: workspace.environment(["RC_LSP_HARNESS": jobJSON]),
                                in: workspace.project, logsIn: workspace.root, deadline: 180)
        guard let data = try? Data(contentsOf: output) else {
            throw EditorTestFailure("Emacs wrote no report\n\(run.transcript)")
        }
        var report = try JSONDecoder().decode(EmacsReport.self, from: data)
        report.workspace = workspace.project.path
        let context = "\(report.error ?? "")\n\(report.steps.joined(separator: "\n"))\n\(run.transcript)"
        XCTAssertNil(report.error, context)
        XCTAssertEqual(run.exitCode, 0, context)
        XCTAssertFalse(run.timedOut, context)
        return report
    }
}

/// The harness's JSON (Tests/Editors/emacs/harness.el); field names are the harness's.
struct EmacsReport: Decodable {
    struct Server: Decodable {
        var command: [String]
        var name: String?
        var project_root: String
        var inlay_hints_mode: Bool
        var settings: ServerSettingsJSON?
        var provides: Provides
    }
    struct Provides: Decodable, Equatable {
        var hover, inlayHint, completion, formatting: Bool
    }
    struct Exit: Decodable, Equatable {
        var status: String
        var code: Int
    }
    struct Hint: Decodable {
        var line: Int
        var character: Int
        /// The overlay's text: the label, after a space where the server asked for `paddingLeft`.
        var text: String
    }
    struct Hover: Decodable {
        var line: Int
        var character: Int
        var contents: String?
    }
    struct Diagnostic: Decodable {
        var line: Int
        var character: Int
        var type: String
        var text: String
        var code: String?
    }

    var emacs: String
    var steps: [String]
    var error: String?
    var major_mode: String?
    var server: Server?
    var inlay_hints: [Hint]?
    var hovers: [Hover]?
    var published_after_save: Bool?
    var diagnostics_after_open: [Diagnostic]?
    var diagnostics_after_save: [Diagnostic]?
    var server_exit: Exit?
    /// Completion labels (asked only when the job names a position).
    var completion: [String]?
    /// Set by the test, not the harness: the project folder the editor worked in.
    var workspace: String?

    var observation: EditorObservation {
        EditorObservation(
            hints: (inlay_hints ?? []).map {
                .init(line: $0.line, character: $0.character,
                      label: $0.text.hasPrefix(" ") ? String($0.text.dropFirst()) : $0.text)
            },
            hovers: (hovers ?? []).map { .init(line: $0.line, character: $0.character, text: $0.contents) },
            diagnosticsAfterSave: (diagnostics_after_save ?? []).map {
                .init(line: $0.line, character: $0.character, severity: Self.severity($0.type), code: $0.code,
                      message: Self.message($0))
            })
    }

    /// Eglot's Flymake types, in the words the Neovim report uses.
    static func severity(_ type: String) -> String {
        switch type {
        case "eglot-error": return "ERROR"
        case "eglot-warning": return "WARN"
        case "eglot-note": return "INFO"
        default: return type
        }
    }

    /// Eglot shows "SOURCE [CODE]: MESSAGE"; the message alone is what the server sent.
    static func message(_ d: Diagnostic) -> String {
        guard let code = d.code, let r = d.text.range(of: " [\(code)]: ") else { return d.text }
        return String(d.text[r.upperBound...])
    }
}
