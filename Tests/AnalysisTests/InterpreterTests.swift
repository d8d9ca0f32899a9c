import XCTest
@testable import Analysis

/// The interpreter as a specification: a Python snippet in, CPython 3.11's exact counts, holders and
/// cycles out (the numbers are what `sys.getrefcount(x) - 1` prints there).
final class InterpreterTests: XCTestCase {
    func testAliasAndDelCountsOfTheTutorial() {
        let p = InterpretedProgram("""
        a = [1, 2, 3]
        b = a
        c = a
        del b
        del c
        del a
        print("done")
        """)
        XCTAssertEqual(p.rc("a", .line, 1), "1")
        XCTAssertEqual(p.rc("b", .line, 2), "2")
        XCTAssertEqual(p.rc("c", .line, 3), "3")
        XCTAssertEqual(p.rc("a", .line, 4), "2")
        XCTAssertEqual(p.rc("a", .line, 5), "1")
        XCTAssertEqual(p.rc("a", .line, 6), "unbound")
        XCTAssertEqual(p.site("c", .line, 3), ["list@1"])
    }

    func testArgumentsMoveIntoTheCalleeAndTheFrameHoldsItsFunction() {
        let p = InterpretedProgram("""
        def show(items, extra):
            items = items + extra
            return len(items)
        data = [1, 2]
        more = [3]
        n = show(data, more)
        """)
        XCTAssertEqual(p.rc("items", .call, 1, "show"), "2")
        XCTAssertEqual(p.rc("extra", .call, 1, "show"), "2")
        XCTAssertEqual(p.rc("items", .line, 2, "show"), "1")
        XCTAssertEqual(p.site("items", .line, 2, "show"), ["list@2"])
        XCTAssertEqual(p.rc("n", .end, 6), "\"interned\"")
    }

    func testReturnValueInFlightCountsOnce() {
        let p = InterpretedProgram("""
        def make(a):
            pair = [a, [0]]
            return pair
        item = [1]
        p = make(item)
        """)
        XCTAssertEqual(p.rc("pair", .line, 2, "make"), "1")
        XCTAssertEqual(p.rc("pair", .return, 3, "make"), "2")
        XCTAssertEqual(p.rc("a", .return, 3, "make"), "3")
        XCTAssertEqual(p.rc("p", .end, 5), "1")
        XCTAssertEqual(p.rc("item", .end, 5), "2")
    }

    func testConstructorHoldsArgumentsTwiceAndTheInstanceOnce() {
        let p = InterpretedProgram("""
        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y
        xs = [1]
        p = Point(xs, [2])
        """)
        XCTAssertEqual(p.rc("self", .call, 2, "Point.__init__"), "2")
        XCTAssertEqual(p.rc("x", .call, 2, "Point.__init__"), "4")
        XCTAssertEqual(p.rc("y", .call, 2, "Point.__init__"), "3")
        XCTAssertEqual(p.rc("x", .line, 3, "Point.__init__"), "5")
        XCTAssertEqual(p.rc("y", .return, 4, "Point.__init__"), "4")
        XCTAssertEqual(p.rc("xs", .end, 6), "2")
        XCTAssertEqual(p.rc("Point", .end, 6), "\"opaque\"")
        XCTAssertEqual(p.site("p", .end, 6), ["Point@6"])
    }

    func testForLoopIteratorHoldsTheListUntilExhausted() {
        let p = InterpretedProgram("""
        a = [1]
        items = [a, [2]]
        for item in items:
            pass
        del item
        """)
        XCTAssertEqual(p.rc("items", .line, 3), "{\"min\": 1, \"max\": 2}")
        XCTAssertEqual(p.rc("a", .line, 4), "{\"min\": 2, \"max\": 3}")
        XCTAssertEqual(p.rc("items", .end, 5), "1")
        XCTAssertEqual(p.rc("a", .end, 5), "2")
    }

    func testTwoListCycleIsReportedThenBecomesGarbage() {
        let p = InterpretedProgram("""
        a = []
        b = [a]
        a.append(b)
        del a, b
        x = 1
        """)
        XCTAssertEqual(p.cycles(after: 2), [])
        XCTAssertEqual(p.cycles(after: 3), [["list@1", "list@2"]])
        XCTAssertEqual(p.garbage(after: 3), [])
        XCTAssertEqual(p.garbage(after: 4), [["list@1", "list@2"]])
        XCTAssertEqual(p.interp.recorder.freedByGC, ["list@1", "list@2"])
    }

