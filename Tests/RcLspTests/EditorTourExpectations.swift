// What every editor must show on examples/tour.py, in editor-neutral terms (0-based lines, UTF-16
// characters, as LSP counts them). The Neovim and Emacs tests turn what their editor stored into an
// `EditorObservation` and check it here, so both editors are held to the same expected values.
import XCTest

/// What one editor stored for a file: its inlay hints, the hovers asked for, the diagnostics after a save.
struct EditorObservation {
    struct Hint: Equatable, CustomStringConvertible {
        var line: Int
        var character: Int
        var label: String
        var description: String { "\(line):\(character) \(label)" }
    }
    struct Hover: Equatable {
        var line: Int
        var character: Int
        /// nil where the server answered null (whitespace, keywords, comments).
        var text: String?
    }
    struct Diagnostic: Equatable {
        var line: Int
        var character: Int
        var severity: String  // "ERROR", "WARN", "INFO" or "HINT"
        var code: String?
        var message: String
    }
    var hints: [Hint]
    var hovers: [Hover]
    var diagnosticsAfterSave: [Diagnostic]
}

enum TourExpectations {
    /// Where the tests hover, 0-based [line, character]: `a` in `b = a` (line 5 of the file), then the
    /// blank line 2.
    static let hoverPositions: [[Int]] = [[4, 4], [1, 0]]

    /// The seed example (issue 5): lines 4–9 of tour.py, each hint at the end of its statement.
    static let seedHints: [EditorObservation.Hint] = [
        .init(line: 3, character: 13, label: "rc 1"),  // a = [1, 2, 3]
        .init(line: 4, character: 5, label: "rc 2"),   // b = a
        .init(line: 5, character: 5, label: "rc 3"),   // c = a
        .init(line: 6, character: 5, label: "rc 2"),   // del b
        .init(line: 7, character: 5, label: "rc 1"),   // del c
        .init(line: 8, character: 5, label: "freed"),  // del a
    ]

    /// The feature tests need a server that answers hovers and inlay hints. A build without them (the
    /// lifecycle-only server, before the feature handlers landed) skips these tests, saying so.
    static func requireFeatures(hover: Bool, inlayHint: Bool) throws {
        if !hover && !inlayHint {
            throw XCTSkip("this rc-lsp build offers neither hover nor inlay hints (no feature handlers yet): "
                          + "the editor feature tests need them")
        }
    }

    static func check(_ seen: EditorObservation, editor: String, file: StaticString = #filePath, line: UInt = #line) {
        let seed = seen.hints.filter { $0.line <= 8 }
        XCTAssertEqual(seed, seedHints, "\(editor): the seed hints on tour.py lines 4–9", file: file, line: line)
        XCTAssertEqual(seen.hovers.count, hoverPositions.count, "\(editor): one hover per position", file: file, line: line)
        if let onA = seen.hovers.first {
            XCTAssertTrue(onA.text?.hasPrefix("**a** → list #1") == true,
                          "\(editor): hover on `a` in `b = a`: \(onA.text ?? "null")", file: file, line: line)
        }
        if seen.hovers.count > 1 {
            XCTAssertNil(seen.hovers[1].text, "\(editor): no hover on a blank line", file: file, line: line)
        }
        let cycles = seen.diagnosticsAfterSave.filter { $0.code == "reference-cycle" }
        XCTAssertEqual(cycles.map(\.line), [37], "\(editor): one cycle warning, at `tail.next = head`",
                       file: file, line: line)
        XCTAssertEqual(cycles.first?.severity, "WARN", file: file, line: line)
    }
}
