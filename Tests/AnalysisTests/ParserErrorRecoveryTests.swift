import XCTest
import Analysis

/// `err` corpus: for each broken snippet, the first error CPython reports (message in CPython's words,
/// 1-based line, 0-based UTF-8 column) and the names whose statements must survive recovery.
/// The expectations were taken from CPython 3.11's `SyntaxError` (msg, lineno, offset - 1).
final class ParserErrorRecoveryTests: XCTestCase {
    static let cases: [(source: String, message: String, line: Int, column: Int, survivors: [String])] = [
        ("if x\n    pass\ny = 1\n",
         "expected ':'", 1, 4, ["y"]),
        ("x = (1,\ndef f(): pass\ny = 2\n",
         "'(' was never closed", 1, 4, ["f", "y"]),
        ("x = 'abc\ny = 2\n",
         "unterminated string literal (detected at line 1)", 1, 4, ["y"]),
        ("x = '''abc\n",
         "unterminated triple-quoted string literal (detected at line 1)", 1, 4, []),
        ("def f(:\n    pass\ny = 1\n",
         "invalid syntax", 1, 6, ["y"]),
        ("x = 1 +\ny = 2\n",
         "invalid syntax", 1, 7, ["y"]),
        ("  x = 1\ny = 2\n",
         "unexpected indent", 1, 1, ["x", "y"]),
        ("if x:\n    a = 1\n  b = 2\nc = 3\n",
         "unindent does not match any outer indentation level", 3, 7, ["a", "c"]),
        ("if x:\npass\ny = 1\n",
         "expected an indented block after 'if' statement on line 1", 2, 0, ["y"]),
        ("x = ]\ny = 1\n",
         "unmatched ']'", 1, 4, ["y"]),
        ("f(**a, *b)\ny = 1\n",
         "iterable argument unpacking follows keyword argument unpacking", 1, 7, ["y"]),
        ("f(a=1, b)\ny = 1\n",
         "positional argument follows keyword argument", 1, 8, ["y"]),
        ("1 = x\ny = 2\n",
         "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0, ["y"]),
        ("(a, b) += 1\ny = 2\n",
         "'tuple' is an illegal expression for augmented assignment", 1, 0, ["y"]),
        ("def f(a=1, b): pass\ny = 2\n",
         "non-default argument follows default argument", 1, 11, ["f", "y"]),
        ("x = 0777\ny = 2\n",
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4, ["y"]),
        ("x = 1abc\ny = 2\n",
         "invalid decimal literal", 1, 4, ["y"]),
        ("print 'hello'\ny = 1\n",
         "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0, ["y"]),
        ("x = $\ny = 1\n",
         "invalid syntax", 1, 4, ["y"]),
        ("x = €\ny = 1\n",
         "invalid character '€' (U+20AC)", 1, 4, ["y"]),
        ("f'{}'\ny = 1\n",
         "f-string: empty expression not allowed", 1, 5, ["y"]),
        ("f'{x!z}'\ny = 1\n",
         "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8, ["y"]),
        ("class C:\n    def m(self)\n        return 1\n    def n(self): return 2\n",
         "expected ':'", 2, 15, ["C", "m", "n"]),
        ("x = [1, 2\nclass D: pass\n",
         "'[' was never closed", 1, 4, ["D"]),
        ("for x in : pass\ny = 1\n",
         "invalid syntax", 1, 9, ["y"]),
        ("try:\n    pass\ny = 1\n",
         "expected 'except' or 'finally' block", 3, 0, ["y"]),
        ("x = 1 if y\nz = 2\n",
         "expected 'else' after 'if' expression", 1, 4, ["z"]),
        ("from x import a,\ny = 1\n",
         "trailing comma not allowed without surrounding parentheses", 1, 16, ["y"]),
        ("a, b: int\ny = 1\n",
         "only single target (not tuple) can be annotated", 1, 0, ["y"]),
        ("del f()\ny = 1\n",
         "cannot delete function call", 1, 4, ["y"]),
        ("lambda x=1, y: x\nz = 1\n",
         "non-default argument follows default argument", 1, 12, ["z"]),
        ("def f(*): pass\ny = 1\n",
         "named arguments must follow bare *", 1, 6, ["f", "y"]),
        ("x = (1, 2]\ny = 1\n",
         "closing parenthesis ']' does not match opening parenthesis '('", 1, 9, ["y"]),
        ("x = 1\n\ny = )\nz = 3\n",
         "unmatched ')'", 3, 4, ["x", "z"]),
        ("x = 'a' b'c'\ny = 1\n",
         "cannot mix bytes and nonbytes literals", 1, 12, ["y"]),
        ("x = b'é'\ny = 1\n",
         "bytes can only contain ASCII literal characters", 1, 4, ["y"]),
        ("if x:\n\tif y:\n        pass\n",
         "inconsistent use of tabs and spaces in indentation", 3, 0, []),
        ("x = 1\n" + String(repeating: "(", count: 250) + "\n",
         "too many nested parentheses", 2, 200, ["x"]),
        ("f(x for x in y, 1)\nz = 1\n",
         "Generator expression must be parenthesized", 1, 2, ["z"]),
        ("x = '\\N{NO SUCH NAME}'\ny = 1\n",
         "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name", 1, 22, ["y"]),
        ("a = 1\nb c\nd = 2\n",
         "invalid syntax", 2, 2, ["a", "d"]),
        ("def f():\n    x = = 1\n    return x\ng = 1\n",
         "invalid syntax", 2, 8, ["f", "g"]),
        ("x = \u{01}\ny = 2\n", "invalid non-printable character U+0001", 1, 4, ["y"]),
        ("a = 1\nb = `c`\nd = 2\n", "invalid syntax", 2, 4, ["a", "d"]),
        ("if x != 1 ! y: pass\nz = 1\n", "invalid syntax", 1, 10, ["z"]),
        // A bracket left open: the statements after it still parse (second, recovering lexer pass).
        ("x = [1, 2\ny = 3\nz = foo(a,\n      b\n\ndef f():\n    return g(1,\n    q = 2\nw = 5\n",
         "invalid syntax. Perhaps you forgot a comma?", 1, 8, ["y", "f", "q", "w"]),
        ("def f():\n    x = call(a, b\n    return x\n\ny = 2\n",
         "'(' was never closed", 2, 12, ["f", "x", "y"]),
        ("x = {'a': 1,\ny = 2\n",
         "'{' was never closed", 1, 4, ["y"]),
    ]

    func testFirstErrorMatchesCPythonAndStatementsSurvive() {
        for c in Self.cases {
            let parsed = PythonParser.parse(c.source)
            guard let first = parsed.errors.first else {
                XCTFail("no error for \(c.source.debugDescription)"); continue
            }
            XCTAssertEqual(first.message, c.message, c.source.debugDescription)
            XCTAssertEqual(first.range.line, c.line, "line of '\(c.message)' in \(c.source.debugDescription)")
            XCTAssertEqual(first.range.utf8Column, c.column, "column of '\(c.message)' in \(c.source.debugDescription)")
            let bound = ParserTestNames.boundNames(parsed.module)
            for name in c.survivors {
                XCTAssertTrue(bound.contains(name), "'\(name)' lost after recovery in \(c.source.debugDescription); have \(bound)")
            }
        }
    }

    func testEveryErrorHasAValidRange() {
        for c in Self.cases {
            for e in PythonParser.parse(c.source).errors {
                XCTAssertGreaterThanOrEqual(e.range.line, 1)
                XCTAssertGreaterThanOrEqual(e.range.utf8Column, 0)
                XCTAssertTrue((e.range.endLine, e.range.endUTF8Column) >= (e.range.line, e.range.utf8Column),
                              "\(e.message) \(e.range)")
            }
        }
    }
}

/// Names bound anywhere in a tree (assignment targets, defs, classes): what "still present" means.
enum ParserTestNames {
    static func boundNames(_ m: Module) -> Set<String> {
        var names = Set<String>()
        func target(_ e: Expr) {
            switch e.kind {
            case .name(let id, _): names.insert(id)
            case .tuple(let elts, _), .list(let elts, _): elts.forEach(target)
            case .starred(let v, _): target(v)
            default: break
            }
        }
        func walk(_ body: [Stmt]) {
            for s in body {
                switch s.kind {
                case .assign(let targets, _, _): targets.forEach(target)
                case .augAssign(let t, _, _): target(t)
                case .annAssign(let t, _, _, _): target(t)
                case .functionDef(let f), .asyncFunctionDef(let f): names.insert(f.name); walk(f.body)
                case .classDef(let c): names.insert(c.name); walk(c.body)
                case .if(_, let b, let o), .while(_, let b, let o): walk(b); walk(o)
                case .for(let f), .asyncFor(let f): walk(f.body); walk(f.orelse)
                case .with(_, let b, _), .asyncWith(_, let b, _): walk(b)
                case .try(let t), .tryStar(let t):
                    walk(t.body); t.handlers.forEach { walk($0.body) }; walk(t.orelse); walk(t.finalbody)
                default: break
                }
            }
        }
        walk(m.body)
        return names
    }
}
