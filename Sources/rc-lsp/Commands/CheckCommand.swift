import Analysis
import Foundation

/// `rc-lsp check FILE...`: cycle warnings compiler-style, for CI and pre-commit. Exit 1 when any file has a
/// reference cycle, 0 when none, 2 when a file cannot be read.
enum CheckCommand {
    static func run(_ args: [String]) -> Int32 {
        var json = false
        var files: [String] = []
        var i = 0
        while i < args.count {
            if args[i] == "--format", i + 1 < args.count { json = args[i + 1] == "json"; i += 2; continue }
            if args[i] == "--format=json" { json = true } else { files.append(args[i]) }
            i += 1
        }
        guard !files.isEmpty else {
            CommandLineInterface.printError("usage: rc-lsp check [--format text|json] FILE.py...")
            return 2
        }
        var unreadable = false
        var cycles = false
        var records: [CheckRecord] = []
        for file in files {
            guard let text = SourceFile.read(file) else { unreadable = true; continue }
            let result = Analyzer.analyze(text)
            for d in CycleDiagnostics.diagnostics(result, settings: Settings()) {
                if d.code == "reference-cycle" { cycles = true }
                records.append(CheckRecord(file: file, diagnostic: d))
            }
        }
        let out = json ? CheckRecord.json(records) : records.map(\.text).joined()
        FileHandle.standardOutput.write(Data(out.utf8))
        return unreadable ? 2 : (cycles ? 1 : 0)
    }
}

/// One diagnostic of `check`, as a compiler line (1-based columns) or a JSON object.
struct CheckRecord {
    var file: String
    var diagnostic: PresentedDiagnostic

    var text: String {
        let d = diagnostic
        var s = "\(file):\(d.range.line):\(d.range.utf8Column + 1): \(Annotator.word(d.severity)): \(d.message)"
        if let code = d.code { s += " [\(code)]" }
        s += "\n"
        for r in d.related {
            s += "\(file):\(r.range.line):\(r.range.utf8Column + 1): note: \(r.message)\n"
        }
        return s
    }

    static func json(_ records: [CheckRecord]) -> String {
        func range(_ r: SourceRange) -> [String: Any] {
            ["line": r.line, "column": r.utf8Column + 1, "endLine": r.endLine, "endColumn": r.endUTF8Column + 1]
        }
        let items: [[String: Any]] = records.map { rec in
            let d = rec.diagnostic
            return ["file": rec.file, "severity": Annotator.word(d.severity), "code": d.code ?? "",
                    "message": d.message, "range": range(d.range),
                    "related": d.related.map { ["message": $0.message, "range": range($0.range)] }]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys, .prettyPrinted]) else {
            return "[]\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
