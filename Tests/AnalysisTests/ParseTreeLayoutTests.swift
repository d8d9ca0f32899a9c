import XCTest
@testable import Analysis

/// The tree's compact storage: the sizes it is built for, and that reading and writing a node through
/// the public fields gives back exactly what was put in, whichever storage the value took.
final class ParseTreeLayoutTests: XCTestCase {
    func testNodesAreSixteenBytes() {
        XCTAssertEqual(MemoryLayout<Expr>.size, 16)
        XCTAssertEqual(MemoryLayout<Expr?>.size, 16)
        XCTAssertEqual(MemoryLayout<Stmt>.size, 16)
        XCTAssertEqual(MemoryLayout<Arg>.size, 32)
        XCTAssertEqual(MemoryLayout<Arguments>.size, 24)
    }

    func testRangesRoundTripPackedOrNot() {
        let ranges = [
            SourceRange(line: 1, utf8Column: 0, endLine: 1, endUTF8Column: 1),
            SourceRange(line: (1 << 22) - 1, utf8Column: 32_767, endLine: (1 << 22) - 1 + 4_095, endUTF8Column: 32_767),
            SourceRange(line: 1 << 22, utf8Column: 0, endLine: 1 << 22, endUTF8Column: 0),
            SourceRange(line: 3, utf8Column: 32_768, endLine: 3, endUTF8Column: 40_000),
            SourceRange(line: 3, utf8Column: 0, endLine: 3 + 4_096, endUTF8Column: 0),
            SourceRange(line: 5, utf8Column: 4, endLine: 4, endUTF8Column: 9),
            SourceRange(line: -1, utf8Column: -2, endLine: -1, endUTF8Column: -3),
        ]
        for r in ranges {
            let e = Expr(.name(id: "x", ctx: .load), r)
            XCTAssertEqual(e.range, r)
            guard case .name("x", .load) = e.kind else { return XCTFail("kind lost for \(r)") }
            let s = Stmt(.pass, r)
            XCTAssertEqual(s.range, r)
            let a = Arg(arg: "p", annotation: nil, range: r)
            XCTAssertEqual(a.range, r)
        }
    }

    func testSettingARangeKeepsTheKind() {
        let near = SourceRange(line: 2, utf8Column: 1, endLine: 2, endUTF8Column: 5)
        let far = SourceRange(line: 2, utf8Column: 50_000, endLine: 2, endUTF8Column: 50_004)
        var e = Expr(.attribute(value: Expr(.name(id: "a", ctx: .load), near), attr: "bcd", ctx: .load), near)
        e.range = far
        XCTAssertEqual(e.range, far)
        e.range = near
        XCTAssertEqual(e.range, near)
        guard case .attribute(let v, "bcd", .load) = e.kind else { return XCTFail("expected the attribute back") }
        XCTAssertEqual(v.range, near)
    }

    func testAnExpressionStatementMovedKeepsItsValueWhereItWas() throws {
        let parsed = PythonParser.parse(utf8: Array("f(x)\n".utf8))
        var s = try XCTUnwrap(parsed.module.body.first)
        let moved = SourceRange(line: 1, utf8Column: 0, endLine: 1, endUTF8Column: 6)
        s.range = moved
        XCTAssertEqual(s.range, moved)
        guard case .expr(let value) = s.kind else { return XCTFail("expected an expression statement") }
        XCTAssertEqual(value.range, SourceRange(line: 1, utf8Column: 0, endLine: 1, endUTF8Column: 4))
    }

    func testAttributeNamesOfEveryLengthComeBack() {
        let r = SourceRange(line: 1, utf8Column: 0, endLine: 1, endUTF8Column: 1)
        for name in ["b", "abcdefg", "abcdefgh", "abcdefghi", "éèêë", "éèêëx", "日本"] {
            for ctx in [ExprContext.load, .store, .del] {
                let e = Expr(.attribute(value: Expr(.name(id: "a", ctx: .load), r), attr: name, ctx: ctx), r)
                guard case .attribute(_, let attr, let c) = e.kind else { return XCTFail("expected an attribute") }
                XCTAssertEqual(attr, name)
                XCTAssertEqual(c, ctx)
            }
        }
    }

