// Support for the real-editor tests: where the package, the built server and the editors are, a scratch
// workspace holding a copy of an example, and running an editor process with a hard deadline.
// Knows nothing about a particular editor's scripting; the harness scripts live in Tests/Editors/.
import Foundation
import XCTest
@testable import rc_lsp

/// Paths the editor tests need, resolved from this file's location and the environment.
enum EditorTestPaths {
    /// The package root: three levels above this file (Tests/RcLspTests/EditorTestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The venv that scripts/setup-test-env.sh fills: `RC_LSP_VENV`, else `<package root>/.venv`.
    static var venv: URL {
        if let v = ProcessInfo.processInfo.environment["RC_LSP_VENV"], !v.isEmpty {
            return URL(fileURLWithPath: v)
        }
        return packageRoot.appendingPathComponent(".venv")
    }

    /// The server binary under test: `RC_LSP_BIN`, else the debug build.
    static var server: URL {
        if let b = ProcessInfo.processInfo.environment["RC_LSP_BIN"], !b.isEmpty {
            return URL(fileURLWithPath: b)
        }
        return packageRoot.appendingPathComponent(".build/debug/rc-lsp")
    }

    static func file(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// The first executable named `name` on PATH.
    static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// A throwaway directory for one editor run: a project root (with a root marker) holding a copy of an
/// example, a `bin/` whose `rc-lsp` is the server under test, and private XDG/HOME directories so no user
/// configuration or state leaks in or out.
struct EditorWorkspace {
    let root: URL
    let project: URL
    let bin: URL

    init(copying example: String, as name: String? = nil) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("rc-lsp-editor-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        project = root.appendingPathComponent("project")
        bin = root.appendingPathComponent("bin")
        for dir in [project, bin, root.appendingPathComponent("home")] {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        let source = EditorTestPaths.file(example)
        let target = project.appendingPathComponent(name ?? source.lastPathComponent)
        try fm.copyItem(at: source, to: target)
        try Data("[project]\nname = \"editor-test\"\n".utf8).write(to: project.appendingPathComponent("pyproject.toml"))
        // The shipped configs start plain `rc-lsp`; this link makes that name the binary under test.
        try fm.createSymbolicLink(at: bin.appendingPathComponent("rc-lsp"), withDestinationURL: EditorTestPaths.server)
    }

    func path(_ name: String) -> URL { project.appendingPathComponent(name) }

    /// The environment for the editor: the server first on PATH, private home and XDG directories.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["HOME"] = root.appendingPathComponent("home").path
        for xdg in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"] {
            env[xdg] = root.appendingPathComponent("home/\(xdg.lowercased())").path
        }
        env.merge(extra) { _, new in new }
        return env
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A reason an editor test cannot go on; thrown, so XCTest reports the test as failed with this message.
struct EditorTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    static var serverMissing: EditorTestFailure {
        EditorTestFailure("the server is missing at \(EditorTestPaths.server.path): run `swift build --product "
                          + "rc-lsp` (scripts/test.sh does), or set RC_LSP_BIN")
    }
}

/// What a finished (or killed) editor process left behind.
struct EditorRun {
    var exitCode: Int32
    var timedOut: Bool
    var stdout: String
    var stderr: String

    /// A few lines to print when an assertion fails, so a CI log says what the editor said.
    var transcript: String {
        "exit \(exitCode)\(timedOut ? " (killed after the deadline)" : "")\n--- stdout\n\(stdout.suffix(3000))\n--- stderr\n\(stderr.suffix(3000))"
    }
}

/// Runs `executable` with a deadline: past it the process gets SIGTERM, then SIGKILL. Output goes to files
/// (pipes can fill up and block a child nobody reads). Never waits longer than `deadline` plus a second.
func runEditor(_ executable: URL, _ arguments: [String], environment: [String: String], in directory: URL,
               logsIn logs: URL, deadline: TimeInterval) throws -> EditorRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    let outURL = logs.appendingPathComponent("editor.stdout")
    let errURL = logs.appendingPathComponent("editor.stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer { try? out.close(); try? err.close() }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    var timedOut = false
    if done.wait(timeout: .now() + deadline) == .timedOut {
        timedOut = true
        process.terminate()
        if done.wait(timeout: .now() + 1) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = done.wait(timeout: .now() + 1)
        }
    }
    let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    return EditorRun(exitCode: process.isRunning ? -1 : process.terminationStatus, timedOut: timedOut,
                     stdout: read(outURL), stderr: read(errURL))
}

/// The settings object every shipped setup sends (section "rc-lsp"), in the shape the server reads.
struct ServerSettingsJSON: Decodable, Equatable {
    struct InlayHints: Decodable, Equatable {
        var enabled: Bool
        var showInterned: Bool
        var showFreed: Bool
        var maxLength: Int
    }
    struct Diagnostics: Decodable, Equatable {
        var onChange: Bool
        var cycles: Bool
    }
    var inlayHints: InlayHints
    var diagnostics: Diagnostics

    /// The server's own defaults: what every editor setup must ship.
    static var serverDefaults: ServerSettingsJSON {
        let s = Settings()
        return ServerSettingsJSON(
            inlayHints: .init(enabled: s.inlayHintsEnabled, showInterned: s.showInterned, showFreed: s.showFreed,
                              maxLength: s.maxLength),
            diagnostics: .init(onChange: s.diagnosticsOnChange, cycles: s.diagnosticsCycles))
    }
}
