// What every editor must show on examples/tour.py, in editor-neutral terms (0-based lines, UTF-16
// characters, as LSP counts them). The Neovim and Emacs tests turn what their editor stored into an
// `EditorObservation` and check it here, so both editors are held to the same expected values. The counts
// agree with CPython (`python3 shared/oracle/rcoracle.py examples/tour.py`).
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
        /// nil where the server answered null (whitespace, keywords, comments, operators).
        var text: String?
    }
    struct Diagnostic: Equatable, CustomStringConvertible {
        var line: Int
        var character: Int
        var severity: String  // "ERROR", "WARN", "INFO" or "HINT"
        var code: String?
        var message: String
        var description: String { "\(line):\(character) \(severity) [\(code ?? "-")] \(message)" }
    }
    var hints: [Hint]
    var hovers: [Hover]
    var diagnosticsAfterSave: [Diagnostic]
}

enum TourExpectations {
    /// Every hint, at the end of its statement (tour.py line = `line` + 1).
    static let hints: [EditorObservation.Hint] = [
        .init(line: 3, character: 13, label: "rc 1"),    // a = [1, 2, 3]
        .init(line: 4, character: 5, label: "rc 2"),     // b = a
        .init(line: 5, character: 5, label: "rc 3"),     // c = a
        .init(line: 6, character: 5, label: "rc 2"),     // del b
        .init(line: 7, character: 5, label: "rc 1"),     // del c
        .init(line: 8, character: 5, label: "freed"),    // del a
        .init(line: 11, character: 12, label: "rc 1"),   // row = [0, 0]
        .init(line: 12, character: 17, label: "grid: rc 1 · row: rc 3"),   // grid = [row, row]
        .init(line: 13, character: 7, label: "rc 2"),    // del row: grid's two slots still hold it
        .init(line: 16, character: 27, label: "longest: rc 1"),   // def longest(first, second): the function
        .init(line: 16, character: 27, label: "first: rc 2 · second: rc 2"),  // its parameters during the call
        .init(line: 23, character: 24, label: "rc 1"),   // names = [...]
        .init(line: 24, character: 36, label: "rc 1"),   // more = [...]
        .init(line: 25, character: 27, label: "rc 2"),   // best = longest(names, more): more's list
        .init(line: 29, character: 30, label: "__init__: rc 1"),   // def __init__(self, value): the function
        .init(line: 29, character: 30, label: "self: rc 2"),  // self during Node(...)
        .init(line: 34, character: 14, label: "rc 1"),   // head = Node(1)
        .init(line: 35, character: 14, label: "rc 1"),   // tail = Node(2)
        .init(line: 36, character: 16, label: "rc 2"),   // head.next = tail
        .init(line: 37, character: 16, label: "rc 2"),   // tail.next = head: closes the cycle
        .init(line: 38, character: 8, label: "rc 1"),    // del head
        .init(line: 39, character: 8, label: "rc 1"),    // del tail
    ]

    /// Where the tests hover, 0-based [line, character]: `a` in `b = a`, `row` in `grid = [row, row]`,
    /// `best`, the blank line 2, and the `=` of `head.next = tail`.
    static let hoverPositions: [[Int]] = [[4, 4], [12, 14], [25, 0], [1, 0], [36, 10]]

    /// The hover texts at `hoverPositions`, as Markdown (clients that take it, like Neovim) and as plain
    /// text (clients that do not, like Eglot without markdown-mode).
    static func hoverTexts(markdown: Bool) -> [String?] {
        let md = [
            "**a** → list #1, created line 4 (`[1, 2, 3]`)\n\nrc **2**, held by:\n- `a` in `<module>`\n- `b` in `<module>`\n\ncontents: `[1, 2, 3]`",
            "**row** → list #2, created line 12 (`[0, 0]`)\n\nrc **3**, held by:\n- `row` in `<module>`\n- slot `[0]` of list #3\n- slot `[1]` of list #3\n\ncontents: `[0, 0]`",
            "**best** → list #5, created line 25 (`[\"alan\", \"barbara\", \"edsger\"]`)\n\nrc **2**, held by:\n- `more` in `<module>`\n- `best` in `<module>`\n\ncontents: `['alan', 'barbara', 'edsger']`",
        ]
        let plain = [
            "a → list #1, created line 4 ([1, 2, 3])\n\nrc 2, held by:\n- a in <module>\n- b in <module>\n\ncontents: [1, 2, 3]",
            "row → list #2, created line 12 ([0, 0])\n\nrc 3, held by:\n- row in <module>\n- slot [0] of list #3\n- slot [1] of list #3\n\ncontents: [0, 0]",
            "best → list #5, created line 25 ([\"alan\", \"barbara\", \"edsger\"])\n\nrc 2, held by:\n- more in <module>\n- best in <module>\n\ncontents: ['alan', 'barbara', 'edsger']",
        ]
        return (markdown ? md : plain) + [nil, nil]
    }

    /// The cycle warning where `tail.next = head` closes it, and the note where `del tail` leaves it to the
    /// cyclic garbage collector.
    static let diagnostics: [EditorObservation.Diagnostic] = [
        .init(line: 37, character: 0, severity: "WARN", code: "reference-cycle",
              message: "reference cycle: Node #1 → Node #2 → Node #1 (tail.next → head.next); reference counting alone never frees it"),
        .init(line: 39, character: 0, severity: "INFO", code: "cycle-garbage",
              message: "Node #1 and Node #2 are now garbage held only by their cycle; the cyclic garbage collector must free them"),
    ]

    static func check(_ seen: EditorObservation, editor: String, markdownHovers: Bool,
                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(seen.hints, hints, "\(editor): the inlay hints on tour.py", file: file, line: line)
        XCTAssertEqual(seen.hovers.map { [$0.line, $0.character] }, hoverPositions,
                       "\(editor): one hover per position", file: file, line: line)
        let expected = hoverTexts(markdown: markdownHovers)
        for (i, hover) in seen.hovers.enumerated() where i < expected.count {
            XCTAssertEqual(hover.text, expected[i], "\(editor): hover at \(hover.line):\(hover.character)",
                           file: file, line: line)
        }
        XCTAssertEqual(seen.diagnosticsAfterSave, diagnostics, "\(editor): the diagnostics after a save",
                       file: file, line: line)
    }
}
