/// Expressions: precedence climbing from `star_expressions` down to atoms, following CPython 3.12's PEG
/// grammar (python.gram) and its node ranges.

extension Parser {
    /// True when the current token can start an expression.
    var startsExpression: Bool {
        switch kind {
        case .name, .number, .string, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .ellipsis, .kwNot, .kwLambda,
             .kwAwait, .kwNone, .kwTrue, .kwFalse, .star:
            return true
        default:
            return false
        }
    }

    // MARK: - Tuples and starred

    /// `star_expressions`: one or more (starred) expressions; several (or a trailing comma) make a Tuple.
    func parseStarExpressions() -> Expr {
        let start = i
        let first = parseStarExpression()
        if kind != .comma { return first }
        var elts = [first]
        while accept(.comma) {
            if !startsExpression { break }
            elts.append(parseStarExpression())
        }
        return Expr(.tuple(elts: elts.rightSized(), ctx: .load), range(from: start))
    }

    /// `star_expression`: `*` bitwise_or | expression.
    func parseStarExpression() -> Expr {
        if kind == .star {
            let start = i
            advance()
            let v = parseBitOr()
            return Expr(.starred(value: v, ctx: .load), range(from: start))
        }
        return parseExpression()
    }

    /// `star_named_expression`: `*` bitwise_or | named_expression.
    func parseStarNamedExpression() -> Expr {
        if kind == .star {
            let start = i
            advance()
            let v = parseBitOr()
            return Expr(.starred(value: v, ctx: .load), range(from: start))
        }
        return parseNamedExpression()
    }

    /// `named_expression`: NAME `:=` expression | expression. Outside call arguments (which have their own
    /// message), `a = b` here is CPython's "Maybe you meant '==' ...".
    func parseNamedExpression(inCallArgument: Bool = false) -> Expr {
        if kind == .name && peekKind() == .colonEqual {
            let start = i
            let target = Expr(payload: shared.name(identifier(tok), .store), range(of: tok))
            advance(); advance()
            let value = parseExpression()
            return Expr(.namedExpr(target: target, value: value), range(from: start))
        }
        let e = parseExpression()
        if kind == .colonEqual {
            report("cannot use assignment expressions with \(exprName(e))", e.range)
            advance()
            _ = parseExpression()
        } else if kind == .equal && !inCallArgument && !suppressErrors {
            advance()
            let value = parseBitOr()
            switch e.kind {
            case .name:
                report("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", range(e.range, value.range))
            case .list, .tuple, .generatorExp, .constant(.bool, _), .constant(.none, _):
                report("invalid syntax", e.range)
            default:
                report("cannot assign to \(exprName(e)) here. Maybe you meant '==' instead of '='?", e.range)
            }
        }
        return e
    }

    // MARK: - expression / lambda / ternary

    /// `expression`: disjunction [`if` disjunction `else` expression] | lambdef.
    func parseExpression() -> Expr {
        if let simple = parseSimpleAtomFast() { return simple }
        guard enter() else { leave(); return errorExpr(hereEmpty) }
        defer { leave() }
        if kind == .kwLambda { return parseLambda() }
        let start = i
        // Most expressions are one primary (`a.b(c)`, `x[1]`) followed by a token that ends them: parse the
        // primary first and skip the operator levels when nothing follows it.
        var prefix: Prefix? = nil
        if startsPrimary {
            let p = parsePrimary()
            if endsExpression { return p }
            prefix = (p, start)
        }
        let body = parseDisjunction(prefix)
        if kind == .kwIf {
            advance()
            let test = parseDisjunction()
            if !accept(.kwElse) {
                report("expected 'else' after 'if' expression", range(from: start))
                return Expr(.ifExp(test: test, body: body, orelse: errorExpr(hereEmpty)), range(from: start))
            }
            let orelse = parseExpression()
            return Expr(.ifExp(test: test, body: body, orelse: orelse), range(from: start))
        }
        return body
    }

    /// An already parsed leftmost primary and the index of its first token, handed down the precedence levels.
    typealias Prefix = (expr: Expr, start: Int)

