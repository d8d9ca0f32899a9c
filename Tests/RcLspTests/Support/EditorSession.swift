import Foundation
import LSPTransport
import XCTest

/// A Python snippet with position markers (`1️⃣` … `9️⃣`), opened in the real server as an editor would,
/// with one call per feature. Markers are removed from the text; `position(1)` is where `1️⃣` stood.
final class EditorSession {
    static let uri = "file:///tmp/snippet.py"
    let server: LSPProcess
    let text: String
    private var markers: [Int: (line: Int, character: Int)] = [:]
    private var version = 1

    init(_ marked: String, capabilities: JSONValue? = nil, initializationOptions: JSONValue? = nil) throws {
        var text = ""
        var line = 0, character = 0
        for ch in marked {
            if let n = EditorSession.markerDigits[ch] { markers[n] = (line, character); continue }
            text.append(ch)
            if ch == "\n" { line += 1; character = 0 } else { character += ch.utf16.count }
        }
        self.text = text
        server = try LSPProcess.start()
        try server.initialize(capabilities: capabilities, initializationOptions: initializationOptions)
        server.sendNotification("textDocument/didOpen", ["textDocument": [
            "uri": .string(Self.uri), "languageId": "python", "version": 1, "text": .string(text)]])
    }

    deinit { _ = try? server.shutdownAndExit() }

    private static let markerDigits: [Character: Int] = {
        var m: [Character: Int] = [:]
        for n in 1...9 { m[Character("\(n)\u{FE0F}\u{20E3}")] = n }
        return m
    }()

    func position(_ marker: Int) -> JSONValue {
        guard let p = markers[marker] else { XCTFail("no marker \(marker)"); return ["line": 0, "character": 0] }
        return ["line": .int(p.line), "character": .int(p.character)]
    }

    var document: JSONValue { ["uri": .string(Self.uri)] }

    /// All hints in lines `from..<to` as "LINE:CHARACTER LABEL" (0-based, as the editor sees them).
    func hints(from: Int = 0, to: Int = 10_000) throws -> [String] {
        try rawHints(from: from, to: to).arrayValue?.map { h in
            let label = h["label"]?.arrayValue?.compactMap { $0["value"]?.stringValue }.joined() ?? h["label"]?.stringValue ?? ""
            return "\(h["position"]?["line"]?.intValue ?? -1):\(h["position"]?["character"]?.intValue ?? -1) \(label)"
        } ?? []
    }

    func rawHints(from: Int = 0, to: Int = 10_000) throws -> JSONValue {
        try server.result(of: "textDocument/inlayHint", ["textDocument": document, "range": [
            "start": ["line": .int(from), "character": 0], "end": ["line": .int(to), "character": 0]]])
    }

    /// The hover's text at a marker, nil when the server answers null.
    func hover(_ marker: Int) throws -> String? {
        try hoverResult(marker)["contents"]?["value"]?.stringValue
    }

    func hoverResult(_ marker: Int) throws -> JSONValue {
        try server.result(of: "textDocument/hover", ["textDocument": document, "position": position(marker)])
    }

    func request(_ method: String, at marker: Int, _ extra: [String: JSONValue] = [:]) throws -> JSONValue {
        var params: JSONObject = ["textDocument": document, "position": position(marker)]
        for (k, v) in extra { params[k] = v }
        return try server.result(of: method, .object(params))
    }

    /// The next diagnostics published for the snippet, as "LINE:CHAR-LINE:CHAR severity code: message".
    func publishedDiagnostics(timeout: TimeInterval = 10) throws -> [String] {
        let n = try server.awaitNotification("textDocument/publishDiagnostics", timeout: timeout)
        return Self.describe(n["params"]?["diagnostics"])
    }

    static func describe(_ diagnostics: JSONValue?) -> [String] {
        diagnostics?.arrayValue?.map { d in
            "\(range(d["range"])) \(d["severity"]?.intValue ?? 0) \(d["code"]?.stringValue ?? "-"): \(d["message"]?.stringValue ?? "")"
        } ?? []
    }

    static func range(_ r: JSONValue?) -> String {
        func p(_ x: JSONValue?) -> String { "\(x?["line"]?.intValue ?? -1):\(x?["character"]?.intValue ?? -1)" }
        return "\(p(r?["start"]))-\(p(r?["end"]))"
    }

    func change(to newText: String) {
        version += 1
        server.sendNotification("textDocument/didChange", [
            "textDocument": ["uri": .string(Self.uri), "version": .int(version)],
            "contentChanges": [["text": .string(newText)]]])
    }

    func save() {
        server.sendNotification("textDocument/didSave", ["textDocument": document])
    }
}
