import LSPTransport
import XCTest

/// Cycle diagnostics through the binary: published on open, save and (debounced) edits, cleared on close.
final class CycleDiagnosticTests: XCTestCase {
    let twoLists = "a = []\nb = []\na.append(b)\nb.append(a)\ndel a, b\n"

    func testCycleWarningAndGarbageInformationOnOpen() throws {
        let s = try EditorSession(twoLists)
        let published = try s.server.awaitNotification("textDocument/publishDiagnostics")
        XCTAssertEqual(EditorSession.describe(published["params"]?["diagnostics"]), [
            "3:0-3:11 2 reference-cycle: reference cycle: list #1 → list #2 → list #1 (b[0] → a[0]); reference counting alone never frees it",
            "4:0-4:8 3 cycle-garbage: list #1 and list #2 are now garbage held only by their cycle; the cyclic garbage collector must free them",
        ])
        let warning = try XCTUnwrap(published["params"]?["diagnostics"]?.arrayValue?.first)
        XCTAssertEqual(warning["source"], "rc-lsp")
        let related = warning["relatedInformation"]?.arrayValue ?? []
        XCTAssertEqual(related.map { EditorSession.range($0["location"]?["range"]) }, ["2:0-2:11", "3:0-3:11"])
        XCTAssertEqual(related.map { $0["message"]?.stringValue ?? "" }, [
            "list #1 → list #2: reference `a[0]` made here",
            "list #2 → list #1: reference `b[0]` made here",
        ])
        XCTAssertEqual(published["params"]?["version"], 1)
    }

    func testFinalizerInACycleGetsTheStrongerWarning() throws {
        let s = try EditorSession("""
            class Res:
                def __del__(self):
                    pass


            r = Res()
            r.me = r

            """)
        XCTAssertEqual(try s.publishedDiagnostics(), [
            "6:0-6:8 2 reference-cycle: reference cycle: Res #1 → Res #1 (r.me); reference counting alone never frees it",
            "6:0-6:8 2 cycle-finalizer: Res #1 in this reference cycle has a finalizer (Res.__del__): it runs only when the cyclic garbage collector frees the cycle, at a time the program does not control",
        ])
    }

    func testEditsRepublishAfterADebounceAndCloseClears() throws {
        let s = try EditorSession("a = []\n")
        XCTAssertEqual(try s.publishedDiagnostics(), [])
        s.change(to: "a = []\na.append(a)\n")
        XCTAssertEqual(try s.publishedDiagnostics(), [
            "1:0-1:11 2 reference-cycle: reference cycle: list #1 → list #1 (a[0]); reference counting alone never frees it",
        ])
        s.server.sendNotification("textDocument/didClose", ["textDocument": s.document])
        XCTAssertEqual(try s.publishedDiagnostics(), [])
    }

    func testSaveRepublishes() throws {
        let s = try EditorSession("a = []\na.append(a)\n")
        XCTAssertEqual(try s.publishedDiagnostics().count, 1)
        s.save()
        XCTAssertEqual(try s.publishedDiagnostics().count, 1)
    }

    func testSyntaxErrorsArePublishedAndTheRestStillAnalysed() throws {
        let s = try EditorSession("a = []\nif a\n    pass\na.append(a)\n")
        XCTAssertEqual(try s.publishedDiagnostics(), [
            "1:4-1:4 1 syntax-error: expected ':'",
            "3:0-3:11 2 reference-cycle: reference cycle: list #1 → list #1 (a[0]); reference counting alone never frees it",
        ])
    }

    func testPullDiagnosticsForClientsThatPull() throws {
        let s = try EditorSession(twoLists, capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
        let report = try s.server.result(of: "textDocument/diagnostic", ["textDocument": s.document])
        XCTAssertEqual(report["kind"], "full")
        XCTAssertEqual(EditorSession.describe(report["items"]).count, 2)
        XCTAssertFalse(s.server.notifications.contains { $0["method"] == "textDocument/publishDiagnostics" })
    }
}