    var startsPrimary: Bool {
        switch kind {
        case .name, .number, .string, .lpar, .lsqb, .lbrace, .kwNone, .kwTrue, .kwFalse, .ellipsis: return true
        default: return false
        }
    }

    /// Tokens that cannot continue an expression (so a finished primary is the whole expression).
    var endsExpression: Bool {
        switch kind {
        case .comma, .rpar, .rsqb, .rbrace, .colon, .newline, .equal, .semi, .endMarker, .kwFor, .kwAs, .kwFrom:
            return true
        default:
            return kind.isAugmentedAssign
        }
    }

    /// Fast path for the most common expression, a lone name or number followed by a token that cannot
    /// continue an expression (`f(a, b)`, `x = 1`, `d[k]`): skips the ten precedence levels.
    @inline(__always) func parseSimpleAtomFast() -> Expr? {
        let t = tok
        guard t.kind == .name || t.kind == .number || t.kind == .kwNone || t.kind == .kwTrue || t.kind == .kwFalse else {
            return nil
        }
        switch peekKind() {
        case .comma, .rpar, .rsqb, .rbrace, .colon, .newline, .equal, .semi, .endMarker, .kwFor, .kwAs, .kwFrom:
            advance()
            switch t.kind {
            case .name: return Expr(payload: loadName(t), range(of: t))
            case .number: return Expr(payload: numberKind(t), range(of: t))
            case .kwNone: return Expr(payload: .sharedNone, range(of: t))
            case .kwTrue: return Expr(payload: .sharedTrue, range(of: t))
            default: return Expr(payload: .sharedFalse, range(of: t))
            }
        default:
            return nil
        }
    }

    func parseLambda() -> Expr {
        let start = i
        advance()
        let args = parseParameters(closing: .colon, annotations: false)
        _ = expect(.colon, ":")
        let body = parseExpression()
        return Expr(.lambda(args: args, body: body), range(from: start))
    }

    // MARK: - Boolean operators and comparisons

    func parseDisjunction(_ prefix: Prefix? = nil) -> Expr {
        let start = prefix?.start ?? i
        let first = parseConjunction(prefix)
        if kind != .kwOr { return first }
        var values = [first]
        while accept(.kwOr) { values.append(parseConjunction()) }
        return Expr(.boolOp(op: .or, values: values.rightSized()), range(from: start))
    }

    func parseConjunction(_ prefix: Prefix? = nil) -> Expr {
        let start = prefix?.start ?? i
        let first = parseInversion(prefix)
        if kind != .kwAnd { return first }
        var values = [first]
        while accept(.kwAnd) { values.append(parseInversion()) }
        return Expr(.boolOp(op: .and, values: values.rightSized()), range(from: start))
    }

    func parseInversion(_ prefix: Prefix? = nil) -> Expr {
        if prefix == nil && kind == .kwNot {
            let start = i
            advance()
            guard enter() else { leave(); return errorExpr(hereEmpty) }
            let operand = parseInversion()
            leave()
            return Expr(.unaryOp(op: .not, operand: operand), range(from: start))
        }
        return parseComparison(prefix)
    }

    func parseComparison(_ prefix: Prefix? = nil) -> Expr {
        let start = prefix?.start ?? i
        let left = parseBinary(1, prefix)
        var ops: [CompareOperator] = []
        var comparators: [Expr] = []
        while true {
            let op: CompareOperator
            switch kind {
            case .eqEqual: op = .eq
            case .notEqual:
                if bytes(of: tok).first == UInt8(ascii: "<") { report("invalid syntax", range(of: tok)) }
                op = .notEq
            case .less: op = .lt
            case .lessEqual: op = .ltE
            case .greater: op = .gt
            case .greaterEqual: op = .gtE
            case .kwIn: op = .in
            case .kwIs:
                if peekKind() == .kwNot { advance(); op = .isNot } else { op = .is }
            case .kwNot:
                if peekKind() == .kwIn { advance(); op = .notIn } else { return finishCompare(start, left, ops, comparators) }
            default:
                return finishCompare(start, left, ops, comparators)
            }
            advance()
            if ops.isEmpty { ops = SharedCompareOperators.list(op) } else { ops.append(op) }
            comparators.append(parseBitOr())
        }
    }

