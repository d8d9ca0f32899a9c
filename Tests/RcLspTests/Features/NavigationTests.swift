import LSPTransport
import XCTest

/// Definition, references and highlights by heap object, through the binary.
final class NavigationTests: XCTestCase {
    let source = """
        a = [1, 2, 3]
        b = a
        box = {"k": b}
        1️⃣c = a
        d = [4]
        2️⃣d

        """

    func testDefinitionGoesToTheAllocationSite() throws {
        let s = try EditorSession(source)
        let locations = try s.request("textDocument/definition", at: 1)
        XCTAssertEqual(locations.arrayValue?.map { EditorSession.range($0["range"]) }, ["0:4-0:13"])
        XCTAssertEqual(try s.request("textDocument/definition", at: 2).arrayValue?.map { EditorSession.range($0["range"]) },
                       ["4:4-4:7"])
    }

    func testReferencesAreEveryPlaceHoldingTheSameObject() throws {
        let s = try EditorSession(source)
        let refs = try s.request("textDocument/references", at: 1, ["context": ["includeDeclaration": false]])
        XCTAssertEqual(refs.arrayValue?.map { EditorSession.range($0["range"]) },
                       ["0:0-0:1", "1:0-1:1", "1:4-1:5", "2:12-2:13", "3:0-3:1", "3:4-3:5"])
        let withDecl = try s.request("textDocument/references", at: 1, ["context": ["includeDeclaration": true]])
        XCTAssertEqual(withDecl.arrayValue?.first.map { EditorSession.range($0["range"]) }, "0:4-0:13")
    }

    func testHighlightsMatchReferences() throws {
        let s = try EditorSession(source)
        let highlights = try s.request("textDocument/documentHighlight", at: 2)
        XCTAssertEqual(highlights.arrayValue?.map { EditorSession.range($0["range"]) }, ["4:0-4:1", "5:0-5:1"])
    }
}
