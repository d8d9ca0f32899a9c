import LSPTransport
import XCTest

/// `textDocument/inlayHint` through the binary: a snippet in, the hints the editor draws out.
final class InlayHintTests: XCTestCase {
    func testSeedExampleReadsExactly() throws {
        let s = try EditorSession("""
            a = [1, 2, 3]
            b = a
            c = a
            del b
            del c
            del a

            """)
        XCTAssertEqual(try s.hints(), ["0:13 rc 1", "1:5 rc 2", "2:5 rc 3", "3:5 rc 2", "4:5 rc 1", "5:5 freed"])
    }

    func testHintShapeIsPaddedUntypedWithoutEditsAndPointsAtTheAllocation() throws {
        let s = try EditorSession("a = [1, 2, 3]\nb = a\n")
        let hint = try XCTUnwrap(s.rawHints().arrayValue?.last)
        XCTAssertEqual(hint["paddingLeft"], true)
        XCTAssertNil(hint["kind"])
        XCTAssertNil(hint["textEdits"])
        let part = try XCTUnwrap(hint["label"]?.arrayValue?.first)
        XCTAssertEqual(part["value"], "rc 2")
        XCTAssertEqual(EditorSession.range(part["location"]?["range"]), "0:4-0:13")
        XCTAssertEqual(part["location"]?["uri"], .string(EditorSession.uri))
    }

    func testSeveralObjectsAreNamedInOneHint() throws {
        let s = try EditorSession("a = []\nb = []\na.append(b)\nb.append(a)\ndel a, b\n")
        XCTAssertEqual(try s.hints(), ["0:6 rc 1", "1:6 rc 1", "2:11 rc 2", "3:11 rc 2", "4:8 a: rc 1 · b: rc 1"])
    }

    func testOnlyHintsInsideTheRequestedRange() throws {
        let s = try EditorSession("a = [1]\nb = a\nc = a\nd = a\n")
        XCTAssertEqual(try s.hints(from: 1, to: 2), ["1:5 rc 2", "2:5 rc 3"])
    }

    func testInternedValuesAreHiddenByDefault() throws {
        let s = try EditorSession("x = 10\ny = [x]\n")
        XCTAssertEqual(try s.hints(), ["1:7 rc 1"])
    }

    func testTooltipIsResolvedLazilyWhenTheClientCan() throws {
        let s = try EditorSession("a = [1, 2, 3]\nb = a\n")
        let hint = try XCTUnwrap(s.rawHints().arrayValue?.last)
        XCTAssertNil(hint["tooltip"])
        let resolved = try s.server.result(of: "inlayHint/resolve", hint)
        XCTAssertEqual(resolved["tooltip"]?["kind"], "markdown")
        XCTAssertEqual(resolved["tooltip"]?["value"]?.stringValue,
                       "**b** → list #1, created line 1 (`[1, 2, 3]`): rc **2**, held by `a` in `<module>`, `b` in `<module>`  \nwhy: bound to b")
    }

    func testHintsFollowEditsWithoutStaleAnswers() throws {
        let s = try EditorSession("a = [1]\n")
        XCTAssertEqual(try s.hints(), ["0:7 rc 1"])
        s.change(to: "a = [1]\nb = a\n")
        XCTAssertEqual(try s.hints(), ["0:7 rc 1", "1:5 rc 2"])
    }

    func testParametersOfACalledFunctionShowOnItsDefLine() throws {
        let s = try EditorSession("""
            def add(x, y):
                return x + y


            a = [1]
            b = [2]
            c = add(a, b)

            """)
        XCTAssertEqual(try s.hints(), ["0:14 add: rc 1", "0:14 x: rc 2 · y: rc 2", "4:7 rc 1", "5:7 rc 1", "6:13 rc 1"])
    }
}

extension InlayHintTests {
    func testNamesStoredInADisplayAreNamedWithTheNewContainer() throws {
        let s = try EditorSession("row = [0, 0]\ngrid = [row, row]\npair = (row, {\"k\": grid})\n")
        XCTAssertEqual(try s.hints(), ["0:12 rc 1", "1:17 grid: rc 1 · row: rc 3", "2:25 pair: rc 1 · row: rc 4 · grid: rc 2"])
    }
}
