/// The `match` statement (a soft keyword) and its patterns, following python.gram's pattern rules and the
/// ranges CPython gives each pattern node.

extension Parser {
    /// Parses `match subject: NEWLINE INDENT case...` if that is what follows; otherwise restores the
    /// cursor and returns nil so the line parses as an expression statement.
    func tryParseMatch() -> Stmt? {
        let start = i
        let saveErrors = errors.count, saveSuppress = suppressErrors
        advance()  // match
        guard startsExpression else { i = start; return nil }
        let subjectStart = i
        var subject = parseStarNamedExpression()
        if kind == .comma {
            var elts = [subject]
            while accept(.comma) {
                if kind == .colon { break }
                elts.append(parseStarNamedExpression())
            }
            subject = Expr(.tuple(elts: elts, ctx: .load), range(from: subjectStart))
        }
        guard errors.count == saveErrors, kind == .colon, peekKind() == .newline, peekKind(2) == .indent,
              isName("case", at: 3) else {
            i = start
            errors.removeSubrange(saveErrors...)
            suppressErrors = saveSuppress
            return nil
        }
        advance(); advance(); advance()  // : NEWLINE INDENT
        var cases: [MatchCase] = []
        while isName("case") {
            let caseLine = Int(tok.line)
            suppressErrors = false
            advance()
            let pattern = parsePatterns()
            var guardExpr: Expr? = nil
            if accept(.kwIf) { guardExpr = parseNamedExpression() }
            let body = parseColonBlock("'case' statement", line: caseLine, forced: true)
            cases.append(MatchCase(pattern: pattern, guard_: guardExpr, body: body))
        }
        if kind != .dedent && kind != .endMarker {
            reportUnexpected()
            // Recover: the rest of the block parses as ordinary statements and is dropped from the match.
            _ = parseBlockStatements()
        } else {
            _ = accept(.dedent)
        }
        let last = cases.last?.body ?? []
        return Stmt(.match(subject: subject, cases: cases), endRange(start, last))
    }

    // MARK: - Patterns

    /// `patterns`: an open sequence (`case a, *b:`) or a single pattern.
    func parsePatterns() -> Pattern {
        let start = i
        let first = parseMaybeStarPattern()
        if kind != .comma { return first }
        var items = [first]
        while accept(.comma) {
            if kind == .colon || kind == .kwIf { break }
            items.append(parseMaybeStarPattern())
        }
        return Pattern(.matchSequence(patterns: items), range(from: start))
    }

    private func parseMaybeStarPattern() -> Pattern {
        if kind == .star {
            let start = i
            advance()
            guard kind == .name else { reportUnexpected(); return Pattern(.matchStar(name: nil), range(from: start)) }
            let name = identifier(tok)
            advance()
            return Pattern(.matchStar(name: name == "_" ? nil : name), range(from: start))
        }
        return parsePattern()
    }

    /// `pattern`: or_pattern [`as` NAME].
    func parsePattern() -> Pattern {
        guard enter() else { leave(); return Pattern(.matchAs(pattern: nil, name: nil), hereEmpty) }
        defer { leave() }
        let start = i
        let p = parseOrPattern()
        if accept(.kwAs) {
            guard kind == .name else { reportUnexpected(); return p }
            let name = identifier(tok)
            if name == "_" { report("cannot use '_' as a target", range(of: tok)) }
            advance()
            return Pattern(.matchAs(pattern: p, name: name), range(from: start))
        }
        return p
    }

    private func parseOrPattern() -> Pattern {
        let start = i
        let first = parseClosedPattern()
        if kind != .vbar { return first }
        var alts = [first]
        while accept(.vbar) { alts.append(parseClosedPattern()) }
        return Pattern(.matchOr(patterns: alts), range(from: start))
    }

    private func parseClosedPattern() -> Pattern {
        let start = i
        switch kind {
        case .kwNone: advance(); return Pattern(.matchSingleton(value: .none), range(from: start))
        case .kwTrue: advance(); return Pattern(.matchSingleton(value: .bool(true)), range(from: start))
        case .kwFalse: advance(); return Pattern(.matchSingleton(value: .bool(false)), range(from: start))
        case .number, .minus:
            return Pattern(.matchValue(value: parseSignedNumberOrComplex()), range(from: start))
        case .string:
            return Pattern(.matchValue(value: parseStrings()), range(from: start))
        case .lpar:
            advance()
            if accept(.rpar) { return Pattern(.matchSequence(patterns: []), range(from: start)) }
            let first = parseMaybeStarPattern()
            let isStar: Bool
            if case .matchStar = first.kind { isStar = true } else { isStar = false }
            if accept(.rpar) {
                if isStar { return Pattern(.matchSequence(patterns: [first]), range(from: start)) }
                return first  // group pattern
            }
            var items = [first]
            while accept(.comma) {
                if kind == .rpar { break }
                items.append(parseMaybeStarPattern())
            }
            if !accept(.rpar) { reportUnexpected(); skipTo(.rpar) }
            return Pattern(.matchSequence(patterns: items), range(from: start))
        case .lsqb:
            advance()
            var items: [Pattern] = []
            while kind != .rsqb && kind != .newline && kind != .endMarker {
                items.append(parseMaybeStarPattern())
                if !accept(.comma) { break }
            }
            if !accept(.rsqb) { reportUnexpected(); skipTo(.rsqb) }
            return Pattern(.matchSequence(patterns: items), range(from: start))
        case .lbrace:
            return parseMappingPattern()
        case .name:
            let nameTok = tok
            let name = identifier(nameTok)
            if peekKind() != .dot && peekKind() != .lpar {
                advance()
                if name == "_" { return Pattern(.matchAs(pattern: nil, name: nil), range(from: start)) }
                return Pattern(.matchAs(pattern: nil, name: name), range(from: start))
            }
            let target = parseNameOrAttr()
            if kind == .lpar { return parseClassPattern(target, start) }
            return Pattern(.matchValue(value: target), range(from: start))
        default:
            reportUnexpected()
            return Pattern(.matchAs(pattern: nil, name: nil), hereEmpty)
        }
    }

