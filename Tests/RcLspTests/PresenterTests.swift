import Analysis
import XCTest
@testable import rc_lsp

/// The words and places of hints, hovers and diagnostics, from hand-built facts (the interpreter's own
/// tests check the facts; the end-to-end tests check both together).
final class PresenterTests: XCTestCase {
    // a = []; b = []; a.append(b); b.append(a); del a, b
    let source = "a = []\nb = []\na.append(b)\nb.append(a)\ndel a, b\n"
    func r(_ line: Int, _ c0: Int, _ c1: Int) -> SourceRange {
        SourceRange(line: line, utf8Column: c0, endLine: line, endUTF8Column: c1)
    }

    func twoListFacts() -> AnalysisResult {
        let l1 = ObjectID(0), l2 = ObjectID(1)
        let objects = [
            HeapObject(id: l1, typeName: "list", label: "list #1", allocationSite: r(1, 0, 6), allocationExpression: r(1, 4, 6)),
            HeapObject(id: l2, typeName: "list", label: "list #2", allocationSite: r(2, 0, 6), allocationExpression: r(2, 4, 6)),
        ]
        func state(_ id: ObjectID, _ n: Int, _ holders: [Holder]) -> ValueFact {
            .object(ObjectState(object: id, count: .exact(n), holders: holders, preview: "[]"))
        }
        let a = Holder.name("a", frame: "<module>"), b = Holder.name("b", frame: "<module>")
        let statements = [
            StatementFact(range: r(1, 0, 6), anchor: SourcePosition(line: 1, utf8Column: 6), frame: "<module>",
                          effects: [Effect(subject: "a", value: state(l1, 1, [a]), reason: "bound to a")]),
            StatementFact(range: r(3, 0, 11), anchor: SourcePosition(line: 3, utf8Column: 11), frame: "<module>",
                          effects: [Effect(subject: "b", value: state(l2, 2, [b, .slot(container: l1, slot: "[0]")]),
                                           reason: "stored in [0] of list #1")]),
            StatementFact(range: r(5, 0, 8), anchor: SourcePosition(line: 5, utf8Column: 8), frame: "<module>",
                          effects: [Effect(subject: "a", value: state(l1, 1, [.slot(container: l2, slot: "[0]")]), reason: "del a"),
                                    Effect(subject: "b", value: state(l2, 1, [.slot(container: l1, slot: "[0]")]), reason: "del b")]),
        ]
        let names = [
            NameFact(range: r(1, 0, 1), name: "a", frame: "<module>", values: [state(l1, 1, [a])]),
            NameFact(range: r(2, 0, 1), name: "b", frame: "<module>", values: [state(l2, 1, [b])]),
            NameFact(range: r(3, 0, 1), name: "a", frame: "<module>", values: [state(l1, 1, [a])]),
        ]
        let cycle = CycleFact(objects: [l1, l2],
                              edges: [CycleEdge(from: l1, to: l2, via: "[0]", createdAt: r(3, 0, 11)),
                                      CycleEdge(from: l2, to: l1, via: "[0]", createdAt: r(4, 0, 11))],
                              closedAt: r(4, 0, 11), becameGarbageAt: r(5, 0, 8))
        return AnalysisResult(objects: objects, statements: statements, names: names, cycles: [cycle])
    }

    func testLabels() {
        XCTAssertEqual(HintLabel.text(.exact(1)), "rc 1")
        XCTAssertEqual(HintLabel.text(.exact(0)), "freed")
        XCTAssertEqual(HintLabel.text(.range(min: 1, max: 2)), "rc 1–2")
        XCTAssertEqual(HintLabel.text(.atLeast(1)), "rc ≥1")
        XCTAssertEqual(HintLabel.text(.unknown), "rc ?")
        XCTAssertEqual(HintLabel.text(.interned(reason: "small int")), "interned")
        XCTAssertEqual(HintLabel.truncate("a: rc 2 · b: rc 1", maxLength: 8), "a: rc 2…")
    }

    func testOneObjectShowsCountAloneSeveralAreNamed() {
        let hints = InlayHintPresenter.hints(twoListFacts(), source: SourceLines(source), settings: Settings())
        XCTAssertEqual(hints.map(\.label), ["rc 1", "rc 2", "a: rc 1 · b: rc 1"])
        XCTAssertEqual(hints[2].parts.map(\.location), [r(1, 4, 6), nil, r(2, 4, 6)])
        XCTAssertEqual(hints[1].tooltip,
                       "**b** → list #2, created line 2 (`[]`): rc **2**, held by `b` in `<module>`, slot `[0]` of list #1  \nwhy: stored in [0] of list #1")
    }

    func testHintsOnlyInRequestedLines() {
        let hints = InlayHintPresenter.hints(twoListFacts(), source: SourceLines(source), settings: Settings(), lines: 2...4)
        XCTAssertEqual(hints.map(\.anchor.line), [3])
    }

    func testCycleWarningNamesPathAndEdges() {
        let ds = CycleDiagnostics.diagnostics(twoListFacts(), settings: Settings())
        XCTAssertEqual(ds.map(\.code), ["reference-cycle", "cycle-garbage"])
        XCTAssertEqual(ds[0].message,
                       "reference cycle: list #1 → list #2 → list #1 (b[0] → a[0]); reference counting alone never frees it")
        XCTAssertEqual(ds[0].severity, .warning)
        XCTAssertEqual(ds[0].range, r(4, 0, 11))
        XCTAssertEqual(ds[0].related, [
            .init(range: r(3, 0, 11), message: "list #1 → list #2: reference `a[0]` made here"),
            .init(range: r(4, 0, 11), message: "list #2 → list #1: reference `b[0]` made here"),
        ])
        XCTAssertEqual(ds[1].message,
                       "list #1 and list #2 are now garbage held only by their cycle; the cyclic garbage collector must free them")
        XCTAssertEqual(ds[1].severity, .information)
        XCTAssertEqual(ds[1].range, r(5, 0, 8))
    }

    func testCyclesCanBeSwitchedOff() {
        var settings = Settings()
        settings.diagnosticsCycles = false
        XCTAssertTrue(CycleDiagnostics.diagnostics(twoListFacts(), settings: settings).isEmpty)
    }

    func testHoverShowsObjectHoldersAndCycle() {
        let facts = twoListFacts()
        let hover = HoverPresenter.hover(at: SourcePosition(line: 3, utf8Column: 0), facts, source: SourceLines(source))
        XCTAssertEqual(hover?.range, r(3, 0, 1))
        XCTAssertEqual(hover?.markdown, """
            **a** → list #1, created line 1 (`[]`)

            rc **1**, held by:
            - `a` in `<module>`

            contents: `[]`
            """)
        XCTAssertNil(HoverPresenter.hover(at: SourcePosition(line: 3, utf8Column: 5), facts, source: SourceLines(source)))
    }

    func testAnnotatePutsHintsAsCommentsAndDiagnosticsBelow() {
        let out = Annotator.render(source, result: twoListFacts(), settings: Settings(), color: false)
        XCTAssertEqual(out, """
            a = []       # rc 1
            b = []
            a.append(b)  # rc 2
            b.append(a)
            # warning: reference cycle: list #1 → list #2 → list #1 (b[0] → a[0]); reference counting alone never frees it [reference-cycle]
            #   line 3: list #1 → list #2: reference `a[0]` made here
            #   line 4: list #2 → list #1: reference `b[0]` made here
            del a, b     # a: rc 1 · b: rc 1
            # info: list #1 and list #2 are now garbage held only by their cycle; the cyclic garbage collector must free them [cycle-garbage]

            """)
    }
}