    func testClosureCellIsOneReferenceSharedByBothFrames() {
        let p = InterpretedProgram("""
        def make():
            counts = [0]
            def bump():
                counts[0] += 1
                return counts
            return bump
        counter = make()
        state = counter()
        """)
        XCTAssertEqual(p.rc("counts", .line, 2, "make"), "1")
        XCTAssertEqual(p.rc("bump", .return, 6, "make"), "2")
        XCTAssertEqual(p.rc("counts", .return, 5, "make.<locals>.bump"), "2")
        XCTAssertEqual(p.rc("state", .end, 8), "2")
    }

    func testComprehensionFrameHoldsItsIteratorAndResult() {
        let p = InterpretedProgram("""
        a = [1]
        b = [2]
        objs = [a, b]
        picked = [o for o in objs if o]
        """)
        XCTAssertEqual(p.rc("o", .return, 4, "<listcomp>"), "4")
        XCTAssertEqual(p.rc("picked", .end, 4), "1")
        XCTAssertEqual(p.rc("a", .end, 4), "3")
    }

    func testConstantsAreInternedAndRuntimeValuesAreCounted() {
        let p = InterpretedProgram("""
        t = (1, 2)
        x = 1000
        y = x + 1
        s = "ab" * 3
        w = s + "cd"
        big = 10 ** 20
        """)
        XCTAssertEqual(p.rc("t", .end, 6), "\"interned\"")
        XCTAssertEqual(p.rc("x", .end, 6), "\"interned\"")
        XCTAssertEqual(p.rc("y", .end, 6), "1")
        XCTAssertEqual(p.rc("s", .end, 6), "\"interned\"")
        XCTAssertEqual(p.rc("w", .end, 6), "1")
        XCTAssertEqual(p.rc("big", .end, 6), "\"interned\"")
    }

    func testIdentityOfEqualConstantsIsOnlyDecidedForSharedSingletons() {
        let p = InterpretedProgram("""
        a = None
        small = 5 is 5
        name = "abc" is "abc"
        big = 1000
        same = big is 1000
        after = [1]
        """)
        XCTAssertEqual(p.rc("small", .line, 2), "\"interned\"")
        XCTAssertEqual(p.rc("name", .line, 3), "\"interned\"")
        XCTAssertEqual(p.rc("same", .end, 6), "\"unknown\"")
        XCTAssertEqual(p.rc("after", .end, 6), "1")
    }

    func testBoundMethodHoldsItsInstance() {
        let p = InterpretedProgram("""
        class G:
            def greet(self):
                return 1
        g = G()
        m = g.greet
        del g
        w = m()
        """)
        XCTAssertEqual(p.rc("g", .line, 5), "2")
        XCTAssertEqual(p.rc("self", .call, 2, "G.greet"), "2")
        XCTAssertEqual(p.site("m", .end, 7), ["method@5"])
    }

    func testAfterAStatementOutsideTheSubsetOldObjectsAreUnknownAndNewOnesExact() {
        let p = InterpretedProgram("""
        a = [1]
        n = None
        with open("x") as fh:
            b = a
            n = [2]
        c = a
        d = [3]
        e = d
        """)
        XCTAssertEqual(p.rc("a", .line, 1), "1")
        XCTAssertEqual(p.rc("c", .line, 6), "\"unknown\"")
        XCTAssertEqual(p.rc("n", .line, 6), "\"unknown\"")
        XCTAssertEqual(p.rc("e", .end, 8), "2")
        XCTAssertEqual(p.interp.havocReasons.count, 1)
        XCTAssertTrue(p.interp.heapTainted)
    }

    func testPointsTheUnfollowedRestOfAStatementMayReachAgainBecomeUnknown() {
        let p = InterpretedProgram("""
        def show(v):
            return v
        for d in [[1], None]:
            e = show(d)
            f = d[0]
        g = [2]
        """)
        // The second iteration stops at d[0] (None is not subscriptable here): the loop's points and every
        // function's points may have more values in the real run.
        XCTAssertEqual(p.rc("d", .line, 4), "\"unknown\"")
        XCTAssertEqual(p.rc("v", .call, 1, "show"), "\"unknown\"")
        XCTAssertEqual(p.rc("g", .end, 6), "1")
    }