    /// NAME ('.' NAME)* as a Load expression.
    private func parseNameOrAttr() -> Expr {
        let start = i
        var e = Expr(.name(id: identifier(tok), ctx: .load), range(of: tok))
        advance()
        while kind == .dot {
            advance()
            guard kind == .name else { reportUnexpected(); break }
            e = Expr(.attribute(value: e, attr: identifier(tok), ctx: .load), range(from: start).with(endOf: tok))
            advance()
        }
        return e
    }

    /// signed_number, or a complex literal `-1+2j`.
    private func parseSignedNumberOrComplex() -> Expr {
        let start = i
        var real: Expr
        if kind == .minus {
            advance()
            guard kind == .number else { reportUnexpected(); return errorExpr(range(from: start)) }
            let n = Expr(.constant(value: numberValue(tok), kind: nil), range(of: tok))
            advance()
            real = Expr(.unaryOp(op: .uSub, operand: n), range(from: start))
        } else {
            guard kind == .number else { reportUnexpected(); return errorExpr(hereEmpty) }
            real = Expr(.constant(value: numberValue(tok), kind: nil), range(of: tok))
            advance()
        }
        if kind == .plus || kind == .minus {
            let op: Operator = kind == .plus ? .add : .sub
            advance()
            guard kind == .number else { reportUnexpected(); return real }
            let imag = Expr(.constant(value: numberValue(tok), kind: nil), range(of: tok))
            advance()
            real = Expr(.binOp(left: real, op: op, right: imag), range(from: start))
        }
        return real
    }

    private func parseMappingPattern() -> Pattern {
        let start = i
        advance()  // {
        var keys: [Expr] = [], patterns: [Pattern] = []
        var rest: String? = nil
        while kind != .rbrace && kind != .newline && kind != .endMarker {
            if accept(.doubleStar) {
                if kind == .name { rest = identifier(tok); advance() } else { reportUnexpected() }
            } else {
                let key: Expr
                switch kind {
                case .number, .minus: key = parseSignedNumberOrComplex()
                case .string: key = parseStrings()
                case .kwNone: key = Expr(.constant(value: .none, kind: nil), range(of: tok)); advance()
                case .kwTrue: key = Expr(.constant(value: .bool(true), kind: nil), range(of: tok)); advance()
                case .kwFalse: key = Expr(.constant(value: .bool(false), kind: nil), range(of: tok)); advance()
                case .name: key = parseNameOrAttr()
                default: reportUnexpected(); skipTo(.rbrace); return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), range(from: start))
                }
                if !expect(.colon, ":") { skipTo(.rbrace); break }
                keys.append(key)
                patterns.append(parsePattern())
            }
            if !accept(.comma) { break }
        }
        if !accept(.rbrace) && !suppressErrors { reportUnexpected(); skipTo(.rbrace) }
        return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), range(from: start))
    }

    private func parseClassPattern(_ cls: Expr, _ start: Int) -> Pattern {
        advance()  // (
        var patterns: [Pattern] = [], kwdAttrs: [String] = [], kwdPatterns: [Pattern] = []
        while kind != .rpar && kind != .newline && kind != .endMarker {
            if kind == .name && peekKind() == .equal {
                kwdAttrs.append(identifier(tok))
                advance(); advance()
                kwdPatterns.append(parsePattern())
            } else {
                let p = parsePattern()
                if !kwdAttrs.isEmpty { report("positional patterns follow keyword patterns", p.range) }
                patterns.append(p)
            }
            if !accept(.comma) { break }
        }
        if !accept(.rpar) { reportUnexpected(); skipTo(.rpar) }
        return Pattern(.matchClass(cls: cls, patterns: patterns, kwdAttrs: kwdAttrs, kwdPatterns: kwdPatterns),
                       range(from: start))
    }
}

extension SourceRange {
    /// This range extended to the end of token `t`.
    func with(endOf t: Token) -> SourceRange {
        SourceRange(line: line, utf8Column: utf8Column, endLine: Int(t.endLine), endUTF8Column: Int(t.endCol))
    }
}
