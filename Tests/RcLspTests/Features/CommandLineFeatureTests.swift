import Foundation
import XCTest

/// `rc-lsp annotate` and `rc-lsp check` through the binary.
final class CommandLineFeatureTests: XCTestCase {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func run(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: LSPProcess.binaryPath)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "rc-lsp-cli-\(UUID().uuidString).py"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testAnnotatePrintsHintsBesideTheSource() throws {
        let path = try file("a = [1, 2, 3]\nb = a\ndel b\ndel a\n")
        let r = try run(["annotate", path])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "a = [1, 2, 3]  # rc 1\nb = a          # rc 2\ndel b          # rc 1\ndel a          # freed\n")
    }

    func testAnnotateColorsOnRequest() throws {
        let path = try file("a = []\n")
        XCTAssertEqual(try run(["annotate", "--color", path]).stdout, "a = []  \u{1B}[36m# rc 1\u{1B}[0m\n")
    }

    func testCheckReportsCyclesCompilerStyleAndExitsOne() throws {
        let path = try file("a = []\nb = [a]\na.append(b)\n")
        let r = try run(["check", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, """
            \(path):3:1: warning: reference cycle: list #1 → list #2 → list #1 (b[0] → a[0]); reference counting alone never frees it [reference-cycle]
            \(path):3:1: note: list #1 → list #2: reference `a[0]` made here
            \(path):2:1: note: list #2 → list #1: reference `b[0]` made here

            """)
    }

    func testCheckCleanFileExitsZeroAndUnreadableTwo() throws {
        XCTAssertEqual(try run(["check", try file("a = [1]\n")]).status, 0)
        let missing = try run(["check", "/nonexistent/x.py"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "rc-lsp: cannot read /nonexistent/x.py\n")
    }

    func testCheckJSON() throws {
        let path = try file("a = []\na.append(a)\n")
        let r = try run(["check", "--format", "json", path])
        XCTAssertEqual(r.status, 1)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["code"] as? String, "reference-cycle")
        XCTAssertEqual((items[0]["range"] as? [String: Int])?["line"], 2)
    }
}