    func testSeldomUsedFieldsSetAndCleared() {
        let r = SourceRange(line: 1, utf8Column: 0, endLine: 1, endUTF8Column: 1)
        var a = Arguments()
        XCTAssertNil(a.vararg)
        a.vararg = Arg(arg: "rest", annotation: nil, range: r)
        a.kwonlyargs = [Arg(arg: "k", annotation: nil, range: r)]
        a.kwDefaults = [nil]
        XCTAssertEqual(a.vararg?.arg, "rest")
        XCTAssertEqual(a.kwonlyargs.map(\.arg), ["k"])
        XCTAssertEqual(a.kwDefaults.count, 1)
        a.vararg = nil
        XCTAssertNil(a.vararg)
        XCTAssertEqual(a.kwonlyargs.map(\.arg), ["k"])

        var p = Arg(arg: "x", annotation: Expr(.name(id: "int", ctx: .load), r), typeComment: "t", range: r)
        p.annotation = nil
        XCTAssertNil(p.annotation)
        XCTAssertEqual(p.typeComment, "t")
        XCTAssertEqual(p.range, r)

        var f = FunctionDef(name: "f", args: a, body: [], decoratorList: [], returns: nil)
        XCTAssertNil(f.returns)
        f.returns = Expr(.name(id: "int", ctx: .load), r)
        f.decoratorList = [Expr(.name(id: "d", ctx: .load), r)]
        guard case .name("int", .load)? = f.returns?.kind else { return XCTFail("expected the return annotation") }
        XCTAssertEqual(f.decoratorList.count, 1)
        XCTAssertEqual(f.args.kwonlyargs.map(\.arg), ["k"])
    }

    func testShortNamesPackUpToEightBytes() {
        XCTAssertNil(ShortName.pack(""))
        XCTAssertNil(ShortName.pack("abcdefghi"))
        XCTAssertNil(ShortName.pack("a\u{0}b"))
        for name in ["a", "abcdefgh", "éèêë", "日本"] {
            let bits = ShortName.pack(name)
            XCTAssertNotNil(bits)
            XCTAssertEqual(bits.map(ShortName.unpack), name)
        }
    }
}

/// Statements whose value's range follows from their own hold the value without a box, and give back
/// the value with its exact range; the others keep a box.
final class BareStatementTests: XCTestCase {
    private func statements(_ source: String) -> [Stmt] {
        PythonParser.parse(utf8: Array(source.utf8)).module.body
    }

    func testValueRangesFollowFromTheStatement() {
        let body = statements("f(x)\nreturn x.y\nreturn\nraise E(1)\n(f(x))\nreturn  x\nreturn (x)\nraise E from e\n")
        let bare = body.map { s -> Bool in
            switch s.payload {
            case .bareExpr, .bareReturn, .bareRaise, .returnNone: return true
            default: return false
            }
        }
        XCTAssertEqual(bare, [true, true, true, true, false, false, false, false])
        guard case .return(let v?) = body[1].kind else { return XCTFail("expected return with a value") }
        XCTAssertEqual(v.range, SourceRange(line: 2, utf8Column: 7, endLine: 2, endUTF8Column: 10))
        guard case .raise(let e?, nil) = body[3].kind else { return XCTFail("expected raise without cause") }
        XCTAssertEqual(e.range, SourceRange(line: 4, utf8Column: 6, endLine: 4, endUTF8Column: 10))
        guard case .return(let w?) = body[5].kind else { return XCTFail("expected return with a value") }
        XCTAssertEqual(w.range, SourceRange(line: 6, utf8Column: 8, endLine: 6, endUTF8Column: 9))
    }
}
