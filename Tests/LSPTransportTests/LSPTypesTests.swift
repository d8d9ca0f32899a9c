import XCTest
@testable import LSPTransport

/// The LSP types the editor features use, against the JSON the 3.17 specification shows.
final class LSPTypesTests: XCTestCase {
    private let range = LSPRange(start: Position(line: 1, character: 4), end: Position(line: 1, character: 5))

    func testPositionRequestsDecodeTheSpecShape() throws {
        let params = try JSONReader.parse(#"{"textDocument":{"uri":"file:///a.py"},"position":{"line":3,"character":7},"workDoneToken":"x"}"#)
        XCTAssertEqual(try HoverRequest(json: params), HoverRequest(textDocument: TextDocumentIdentifier(uri: "file:///a.py"), position: Position(line: 3, character: 7)))
        XCTAssertEqual(try DefinitionRequest(json: params).position, Position(line: 3, character: 7))
        XCTAssertEqual(try DocumentHighlightRequest(json: params).textDocument.uri, "file:///a.py")
        let references = try ReferencesRequest(json: try JSONReader.parse(
            #"{"textDocument":{"uri":"file:///a.py"},"position":{"line":0,"character":0},"context":{"includeDeclaration":true}}"#))
        XCTAssertTrue(references.includeDeclaration)
        let hints = try InlayHintRequest(json: try JSONReader.parse(
            #"{"textDocument":{"uri":"u"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}}}"#))
        XCTAssertEqual(hints.range.end, Position(line: 9, character: 0))
    }

    func testWrongShapesAreDecodingErrorsNamingTheMember() {
        let cases: [(String, String)] = [
            (#"{"textDocument":{"uri":"u"}}"#, "position: missing"),
            (#"{"textDocument":{"uri":"u"},"position":{"line":-1,"character":0}}"#, "position: negative position"),
            (#"{"textDocument":{"uri":5},"position":{"line":0,"character":0}}"#, "textDocument.uri: expected a string"),
            (#"{"textDocument":{"uri":"u"},"position":{"line":0.5,"character":0}}"#, "position.line: expected an integer"),
            ("[]", "expected an object"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try HoverRequest(json: JSONReader.parse(text)), text) { error in
                XCTAssertEqual("\(error)", message, text)
            }
        }
    }

    func testDiagnosticsEncodeAsTheSpecShows() {
        let diagnostic = Diagnostic(
            range: range, severity: .warning, code: "cycle", source: "rc-lsp", message: "reference cycle a → b → a",
            relatedInformation: [DiagnosticRelatedInformation(location: Location(uri: "file:///a.py", range: range), message: "a.append(b)")])
        let publish = PublishDiagnosticsNotification(uri: "file:///a.py", version: 3, diagnostics: [diagnostic])
        XCTAssertEqual(JSONWriter.string(of: publish), """
        {"uri":"file:///a.py","version":3,"diagnostics":[{"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":5}},\
        "severity":2,"code":"cycle","source":"rc-lsp","message":"reference cycle a → b → a","relatedInformation":[{"location":\
        {"uri":"file:///a.py","range":{"start":{"line":1,"character":4},"end":{"line":1,"character":5}}},"message":"a.append(b)"}]}]}
        """)
        XCTAssertEqual(try PublishDiagnosticsNotification(json: JSONReader.parse(JSONWriter.bytes(of: publish))).diagnostics, [diagnostic])
        XCTAssertEqual(JSONWriter.string(of: DocumentDiagnosticReport.full(resultId: "7", items: [])), #"{"kind":"full","resultId":"7","items":[]}"#)
        XCTAssertEqual(JSONWriter.string(of: DocumentDiagnosticReport.unchanged(resultId: "7")), #"{"kind":"unchanged","resultId":"7"}"#)
    }

    func testHoverHighlightAndLabelParts() {
        let hover = Hover(contents: MarkupContent(kind: MarkupContent.markdown, value: "**a** → list #1"), range: range)
        XCTAssertEqual(JSONWriter.string(of: Optional(hover)), #"{"contents":{"kind":"markdown","value":"**a** → list #1"},"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":5}}}"#)
        XCTAssertEqual(JSONWriter.string(of: Optional<Hover>.none), "null")
        XCTAssertEqual(JSONWriter.string(of: [DocumentHighlight(range: range, kind: .write)]),
                       #"[{"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":5}},"kind":3}]"#)
        let hint = InlayHint(position: Position(line: 0, character: 13),
                             label: .parts([InlayHintLabelPart(value: "rc 2", tooltip: .string("a, b"), location: Location(uri: "u", range: range))]))
        XCTAssertEqual(JSONWriter.string(of: hint), #"{"position":{"line":0,"character":13},"label":[{"value":"rc 2","tooltip":"a, b","location":{"uri":"u","range":{"start":{"line":1,"character":4},"end":{"line":1,"character":5}}}}]}"#)
    }

    func testClientCapabilityAccessors() throws {
        let caps = try ClientCapabilities(json: JSONReader.parse("""
        {"general":{"positionEncodings":["utf-8","utf-16"]},
         "textDocument":{"hover":{"contentFormat":["markdown","plaintext"]},"inlayHint":{"resolveSupport":{"properties":["tooltip"]}},
                         "diagnostic":{},"publishDiagnostics":{"relatedInformation":true}},
         "workspace":{"configuration":true,"inlayHint":{"refreshSupport":true}}}
        """))
        XCTAssertEqual(caps.positionEncodings, ["utf-8", "utf-16"])
        XCTAssertEqual(caps.hoverContentFormats, ["markdown", "plaintext"])
        XCTAssertTrue(caps.supportsInlayHintResolve)
        XCTAssertTrue(caps.supportsInlayHintRefresh)
        XCTAssertTrue(caps.supportsConfigurationPull)
        XCTAssertTrue(caps.supportsPullDiagnostics)
        XCTAssertTrue(caps.supportsDiagnosticRelatedInformation)
        XCTAssertFalse(caps.supportsDiagnosticRefresh)
        let empty = ClientCapabilities()
        XCTAssertNil(empty.positionEncodings)
        XCTAssertEqual(empty.hoverContentFormats, ["plaintext"])
        XCTAssertFalse(empty.supportsInlayHintResolve)
        XCTAssertEqual(PositionEncoding.negotiate(offered: caps.positionEncodings), .utf8)
    }
}
