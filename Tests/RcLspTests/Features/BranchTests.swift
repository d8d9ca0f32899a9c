import LSPTransport
import XCTest

/// Conditions the analysis cannot decide: both branches are followed, each with exact counts, and what
/// comes after joins them into a range. `raise` and a failing `assert` end a path.
final class BranchTests: XCTestCase {
    func testBothBranchesOfAnUnknownConditionGetHintsAndTheJoinIsARange() throws {
        let s = try EditorSession("""
            import os
            data = [1, 2, 3]
            if os.environ.get("DEBUG"):
                other = data
            else:
                del data
            y = []

            """)
        XCTAssertEqual(try s.hints(), ["1:16 rc 1", "3:16 rc 2", "5:12 freed", "6:6 rc 1"])
    }

    func testAFunctionNobodyCallsGetsHintsInsideItsBranches() throws {
        let s = try EditorSession("""
            def build(flag):
                items = []
                if flag:
                    extra = [1, 2]
                    items.append(extra)
                alias = items
                return alias

            """)
        XCTAssertEqual(try s.hints(), ["0:16 rc 1", "1:14 rc 1", "3:22 rc 1", "4:27 rc 2", "5:17 rc 2"])
    }

    func testRaiseEndsItsPathSoWhatFollowsKeepsAnExactCount() throws {
        let s = try EditorSession("""
            def pick(a, c):
                out = []
                if a:
                    out.append(1)
                if c is None:
                    raise ValueError("need c")
                keep = out
                return keep

            """)
        XCTAssertEqual(try s.hints(), ["0:15 rc 1", "1:12 rc 1", "6:14 rc 2"])
    }

    func testAValueThatDependsOnTheBranchShowsTheRangeOfBoth() throws {
        let s = try EditorSession("""
            import os
            n = []
            m = n if os.environ.get("X") else []
            1️⃣m

            """)
        XCTAssertEqual(try s.hints(), ["1:6 rc 1", "2:36 rc 1–2"])
        let hint = try XCTUnwrap(s.rawHints().arrayValue?.last)
        let resolved = try s.server.result(of: "inlayHint/resolve", hint)
        XCTAssertEqual(resolved["tooltip"]?["value"]?.stringValue,
                       "**m** → list #1, created line 2 (`[]`) (other times or paths: list #2): rc **1–2** (it differs between the times this runs: loop iterations, calls or branches), held by `n` in `<module>`, `m` in `<module>`  \nwhy: bound to m")
        XCTAssertEqual(try s.hover(1), """
            **m** depends on the path taken (2 possibilities):

            **m** → list #1, created line 2 (`[]`)

            rc **2**, held by:
            - `n` in `<module>`
            - `m` in `<module>`

            contents: `[]`

            ---

            **m** → list #2, created line 3 (`[]`)

            rc **1**, held by:
            - `m` in `<module>`

            contents: `[]`
            """)
    }

    func testManyConditionsStayWithinTheBudgetAndNeverClaimAWrongCount() throws {
        // 2^12 paths are too many: the first conditions are split, the later ones are given up.
        var lines = ["import os", "acc = []"]
        for i in 0..<12 { lines += ["if os.environ.get(\"V\(i)\"):", "    acc.append([])"] }
        lines += ["last = acc", ""]
        let s = try EditorSession(lines.joined(separator: "\n"))
        let hints = try s.hints()
        XCTAssertEqual(hints.first, "1:8 rc 1")
        XCTAssertEqual(hints.last, "26:10 rc ?")
    }

    func testTypeTestsOnUnknownValuesForkAndAGivenUpConditionOnlyBlursWhatItMentions() throws {
        let s = try EditorSession("""
            def f(x, n):
                out = []
                if isinstance(x, list):
                    a = out
                if n:
                    print(n)
                other = []
                if x.attr:
                    b = other
                if n == 0:
                    c = other
                keep = out
                return keep

            """)
        // Three conditions are split (8 paths); the fourth is given up: `other`, which it mentions, is no
        // longer counted, `out` still is.
        XCTAssertEqual(try s.hints(), ["0:12 rc 1", "1:12 rc 1", "3:15 rc 2", "6:14 rc 1", "8:17 rc 2",
                                       "11:14 rc 2–3"])
    }

    func testALoopOverAnUnknownIterableRunsOneGenericIteration() throws {
        // What an iteration makes is counted exactly in every iteration; what it reaches from outside is not,
        // except a list it only appends to: its contents are unknown, its count is not.
        let s = try EditorSession("""
            def build(items, n):
                out = []
                for x in items:
                    row = [x]
                    pair = (row, row)
                    out.append(row)
                while n:
                    tmp = []
                    n = n - 1
                keep = out
                return keep

            """)
        XCTAssertEqual(try s.hints(), ["0:20 rc 1", "1:12 rc 1", "2:19 rc ?", "3:17 row: rc 1 · x: rc ?",
                                       "4:25 pair: rc 1 · row: rc 3", "5:23 rc 4", "7:16 rc 1", "8:17 rc ?",
                                       "9:14 rc 2"])
    }

    func testALoopThatMayReturnForksBetweenReturningAndFinishing() throws {
        let s = try EditorSession("""
            def find(items, key):
                for x in items:
                    hit = [x]
                    if x == key:
                        return hit
                miss = []
                return miss

            """)
        XCTAssertEqual(try s.hints(), ["0:21 rc 1", "1:19 rc ?", "2:17 hit: rc 1 · x: rc ?", "5:13 rc 1"])
    }

    func testALoopThatMayReturnButCannotBeFollowedGivesUpTheStatementAroundIt() throws {
        // `with` in the body is not generalised: the whole loop is given up. What follows it is what happens
        // when it did not return.
        let s = try EditorSession("""
            def find(items, lock):
                for x in items:
                    with lock:
                        return x
                miss = []
                alias = miss
                return alias

            """)
        XCTAssertEqual(try s.hints(), ["0:22 rc 1", "4:13 rc 1", "5:16 rc 2"])
    }

    func testAComprehensionOverAnUnknownIterableMakesOneCountedContainer() throws {
        let s = try EditorSession("""
            def f(items):
                base = [0]
                squares = [x * x for x in items]
                pairs = {x: base for x in items}
                keep = squares
                b = base
                return keep

            """)
        // `base` is stored once per item: its count is unknown.
        XCTAssertEqual(try s.hints(), ["0:13 rc 1", "1:14 rc 1", "2:36 rc 1", "3:36 rc 1", "4:18 rc 2",
                                       "5:12 rc ?"])
    }
}