    func testATryBodyThatCannotRaiseRunsElseAndFinally() {
        let p = InterpretedProgram("""
        a = [1]
        try:
            b = a
        except KeyError:
            c = a
        else:
            d = a
        finally:
            e = a
        """)
        XCTAssertEqual(p.rc("a", .end, 9), "4")
        XCTAssertEqual(p.rc("c", .end, 9), "unbound")
        XCTAssertTrue(p.interp.havocReasons.isEmpty)
    }

    func testABranchOnAnUnknownValueWithoutCallsOnlyTaintsWhatItMentions() {
        let p = InterpretedProgram("""
        from config import flag
        a = [1]
        b = [2]
        if flag:
            c = a
        d = b
        e = a
        """)
        XCTAssertEqual(p.rc("d", .line, 6), "2")
        XCTAssertEqual(p.rc("e", .end, 7), "\"unknown\"")
        XCTAssertEqual(p.rc("c", .end, 7), "\"unknown\"")
    }

    func testReadingATaintedContainerGivesAnUnknownValue() {
        let p = InterpretedProgram("""
        box = [[1]]
        with open("x") as fh:
            pass
        fresh = [2]
        box.append(fresh)
        got = box[0]
        box.clear()
        """)
        XCTAssertEqual(p.rc("got", .line, 6), "\"unknown\"")
        XCTAssertEqual(p.rc("fresh", .end, 7), "\"unknown\"")
        XCTAssertEqual(p.rc("fresh", .line, 4), "1")
    }

    func testUnknownCallResultsAreNeverExact() {
        let p = InterpretedProgram("""
        import os
        data = [1]
        x = os.fspath(data)
        y = data
        """)
        XCTAssertEqual(p.rc("x", .end, 4), "\"unknown\"")
        XCTAssertEqual(p.rc("y", .end, 4), "\"unknown\"")
        XCTAssertEqual(p.rc("os", .end, 4), "\"interned\"")
    }

    func testDeeplyNestedInputNeitherCrashesNorClaimsTooMuch() {
        let depth = 2000
        let src = "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\nb = [1]\n"
        let interp = Interpreter(module: PythonParser.parse(src).module)
        interp.run()
        let deepIfs = (0..<300).map { String(repeating: " ", count: $0) + "if True:\n" }.joined()
            + String(repeating: " ", count: 300) + "x = [1]\n"
        let interp2 = Interpreter(module: PythonParser.parse(deepIfs).module)
        interp2.run()
        XCTAssertTrue(interp.abortReason != nil || interp.recorder.points.count == 2)
    }

    func testFibonacciRecursionIsExactAtEveryDepth() {
        let p = InterpretedProgram("""
        def fib(n, memo):
            if n < 2:
                return n
            r = fib(n - 1, memo) + fib(n - 2, memo)
            memo.append(r)
            return r
        cache = []
        v = fib(12, cache)
        """)
        XCTAssertNil(p.interp.abortReason)
        XCTAssertEqual(p.rc("cache", .end, 8), "1")
        XCTAssertEqual(p.rc("memo", .call, 1, "fib"), "{\"min\": 2, \"max\": 13}")
    }

    func testDeepRecursionOnASmallStackThreadStopsInsteadOfOverflowing() {
        let src = "def f(n):\n    if n == 0:\n        return [[[[[1]]]]]\n    return [f(n - 1)]\nx = f(39)\ny = [2]\n"
        let done = expectation(description: "analysed")
        final class Box: @unchecked Sendable { var interp: Interpreter? }
        let box = Box()
        let thread = Thread {
            let interp = Interpreter(module: PythonParser.parse(src).module)
            interp.run()
            box.interp = interp
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 60)
        guard let interp = box.interp else { return XCTFail("no run") }
        XCTAssertEqual(interp.recorder.points[PointKey(event: .end, line: 6, frame: "<module>")]?.bindings["y"]?.ints, [1])
    }

    func testDeepRecursionStopsWithinTheBudget() {
        let p = InterpretedProgram("""
        def f(n):
            return f(n + 1)
        f(0)
        """)
        XCTAssertEqual(p.interp.havocReasons.count, 1)
        // The unfollowed deeper calls reach f's points again: they are incomplete.
        XCTAssertEqual(p.rc("n", .call, 1, "f"), "\"unknown\"")
    }
}
