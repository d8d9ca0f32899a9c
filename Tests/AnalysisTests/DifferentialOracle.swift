import Foundation
import XCTest

/// Runs the machine's CPython (`python3`) as the oracle for the parser tests: one process per batch, JSON
/// in and out, so hundreds of files or snippets cost one interpreter start-up.
enum DifferentialOracle {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs `python3 -c script` with `input` on stdin and returns its stdout.
    static func runPython(_ script: String, input: Data) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        // Write on a thread so a large reply cannot deadlock against a full input pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "python3 failed: " + String(decoding: err, as: UTF8.self))
        }
        return out
    }

    /// CPython's `ast.dump(ast.parse(src), include_attributes=True)` for each source; nil where CPython rejects.
    static func dumps(of sources: [String]) throws -> [String?] {
        let script = """
        import ast, json, sys
        out = []
        for src in json.load(sys.stdin):
            try:
                out.append(ast.dump(ast.parse(src.encode('utf-8')), include_attributes=True))
            except (SyntaxError, ValueError):
                out.append(None)
        json.dump(out, sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: sources)
        let reply = try runPython(script, input: input)
        guard let list = try JSONSerialization.jsonObject(with: reply) as? [Any] else {
            throw Failure(description: "unexpected oracle reply")
        }
        return list.map { $0 as? String }
    }

    /// The standard library's directory and CPython's dumps of the given files (relative paths); a nil dump
    /// means CPython rejects the file.
    static func stdlibDumps(of relativePaths: [String]) throws -> (root: String, dumps: [String?]) {
        let script = """
        import ast, json, os, sys, sysconfig
        root = sysconfig.get_paths()['stdlib']
        out = []
        for rel in json.load(sys.stdin):
            try:
                with open(os.path.join(root, rel), 'rb') as f:
                    out.append(ast.dump(ast.parse(f.read()), include_attributes=True))
            except (SyntaxError, ValueError, OSError):
                out.append(None)
        json.dump({'root': root, 'dumps': out}, sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: relativePaths)
        let reply = try runPython(script, input: input)
        guard let obj = try JSONSerialization.jsonObject(with: reply) as? [String: Any],
              let root = obj["root"] as? String, let list = obj["dumps"] as? [Any] else {
            throw Failure(description: "unexpected oracle reply")
        }
        return (root, list.map { $0 as? String })
    }

    /// Index of the first differing character, with some context, for a readable failure message.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var k = 0
        while k < x.count && k < y.count && x[k] == y[k] { k += 1 }
        func ctx(_ s: [Unicode.Scalar]) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[max(0, k - 120)..<min(s.count, k + 120)])
            return String(v)
        }
        return "at \(k):\n  ours:    \(ctx(x))\n  CPython: \(ctx(y))"
    }
}
