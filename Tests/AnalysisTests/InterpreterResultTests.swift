import XCTest
@testable import Analysis

/// `Analyzer.analyze` as the editor sees it: statement facts with their holders, name facts, cycles.
final class InterpreterResultTests: XCTestCase {
    private func effect(_ r: AnalysisResult, line: Int, _ subject: String, frame: String = "<module>") -> Effect? {
        r.statements.first { $0.range.line == line && $0.frame == frame }?.effects.first { $0.subject == subject }
    }

    private func count(_ e: Effect?) -> RefCount? {
        if case .object(let s)? = e?.value { return s.count }
        return nil
    }

    func testSeedExampleStatementFacts() {
        let r = Analyzer.analyze("a = [1, 2, 3]\nb = a\nc = a\ndel b\ndel c\ndel a\n")
        XCTAssertEqual(count(effect(r, line: 1, "a")), .exact(1))
        XCTAssertEqual(count(effect(r, line: 2, "b")), .exact(2))
        XCTAssertEqual(count(effect(r, line: 3, "c")), .exact(3))
        XCTAssertEqual(count(effect(r, line: 4, "b")), .exact(2))
        XCTAssertEqual(count(effect(r, line: 5, "c")), .exact(1))
        XCTAssertEqual(count(effect(r, line: 6, "a")), .exact(0))
        XCTAssertEqual(effect(r, line: 6, "a")?.freed, true)
        XCTAssertEqual(effect(r, line: 5, "c")?.freed, false)
        XCTAssertEqual(r.statements.first?.anchor, SourcePosition(line: 1, utf8Column: 13))
        XCTAssertEqual(r.objects.map(\.label), ["list #1"])
    }

    func testHoldersNameEveryReference() {
        let r = Analyzer.analyze("a = []\nb = [a]\nc = a\n")
        guard case .object(let s)? = effect(r, line: 3, "c")?.value else { return XCTFail("no fact") }
        XCTAssertEqual(s.count, .exact(3))
        XCTAssertEqual(s.holders.count, 3)
        XCTAssertTrue(s.holders.contains(.name("a", frame: "<module>")))
        XCTAssertTrue(s.holders.contains(.name("c", frame: "<module>")))
        XCTAssertTrue(s.holders.contains(.slot(container: ObjectID(1), slot: "[0]")))
        XCTAssertEqual(s.preview, "[]")
    }

    func testNameFactsPointToTheirObjects() {
        let r = Analyzer.analyze("a = [1]\nb = a\ndel a\n")
        let bNames = r.names.filter { $0.name == "b" }
        XCTAssertEqual(bNames.count, 1)
        guard case .object(let s)? = bNames.first?.values.first else { return XCTFail("no value") }
        XCTAssertEqual(s.count, .exact(2))
        let delA = r.names.first { $0.name == "a" && $0.range.line == 3 }
        guard case .object(let d)? = delA?.values.first else { return XCTFail("del a has no value") }
        XCTAssertEqual(d.object, s.object)
    }

    func testParametersOfACalledFunctionAreJoinedOverCalls() {
        let r = Analyzer.analyze("def f(x):\n    return 1\na = [1]\nf(a)\nb = a\nf(a)\n")
        XCTAssertEqual(count(effect(r, line: 1, "x", frame: "f")), .range(min: 2, max: 3))
        XCTAssertEqual(r.statements.first { $0.range.line == 1 && $0.frame == "f" }?.anchor,
                       SourcePosition(line: 1, utf8Column: 9))
    }

    func testUncalledFunctionsGetFactsForWhatTheyMakeThemselves() {
        let r = Analyzer.analyze("""
        def helper(data):
            result = []
            alias = result
            data.append(result)
            return alias
        class Store:
            def add(self, item):
                entry = [item]
                copy = entry
                self.log = entry
                return copy
        """)
        XCTAssertEqual(count(effect(r, line: 2, "result", frame: "helper")), .exact(1))
        XCTAssertEqual(count(effect(r, line: 3, "alias", frame: "helper")), .exact(2))
        XCTAssertEqual(count(effect(r, line: 4, "result", frame: "helper")), .unknown)
        XCTAssertEqual(count(effect(r, line: 8, "entry", frame: "Store.add")), .exact(1))
        XCTAssertEqual(count(effect(r, line: 9, "copy", frame: "Store.add")), .exact(2))
        XCTAssertEqual(count(effect(r, line: 10, "self.log", frame: "Store.add")), .unknown)
    }

    func testHiddenHoldersAreNamedInsideAConstructorCall() {
        let r = Analyzer.analyze("""
        class Point:
            def __init__(self, x):
                self.x = x
        xs = [1]
        p = Point(xs)
        """)
        guard case .object(let s)? = effect(r, line: 3, "self.x", frame: "Point.__init__")?.value else {
            return XCTFail("no fact for self.x")
        }
        XCTAssertEqual(s.count, .exact(5))
        XCTAssertEqual(s.holders.count, 5)
        XCTAssertTrue(s.holders.contains(.name("xs", frame: "<module>")))
        XCTAssertTrue(s.holders.contains(.name("x", frame: "Point.__init__")))
        XCTAssertTrue(s.holders.contains(.hidden("the args tuple of Point(...)")))
        XCTAssertTrue(s.holders.contains(.hidden("an argument")))
        XCTAssertTrue(s.holders.contains { if case .attribute(_, "x") = $0 { return true }; return false })
    }

    func testLoopVariableFactsAreJoinedOverIterations() {
        let r = Analyzer.analyze("a = [1]\nb = [2]\nitems = [a, b, a]\nfor it in items:\n    pass\n")
        XCTAssertEqual(count(effect(r, line: 4, "it")), .range(min: 3, max: 4))
        let occurrences = r.names.filter { $0.name == "it" && $0.range.line == 4 }
        XCTAssertEqual(occurrences.first?.values.count, 2)
        XCTAssertEqual(r.statements.first { $0.range.line == 4 }?.anchor, SourcePosition(line: 4, utf8Column: 16))
    }

    func testFactsTheUnfollowedRestOfAStatementMayReachAgainLoseTheirExactCounts() {
        // The second iteration stops at d[0][0] (an IndexError the interpreter does not follow).
        let r = Analyzer.analyze("def show(v):\n    w = v\n    return w\nfor d in [[[1]], [[]]]:\n    e = show(d)\n    f = d[0][0]\n")
        // The loop is given up and one generic iteration (with `d` unknown) covers the rest: the facts are
        // there, and none of them claims an exact count.
        for (line, name, frame) in [(5, "e", "<module>"), (2, "w", "show"), (1, "v", "show")] {
            let e = effect(r, line: line, name, frame: frame)
            XCTAssertNotNil(e, name)
            if case .object(let s)? = e?.value { XCTAssertEqual(s.count, .unknown, name) }
        }
    }

    func testCycleFactHasPathEdgesAndGarbagePoint() {
        let r = Analyzer.analyze("a = []\nb = [a]\na.append(b)\ndel a, b\nx = 1\n")
        XCTAssertEqual(r.cycles.count, 1)
        guard let c = r.cycles.first else { return }
        XCTAssertEqual(c.objects.count, 2)
        XCTAssertEqual(c.edges.map(\.via).sorted(), ["[0]", "[0]"])
        XCTAssertEqual(Set(c.edges.map(\.createdAt.line)), [2, 3])
        XCTAssertEqual(c.closedAt.line, 3)
        XCTAssertEqual(c.becameGarbageAt?.line, 4)
        XCTAssertFalse(c.hasFinalizer)
    }
}
