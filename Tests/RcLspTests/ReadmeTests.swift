import Foundation
import XCTest

/// The README is the front door: its `annotate` example is the real output of the shipped example.
final class ReadmeTests: XCTestCase {
    func testAnnotateExampleInTheReadmeIsTheRealOutput() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```python\n# Names are references"))
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = String(readme[readme.index(start.lowerBound, offsetBy: "```python\n".count)..<end.lowerBound])

        let p = Process()
        p.executableURL = URL(fileURLWithPath: LSPProcess.binaryPath)
        p.arguments = ["annotate", "--no-color", root.appendingPathComponent("examples/tour.py").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let real = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(real.hasSuffix(shown), "README's annotate block differs from `rc-lsp annotate examples/tour.py`:\n\(real)")
    }

    func testBranchesExampleInTheReadmeIsTheRealOutput() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```python\n# Values the analysis cannot know"))
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = String(readme[readme.index(start.lowerBound, offsetBy: "```python\n".count)..<end.lowerBound])

        let p = Process()
        p.executableURL = URL(fileURLWithPath: LSPProcess.binaryPath)
        p.arguments = ["annotate", "--no-color", root.appendingPathComponent("examples/branches.py").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), shown)
    }
}
