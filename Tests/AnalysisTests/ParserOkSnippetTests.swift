import XCTest
import Analysis

/// `ok` corpus: one snippet per grammar construct, each dumped by us and by CPython (one python3 process
/// for all of them) and compared byte for byte.
final class ParserOkSnippetTests: XCTestCase {
    static let snippets: [(name: String, source: String)] = [
        ("assign", "x = 1\n"),
        // Names and number literals share their boxes within a file: the same spelling in Load, Store and
        // Del, numbers spelled alike and apart, and enough distinct names to grow the sharing table.
        ("shared leaves", "x = x + 1; x += 1_0; del x\nfor x in x: x = 10 + 0xa + 1_0 + 1.0 + 1j\n"
            + (0..<150).map { "v\($0) = v\($0 % 7) or \($0 % 5)\n" }.joined()),
        ("chained assign", "a = b = c = f()\n"),
        ("unpacking", "a, (b, *c), [d, e] = t\nx, = y\n*a, b = c\n"),
        ("augmented", "x += 1; y -= 2; z *= 3; w /= 4; v //= 5; u %= 6; t **= 7\ns >>= 1; r <<= 2; q &= 3; p |= 4; o ^= 5; n @= m\na.b += 1; c[0] -= 1\n"),
        ("annotated", "x: int\ny: list[int] = []\n(z): str = 'a'\na.b: int = 1\nc[0]: int\n"),
        ("del", "del a, b.c, d[0], (e, f), [g]\ndel x,\n"),
        ("return yield", "def f():\n    return\n    return 1, 2\n    yield\n    yield x\n    yield from y\n    x = yield 1\n    await z\n"),
        ("pass break continue", "while 1:\n    pass\n    break\n    continue\n"),
        ("global nonlocal", "def f():\n    global a, b\n    def g():\n        nonlocal c\n"),
        ("import", "import a\nimport a.b.c as d, e\nfrom . import x\nfrom .. m import (y as z, w,)\nfrom ...p.q import *\n"),
        ("raise assert", "raise\nraise E\nraise E(1) from None\nassert x\nassert x, 'msg'\n"),
        ("def params", "def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass\ndef g(*, a): pass\ndef h(a, /): pass\ndef i(*a: int, **k: str): pass\n"),
        ("async", "async def f():\n    async for x in y: pass\n    async with a as b: pass\n    await g()\n    [x async for x in y]\n"),
        ("decorators", "@a\n@b.c(1)\n@d[0] if e else f\ndef g(): pass\n@h\nclass C: pass\n"),
        ("class", "class A: pass\nclass B(A, metaclass=M, **kw):\n    '''doc'''\n    x = 1\n    def m(self): return self\n"),
        ("if elif else", "if a:\n    pass\nelif b:\n    pass\nelif c: pass\nelse:\n    pass\n"),
        ("for while else", "for i, j in x:\n    pass\nelse:\n    pass\nwhile x:\n    x -= 1\nelse:\n    y = 2\n"),
        ("try", "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"),
        ("try star", "try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* (A, B):\n    pass\n"),
        ("with", "with a: pass\nwith a as b, c as (d, e): pass\nwith (a as b, c,): pass\nwith (a, b): pass\nwith (yield): pass\n"),
        ("match literals", "match x:\n    case 1 | -2 | 3.5 | -1+2j | 'a' 'b' | b'c' | None | True | False:\n        pass\n"),
        ("match structures", "match x:\n    case [a, *rest]: pass\n    case (b, c): pass\n    case {'k': v, 1: w, **kw}: pass\n    case Point(x=0, y=_): pass\n    case m.C(1, 2, a=[*_]): pass\n    case a.b.c: pass\n    case (p | q) as r: pass\n    case x, *y if y: pass\n    case _: pass\n"),
        ("soft keywords as names", "match = 1\ncase = 2\nmatch(x)\nmatch[x] = 3\n_ = 4\ntype = 5\ntype(x)\n"),
        ("precedence", "x = a or b and not c\ny = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\nz = -a ** -b ** c\nw = ~a + +b\n"),
        ("comparisons", "a < b <= c > d >= e == f != g is h is not i in j not in k\n"),
        ("calls", "f()\nf(a, *b, c=1, **d)\nf(*a, *b, **c, **d)\nf(a)(b)(c)\nf(x for x in y)\nf(a, k=v, *args)\n"),
        ("attributes subscripts", "a.b.c\na[0]\na[1:2]\na[::2]\na[:]\na[1:2, 3]\na[...]\na[b:=1]\na[*b]\na[1:2, *c]\n"),
        ("displays", "[]\n[1, 2,]\n()\n(1,)\n(1, 2)\n{}\n{1: 2, **d, 3: 4}\n{1, 2, *s}\n[*a, *b]\n"),
        ("comprehensions", "[x for x in y if x if z]\n{x for x in y}\n{k: v for k, v in d}\n(x for x in y for z in x)\n[(a, b) for a in c for b in d if a]\n"),
        ("lambda ternary walrus", "f = lambda: 0\ng = lambda a, b=1, *c, d, **e: a\nx = a if b else c\nif (n := len(a)) > 10: pass\n[y := f(x), y**2]\n"),
        ("starred", "print(*a)\na = *b, c\nfor *x, y in z: pass\n"),
        ("numbers", "x = [0, 1_000, 0x_FF, 0o17, 0b1010, 1.5, 1e10, 1E-5, .5, 5., 1_0.0_1e+1_0, 3j, 1.5J, 0xFFFFFFFFFFFFFFFFFFFF, 123456789012345678901234567890, 1e400, 0.1, 1e16, 1e15, 1e-4, 1e-5, 123456789.123]\n"),
        ("strings", "a = 'x' \"y\" '''z''' \"\"\"w\"\"\"\nb = r'\\d' R'\\n' u'uni' U'x'\nc = b'\\x00\\xff' rb'\\n' Br'x' b\"'\"\nd = 'it\\'s' \"q\\\"\" '\\t\\n\\r\\\\' '\\a\\b\\f\\v\\0\\101\\x41\\u0041\\U00000041\\N{EM DASH}'\ne = '\\ud800' 'caf\\xe9' '\\u200b' '\\x7f'\n"),
        ("string continuation", "s = 'a\\\nb'\nt = '''line1\nline2\\\nline3'''\n"),
        ("f-strings", "f'a{b}c'\nf'{x!r} {y!s:>10} {z!a}'\nf'{a:{b}.{c}f}'\nf'{x=} {y = !s} {z=:.2f}'\nf'{{literal}} {1 + 2}'\nf'{a}' 'b' f'{c}'\nu'x' f'{y}'\nrf'\\d{x}'\nf''\nf'{\"nested\"}'\nf'''{\n x\n}'''\n"),
        ("f-string positions", "x = (f'''a\n  {b}\n''' f\"{c}\")\nf'{f\"{d}\"}'\nf'{a[1]:{w}}{b(c)}'\n"),
        ("docstring and unicode", "'''Module doc.'''\ndef f():\n    \"\"\"Func doc é ü 日本\"\"\"\nπ = 3.14\nx = 'émoji 😀'\n"),
        ("line joining", "x = (1 +\n     2)\ny = [1,\n  2,\n]\nz = 1 + \\\n    2\n"),
        ("comments and blank lines", "# c\n\nx = 1  # trailing\n    # indented comment\n\ndef f():\n    # only comment\n\n    return 1\n"),
        ("tabs and form feed", "if x:\n\ty = 1\n\tif z:\n\t\tw = 2\n\u{0C}a = 3\n"),
        ("semicolons", "a = 1; b = 2;\nif x: c = 3; d = 4;\n"),
        ("ellipsis constants", "...\nx = None, True, False, ...\n"),
        ("type alias 3.12 free", "type_ = 1\nprint(type(x))\n"),
        ("deep but legal nesting", "x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150) + "\n"),
        ("crlf", "x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n"),
        ("cr only", "x = 1\ry = 2\r"),
        ("no trailing newline", "x = 1"),
        ("empty", ""),
        ("bom", "\u{FEFF}x = 'é'\n"),
        // The tree stores common shapes compactly (short Load attribute names, calls without keywords, `if`
        // without `else`, expression statements sharing their value's range, plain strings shared by
        // spelling); each shape next to the ones that are stored in full.
        ("compact node shapes", "a.b; a.abcdefg; a.abcdefgh; a.abcdefghi; a.éèêë; a.éèêëx\na.b = a.abcdefgh = 1; del a.b, a.abcdefghi\n"
            + "f(); f(x); f(x, k=1); f(**k)\nif a: pass\nif a: pass\nelse: pass\nx = y = z\nx = 1\n"
            + "(f()); f() ; (a) ; 'doc'\ns = 'same'; t = 'same'; u = \"same\"; v = 'sa\\x6de'; w = u'same'; q = 'same' 'same'\n"
            + "t = (); t = (a,); t = [a]; (b, c) = [d] = e\n"),
        ("ranges that do not pack", "x = (" + String(repeating: " ", count: 33_000) + "y.attr + f(z, k=w) + 'é')\n"
            + "def g(" + String(repeating: " ", count: 33_000) + "a, *b, c: int = 1, **d): pass\n"
            + "if x:\n" + String(repeating: "    pass\n", count: 4_100) + "f(\n" + String(repeating: "1,\n", count: 4_100) + ")\n"),
    ]

    func testEverySnippetDumpsExactlyAsCPython() throws {
        let expected = try DifferentialOracle.dumps(of: Self.snippets.map { $0.source })
        for (snippet, cpython) in zip(Self.snippets, expected) {
            guard let cpython = cpython else {
                XCTFail("\(snippet.name): CPython rejects this ok snippet"); continue
            }
            let parsed = PythonParser.parse(snippet.source)
            XCTAssertEqual(parsed.errors, [], "\(snippet.name)")
            let ours = ASTDump.dump(parsed.module)
            XCTAssertEqual(ours, cpython, "\(snippet.name): \(DifferentialOracle.firstDifference(ours, cpython))")
        }
    }
}

/// Python 3.12 syntax CPython 3.11 cannot dump for us: checked against the tree we expect (3.12's shape).
final class ParserPython312Tests: XCTestCase {
    func testTypeAliasStatement() {
        let parsed = PythonParser.parse("type Pair[T] = tuple[T, T]\n")
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(ASTDump.dump(parsed.module), "Module(body=[TypeAlias(name=Name(id='Pair', ctx=Store(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=9), type_params=[TypeVar(name='T', lineno=1, col_offset=10, end_lineno=1, end_col_offset=11)], value=Subscript(value=Name(id='tuple', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=20), slice=Tuple(elts=[Name(id='T', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), Name(id='T', ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=25)], ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=25), ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=26), lineno=1, col_offset=0, end_lineno=1, end_col_offset=26)], type_ignores=[])")
    }

