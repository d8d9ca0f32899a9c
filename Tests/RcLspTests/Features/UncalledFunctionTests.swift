import LSPTransport
import XCTest

/// Functions the program never calls are analysed on their own: what they make is counted exactly, and
/// whatever else may reach it (a closure they call, a global they set) takes the exact count away.
final class UncalledFunctionTests: XCTestCase {
    func testWhatTheFunctionMakesIsCountedExactly() throws {
        let s = try EditorSession("""
            def f(x):
                out = []
                alias = out
                return alias

            """)
        XCTAssertEqual(try s.hints(), ["0:9 rc 1", "1:12 rc 1", "2:15 rc 2"])
    }

    func testACalledClosureMayRebindItsCellsSoTheyAreNoLongerCounted() throws {
        let s = try EditorSession("""
            def f():
                out = []
                def g():
                    nonlocal out
                    out = None
                g()
                keep = out
                return keep

            """)
        XCTAssertEqual(try s.hints(), ["0:8 rc 1", "1:12 rc 1", "2:12 rc 1", "6:14 rc ?"])
    }

    func testAGlobalItSetsMayBeReadByAnyone() throws {
        let s = try EditorSession("""
            cache = None
            def f(key):
                global cache
                made = []
                cache = made
                other = made
                return other

            """)
        XCTAssertEqual(try s.hints(), ["1:11 rc 1", "3:13 rc 1", "4:16 rc ?", "5:16 rc ?"])
    }

    func testALoopTooLongToFollowIsGivenUpAndTheRestOfTheFileStillCounts() throws {
        let s = try EditorSession("""
            acc = []
            for i in range(1000000):
                acc.append(i)
            b = [1]
            c = b

            def f():
                x = []
                y = x
                return y

            """)
        XCTAssertEqual(try s.hints(), ["0:8 rc 1", "1:24 rc ?", "2:17 rc ?", "3:7 rc 1", "4:5 rc 2",
                                       "6:8 rc 1", "7:10 rc 1", "8:9 rc 2"])
    }

    func testANestedFunctionDoesNotKnowWhenItIsCalled() throws {
        // g may run while outer still holds `out2`, or after outer returned: the cell's object has no
        // count g can vouch for.
        let s = try EditorSession("""
            def outer():
                out = []
                def g():
                    alias = out
                    return alias
                out2 = out
                return g

            """)
        XCTAssertEqual(try s.hints(), ["0:12 rc 1", "1:12 rc 1", "2:12 rc 1", "3:19 rc ?", "5:14 rc 2"])
    }
}