    private func finishCompare(_ start: Int, _ left: Expr, _ ops: [CompareOperator], _ comparators: [Expr]) -> Expr {
        if ops.isEmpty { return left }
        return Expr(payload: .compare(left, ops, comparators), range(from: start))
    }

    // MARK: - Binary operators (precedence climbing)

    func parseBitOr() -> Expr { parseBinary(1) }

    @inline(__always) private func binaryOperator(_ k: TokenKind) -> (Operator, Int)? {
        switch k {
        case .vbar: return (.bitOr, 1)
        case .circumflex: return (.bitXor, 2)
        case .amper: return (.bitAnd, 3)
        case .leftShift: return (.lShift, 4)
        case .rightShift: return (.rShift, 4)
        case .plus: return (.add, 5)
        case .minus: return (.sub, 5)
        case .star: return (.mult, 6)
        case .slash: return (.div, 6)
        case .doubleSlash: return (.floorDiv, 6)
        case .percent: return (.mod, 6)
        case .at: return (.matMult, 6)
        default: return nil
        }
    }

    func parseBinary(_ minPrec: Int, _ prefix: Prefix? = nil) -> Expr {
        let start = prefix?.start ?? i
        var left = prefix.map { parsePower($0) } ?? parseFactor()
        var levels = 0
        defer { depth -= levels }
        while let (op, prec) = binaryOperator(kind), prec >= minPrec {
            levels += 1
            guard enter() else { return errorExpr(range(from: start)) }
            advance()
            let right = parseBinary(prec + 1)
            left = Expr(payload: .binOp(left, op, right), range(from: start))
        }
        return left
    }

    /// `factor`: (`+` | `-` | `~`) factor | power.
    func parseFactor() -> Expr {
        let op: UnaryOperator
        switch kind {
        case .plus: op = .uAdd
        case .minus: op = .uSub
        case .tilde: op = .invert
        default: return parsePower()
        }
        let start = i
        advance()
        guard enter() else { leave(); return errorExpr(hereEmpty) }
        let operand = parseFactor()
        leave()
        return Expr(.unaryOp(op: op, operand: operand), range(from: start))
    }

    /// `power`: await_primary [`**` factor].
    func parsePower(_ prefix: Prefix? = nil) -> Expr {
        let start = prefix?.start ?? i
        let base: Expr
        if let p = prefix {
            base = p.expr
        } else if kind == .kwAwait {
            advance()
            let v = parsePrimary()
            base = Expr(.await(value: v), range(from: start))
        } else {
            base = parsePrimary()
        }
        if kind == .doubleStar {
            advance()
            let exp = parseFactor()
            return Expr(.binOp(left: base, op: .pow, right: exp), range(from: start))
        }
        return base
    }

    // MARK: - Primary: atom with trailers

    func parsePrimary() -> Expr {
        let start = i
        var e = parseAtom()
        // Each trailer nests the tree one level deeper: it spends nesting budget like a bracket does.
        var levels = 0
        defer { depth -= levels }
        while true {
            switch kind {
            case .dot, .lpar, .lsqb: break
            default: return e
            }
            levels += 1
            guard enter() else { return errorExpr(range(from: start)) }
            switch kind {
            case .dot:
                advance()
                if kind == .name {
                    let payload: ExprPayload
                    if let short = shortASCIIName(tok) { payload = .shortAttributeLoad(e, short) }
                    else { payload = ExprPayload(.attribute(value: e, attr: identifier(tok), ctx: .load)) }
                    advance()
                    e = Expr(payload: payload, range(from: start))
                } else {
                    reportUnexpected()
                    return Expr(.attribute(value: e, attr: "", ctx: .load), range(from: start))
                }
            case .lpar:
                e = parseCall(e, start)
            default:
                advance()
                let slice = parseSlices()
                if kind != .rsqb {
                    let last: Expr
                    if case .tuple(let elts, _) = slice.kind, let l = elts.last { last = l } else { last = slice }
                    if !reportMissingComma(after: last) { _ = expect(.rsqb, "]") }
                    skipTo(.rsqb)
                } else {
                    advance()
                }
                e = Expr(payload: .subscript(e, slice, .load), range(from: start))
            }
        }
    }