    func testTypeParametersOnDefAndClass() {
        let parsed = PythonParser.parse("def f[T: int, *Ts, **P](x: T) -> T: pass\nclass C[K, V: (int, str)](Base): pass\n")
        XCTAssertEqual(parsed.errors, [])
        guard case .functionDef(let f)? = parsed.module.body.first?.kind,
              case .classDef(let c)? = parsed.module.body.last?.kind else { return XCTFail("expected def and class") }
        XCTAssertEqual(f.typeParams.map { $0.name }, ["T", "Ts", "P"])
        guard case .typeVar(let bound?) = f.typeParams[0].kind, case .name("int", _) = bound.kind else { return XCTFail("T: int") }
        guard case .typeVarTuple = f.typeParams[1].kind, case .paramSpec = f.typeParams[2].kind else { return XCTFail("*Ts, **P") }
        XCTAssertEqual(c.typeParams.map { $0.name }, ["K", "V"])
        guard case .typeVar(let constraints?) = c.typeParams[1].kind, case .tuple(let elts, _) = constraints.kind else {
            return XCTFail("V: (int, str)")
        }
        XCTAssertEqual(elts.count, 2)
        XCTAssertEqual(c.bases.count, 1)
    }

    func testSoftKeywordTypeStaysAName() {
        let parsed = PythonParser.parse("type = 1\ntype(x)\nprint(type)\n")
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.module.body.count, 3)
        guard case .assign = parsed.module.body[0].kind else { return XCTFail("type = 1 is an assignment") }
    }
}
