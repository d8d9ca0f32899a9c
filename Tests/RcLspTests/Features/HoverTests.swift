import LSPTransport
import XCTest

/// `textDocument/hover` through the binary: what a name points to at its program point.
final class HoverTests: XCTestCase {
    func testNamePointsToItsObjectWithEveryHolder() throws {
        let s = try EditorSession("""
            a = [1, 2, 3]
            1️⃣b = a

            """)
        XCTAssertEqual(try s.hover(1), """
            **b** → list #1, created line 1 (`[1, 2, 3]`)

            rc **2**, held by:
            - `a` in `<module>`
            - `b` in `<module>`

            contents: `[1, 2, 3]`
            """)
        XCTAssertEqual(EditorSession.range(try s.hoverResult(1)["range"]), "1:0-1:1")
    }

    func testContainerSlotsAttributesAndCyclesAreNamed() throws {
        let s = try EditorSession("""
            class Node:
                def __init__(self):
                    self.parent = None


            root = Node()
            leaf = Node()
            leaf.parent = root
            items = [root]
            root.parent = leaf
            2️⃣root

            """)
        XCTAssertEqual(try s.hover(2), """
            **root** → Node #1, created line 6 (`root = Node()`)

            rc **3**, held by:
            - `root` in `<module>`
            - attribute `.parent` of Node #2
            - slot `[0]` of list #1

            contents: `Node(parent=Node(parent=…))`

            part of a reference cycle: Node #1 → Node #2 → Node #1
            """)
    }

    func testParameterInsideACallShowsTheCallersHolders() throws {
        let s = try EditorSession("""
            def f(p):
                3️⃣q = p


            xs = [1]
            f(xs)

            """)
        XCTAssertEqual(try s.hover(3), """
            **q** → list #1, created line 5 (`[1]`)

            rc **3**, held by:
            - `xs` in `<module>`
            - `p` in `f()`
            - `q` in `f()`

            contents: `[1]`
            """)
    }

    func testSharedValuesSayWhyTheyAreNotCounted() throws {
        let s = try EditorSession("4️⃣x = 10\n")
        XCTAssertEqual(try s.hover(4), "**x** → `int` `10` — not counted: small ints (-5 to 256) are preallocated and shared by the whole interpreter")
    }

    func testNothingOnWhitespaceKeywordsAndComments() throws {
        let s = try EditorSession("a = [1]5️⃣  # 6️⃣comment\n7️⃣del a\n")
        XCTAssertEqual(try s.hoverResult(5), .null)
        XCTAssertEqual(try s.hoverResult(6), .null)
        XCTAssertEqual(try s.hoverResult(7), .null)
    }

    func testPlainTextForClientsThatPreferIt() throws {
        let s = try EditorSession("a = [1, 2, 3]\n8️⃣b = a\n",
                                  capabilities: ["textDocument": ["hover": ["contentFormat": ["plaintext"]]]])
        XCTAssertEqual(try s.hoverResult(8)["contents"]?["kind"], "plaintext")
        XCTAssertEqual(try s.hover(8), """
            b → list #1, created line 1 ([1, 2, 3])

            rc 2, held by:
            - a in <module>
            - b in <module>

            contents: [1, 2, 3]
            """)
    }
}