    /// `slices`: a single slice, or a Tuple of slices / starred expressions.
    func parseSlices() -> Expr {
        let start = i
        let first = parseSlice()
        if kind != .comma {
            // A lone starred item is still a tuple: `slice` itself cannot be starred.
            if case .starred = first.kind { return Expr(.tuple(elts: [first], ctx: .load), range(from: start)) }
            return first
        }
        var elts = [first]
        while accept(.comma) {
            if kind == .rsqb { break }
            elts.append(parseSlice())
        }
        return Expr(.tuple(elts: elts.rightSized(), ctx: .load), range(from: start))
    }

    func parseSlice() -> Expr {
        let start = i
        if kind == .star { return parseStarExpression() }
        var lower: Expr? = nil
        if kind != .colon {
            let e = parseNamedExpression()
            if kind != .colon { return e }
            lower = e
        }
        advance()  // ':'
        var upper: Expr? = nil
        if kind != .colon && kind != .rsqb && kind != .comma { upper = parseExpression() }
        var step: Expr? = nil
        if accept(.colon) {
            if kind != .rsqb && kind != .comma { step = parseExpression() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    // MARK: - Atoms

    func parseAtom() -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            advance()
            return Expr(payload: loadName(t), range(of: t))
        case .number:
            advance()
            return Expr(payload: numberKind(t), range(of: t))
        case .string:
            return parseStrings()
        case .kwNone: advance(); return Expr(payload: .sharedNone, range(of: t))
        case .kwTrue: advance(); return Expr(payload: .sharedTrue, range(of: t))
        case .kwFalse: advance(); return Expr(payload: .sharedFalse, range(of: t))
        case .ellipsis: advance(); return Expr(payload: .sharedEllipsis, range(of: t))
        case .lpar:
            guard enter() else { leave(); skipBracket(); return errorExpr(range(of: t)) }
            defer { leave() }
            return parseParenthesized()
        case .lsqb:
            guard enter() else { leave(); skipBracket(); return errorExpr(range(of: t)) }
            defer { leave() }
            return parseListDisplay()
        case .lbrace:
            guard enter() else { leave(); skipBracket(); return errorExpr(range(of: t)) }
            defer { leave() }
            return parseBraceDisplay()
        default:
            reportUnexpected()
            return errorExpr(hereEmpty)
        }
    }

    /// After the nesting budget is spent: skip a bracketed group without recursion.
    func skipBracket() {
        var level = 0
        repeat {
            switch kind {
            case .lpar, .lsqb, .lbrace: level += 1
            case .rpar, .rsqb, .rbrace: level -= 1
            case .newline, .endMarker: return
            default: break
            }
            advance()
        } while level > 0
    }

    /// `(` ... `)`: empty tuple, parenthesised (yield) expression, generator expression, or tuple.
    func parseParenthesized() -> Expr {
        let start = i
        advance()
        if accept(.rpar) { return Expr(.tuple(elts: [], ctx: .load), range(from: start)) }
        if kind == .kwYield {
            let y = parseYield()
            _ = expect(.rpar, ")")
            return y
        }
        let first = parseStarNamedExpression()
        if kind == .kwFor || kind == .kwAsync {
            let gens = parseComprehensionClauses()
            _ = expect(.rpar, ")")
            return Expr(.generatorExp(elt: first, generators: gens), range(from: start))
        }
        if accept(.rpar) { return first }
        if kind != .comma {
            if !reportMissingComma(after: first) { reportUnexpected() }
            skipTo(.rpar)
            return first
        }
        var elts = [first]
        while accept(.comma) {
            if kind == .rpar { break }
            elts.append(parseStarNamedExpression())
        }
        if !accept(.rpar) { if !reportMissingComma(after: elts[elts.count - 1]) { reportUnexpected() }; skipTo(.rpar) }
        return Expr(.tuple(elts: elts.rightSized(), ctx: .load), range(from: start))
    }

    /// Inside brackets, an expression followed directly by another is CPython's "Perhaps you forgot a
    /// comma?" (its invalid_expression rule, which leaves `print "x"`-style legacy statements alone).
    /// Returns true when it reported (the second expression is consumed for the range).
    func reportMissingComma(after prev: Expr) -> Bool {
        switch kind {
        case .name, .number, .string, .kwNone, .kwTrue, .kwFalse, .kwLambda, .kwNot, .kwAwait, .lbrace, .tilde, .ellipsis:
            break
        default:
            return false
        }
        if case .name(let id, _) = prev.kind {
            if id == "print" || id == "exec" { return false }
            if kind == .string && prev.range.endLine == Int(tok.line) { return false }
        }
        if suppressErrors { return false }
        let next = parseExpression()
        report("invalid syntax. Perhaps you forgot a comma?", range(prev.range, next.range))
        return true
    }

    /// Skips to (and consumes) the closing token `k` of the current bracket, for recovery.
    func skipTo(_ k: TokenKind) {
        var level = 0
        while kind != .endMarker && kind != .newline {
            switch kind {
            case .lpar, .lsqb, .lbrace: level += 1
            case .rpar, .rsqb, .rbrace:
                if level == 0 { if kind == k { advance() }; return }
                level -= 1
            default: break
            }
            advance()
        }
    }

    func parseListDisplay() -> Expr {
        let start = i
        advance()
        if accept(.rsqb) { return Expr(.list(elts: [], ctx: .load), range(from: start)) }
        let first = parseStarNamedExpression()
        if kind == .kwFor || kind == .kwAsync {
            let gens = parseComprehensionClauses()
            _ = expect(.rsqb, "]")
            return Expr(.listComp(elt: first, generators: gens), range(from: start))
        }
        var elts = [first]
        while accept(.comma) {
            if kind == .rsqb { break }
            elts.append(parseStarNamedExpression())
        }
        if !accept(.rsqb) { if !reportMissingComma(after: elts[elts.count - 1]) { reportUnexpected() }; skipTo(.rsqb) }
        return Expr(.list(elts: elts.rightSized(), ctx: .load), range(from: start))
    }

    /// `{` ... `}`: dict, set, dict comprehension or set comprehension.
    func parseBraceDisplay() -> Expr {
        let start = i
        advance()
        if accept(.rbrace) { return Expr(.dict(keys: [], values: []), range(from: start)) }
        // First item decides dict vs set.
        if kind == .doubleStar {
            return parseDictRest(start, keys: [], values: [])
        }
        let first = parseStarNamedExpression()
        if accept(.colon) {
            let value = parseExpression()
            if kind == .kwFor || kind == .kwAsync {
                let gens = parseComprehensionClauses()
                _ = expect(.rbrace, "}")
                return Expr(.dictComp(key: first, value: value, generators: gens), range(from: start))
            }
            return parseDictRest(start, keys: [first], values: [value])
        }
        if kind == .kwFor || kind == .kwAsync {
            let gens = parseComprehensionClauses()
            _ = expect(.rbrace, "}")
            return Expr(.setComp(elt: first, generators: gens), range(from: start))
        }
        var elts = [first]
        while accept(.comma) {
            if kind == .rbrace { break }
            elts.append(parseStarNamedExpression())
        }
        if !accept(.rbrace) { if !reportMissingComma(after: elts[elts.count - 1]) { reportUnexpected() }; skipTo(.rbrace) }
        return Expr(.set(elts: elts.rightSized()), range(from: start))
    }

    private func parseDictRest(_ start: Int, keys: [Expr?], values: [Expr]) -> Expr {
        var keys = keys, values = values
        var needComma = !keys.isEmpty
        while true {
            if needComma {
                if !accept(.comma) { break }
                if kind == .rbrace { break }
            }
            needComma = true
            if accept(.doubleStar) {
                keys.append(nil)
                values.append(parseBitOr())
            } else {
                let k = parseExpression()
                if !accept(.colon) {
                    if kind == .errorToken { suppressErrors = true } else {
                        let c = max(k.range.endUTF8Column - 1, 0)
                        report("':' expected after dictionary key",
                               SourceRange(line: k.range.endLine, utf8Column: c, endLine: k.range.endLine, endUTF8Column: c + 1))
                    }
                    break
                }
                keys.append(k)
                values.append(parseExpression())
            }
        }
        if !accept(.rbrace) { reportUnexpected(); skipTo(.rbrace) }
        return Expr(.dict(keys: keys.rightSized(), values: values.rightSized()), range(from: start))
    }

    // MARK: - Comprehensions

    /// One or more `[async] for targets in disjunction (if disjunction)*` clauses.
    func parseComprehensionClauses() -> [Comprehension] {
        var gens: [Comprehension] = []
        while kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor) {
            let isAsync = accept(.kwAsync)
            advance()  // for
            let target = parseTargetList(stopAtIn: true)
            let storeTarget = toStore(target, .store, context: .forTarget)
            if !accept(.kwIn) {
                report("invalid syntax", range(of: tok))
                return gens + [Comprehension(target: storeTarget, iter: errorExpr(hereEmpty), ifs: [], isAsync: isAsync)]
            }
            let iter = parseDisjunction()
            var ifs: [Expr] = []
            while accept(.kwIf) { ifs.append(parseDisjunction()) }
            gens.append(Comprehension(target: storeTarget, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return gens
    }

    /// `star_targets` as expressions (converted to Store by the caller): comma-separated `*`-or-bitwise_or
    /// items; several make a Tuple.
    func parseTargetList(stopAtIn: Bool) -> Expr {
        let start = i
        let first = parseTargetItem()
        if kind != .comma { return first }
        var elts = [first]
        while accept(.comma) {
            if kind == .kwIn || kind == .equal || kind == .rpar || kind == .colon || kind == .newline { break }
            elts.append(parseTargetItem())
        }
        return Expr(.tuple(elts: elts.rightSized(), ctx: .load), range(from: start))
    }

    private func parseTargetItem() -> Expr {
        if kind == .star {
            let start = i
            advance()
            let v = parseBitOr()
            return Expr(.starred(value: v, ctx: .load), range(from: start))
        }
        return parseBitOr()
    }

    // MARK: - yield

    /// `yield` [`from` expression | star_expressions].
    func parseYield() -> Expr {
        let start = i
        advance()
        if accept(.kwFrom) {
            let v = parseExpression()
            return Expr(.yieldFrom(value: v), range(from: start))
        }
        if startsExpression {
            let v = parseStarExpressions()
            return Expr(.yield(value: v), range(from: start))
        }
        return Expr(.yield(value: nil), range(from: start))
    }

    // MARK: - Names

    /// `.name(id:, ctx: .load)` for a NAME token, its box shared with the file's other uses of the name.
    @inline(__always) func loadName(_ t: Token) -> ExprPayload {
        shared.loads.kind(src, Int(t.start), Int(t.end)) { .name(identifier(t), .load) }
    }

    /// `.constant` for a NUMBER token, its box shared with the file's other literals spelled the same.
    @inline(__always) func numberKind(_ t: Token) -> ExprPayload {
        shared.numbers.kind(src, Int(t.start), Int(t.end)) { .constant(numberValue(t), nil) }
    }

    /// A NAME token of 1 to 8 ASCII bytes packed as a `ShortName`, straight from the source (an ASCII
    /// name needs no normalising); nil for any other token.
    @inline(__always) func shortASCIIName(_ t: Token) -> UInt64? {
        let start = Int(t.start), count = Int(t.end) - start
        guard count > 0, count <= 8, start + count <= src.count else { return nil }
        var bits: UInt64 = 0
        for k in 0..<count {
            let b = src[start + k]
            if b >= 0x80 || b == 0 { return nil }
            bits |= UInt64(b) << (8 * UInt64(k))
        }
        return bits
    }

    /// A NAME token as an identifier, NFKC-normalised when it is not ASCII (as CPython does).
    /// Names longer than 15 bytes (Swift's inline small-string limit) are interned per file, so the tree
    /// holds one heap copy of `assertRaisesRegex`, not one per use.
    func identifier(_ t: Token) -> String {
        let b = bytes(of: t)
        var ascii = true
        for c in b where c >= 0x80 { ascii = false; break }
        let s = String(decoding: b, as: UTF8.self)
        if !ascii { return nfkc(s) }
        if b.count <= 15 { return s }
        if let shared = internedNames[s] { return shared }
        internedNames[s] = s
        return s
    }
}
