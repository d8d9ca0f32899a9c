/// Parameter lists (def and lambda) and call arguments, with CPython's ordering rules and messages.

extension Parser {
    /// Parameters up to (not including) `closing`: `)` for def, `:` for lambda.
    func parseParameters(closing: TokenKind, annotations: Bool) -> Arguments {
        var a = ParameterLists()
        var positional: [Arg] = []
        var sawSlash = false, sawStar = false, sawDefault = false
        while kind != closing && kind != .endMarker && kind != .newline {
            if kind == .slash {
                if sawSlash { report("/ may appear only once", range(of: tok)) }
                else if sawStar { report("/ must be ahead of *", range(of: tok)) }
                else if positional.isEmpty { report("at least one argument must precede /", range(of: tok)) }
                advance()
                sawSlash = true
                a.posonlyargs.append(contentsOf: positional)
                positional = []
            } else if kind == .star {
                let starTok = tok
                advance()
                if sawStar { report("* argument may appear only once", range(of: starTok)) }
                sawStar = true
                if kind == .comma || kind == closing {
                    if kind == closing || (kind == .comma && peekKind() == closing) {
                        report("named arguments must follow bare *", range(of: starTok))
                    }
                } else if kind == .name {
                    a.vararg = parseParam(annotations: annotations, starAnnotation: true)
                } else {
                    reportUnexpected(); return finish(a, positional)
                }
            } else if kind == .doubleStar {
                advance()
                guard kind == .name else { reportUnexpected(); return finish(a, positional) }
                a.kwarg = parseParam(annotations: annotations, starAnnotation: false)
                if kind == .comma && peekKind() != closing {
                    advance()
                    report("arguments cannot follow var-keyword argument", range(of: tok))
                    return finish(a, positional)
                }
            } else if kind == .name {
                let p = parseParam(annotations: annotations, starAnnotation: false)
                var def: Expr? = nil
                if accept(.equal) { def = parseExpression() }
                if sawStar {
                    a.kwonlyargs.append(p)
                    a.kwDefaults.append(def)
                } else {
                    positional.append(p)
                    if let d = def { a.defaults.append(d); sawDefault = true }
                    else if sawDefault { report("non-default argument follows default argument", p.range) }
                }
            } else {
                reportUnexpected()
                return finish(a, positional)
            }
            if kind != closing && !accept(.comma) {
                if kind != closing {
                    if closing == .colon && kind != .colon { report("expected ':'", range(of: tok)) } else { reportUnexpected() }
                    return finish(a, positional)
                }
            }
        }
        return finish(a, positional)
    }

    /// The lists as they grow (an `Arguments` keeps the seldom-used ones in a box remade on every change).
    private struct ParameterLists {
        var posonlyargs: [Arg] = []
        var vararg: Arg? = nil
        var kwonlyargs: [Arg] = []
        var kwDefaults: [Expr?] = []
        var kwarg: Arg? = nil
        var defaults: [Expr] = []
    }

    private func finish(_ a: ParameterLists, _ positional: [Arg]) -> Arguments {
        Arguments(posonlyargs: a.posonlyargs.rightSized(), args: positional.rightSized(), vararg: a.vararg,
                  kwonlyargs: a.kwonlyargs.rightSized(), kwDefaults: a.kwDefaults.rightSized(), kwarg: a.kwarg,
                  defaults: a.defaults.rightSized())
    }

    private func parseParam(annotations: Bool, starAnnotation: Bool) -> Arg {
        let start = i
        let name = identifier(tok)
        advance()
        var ann: Expr? = nil
        if annotations && accept(.colon) {
            ann = starAnnotation && kind == .star ? parseStarExpression() : parseExpression()
        }
        return Arg(arg: name, annotation: ann, range: range(from: start))
    }

    // MARK: - Calls

    /// `primary '(' arguments ')'`, including the bare generator expression argument `f(x for x in y)`.
    func parseCall(_ function: Expr, _ start: Int) -> Expr {
        let open = i
        advance()  // (the caller, parsePrimary, has spent the nesting budget for this trailer)
        let (args, keywords) = parseCallArguments(open: open)
        if !accept(.rpar) {
            if kind == .errorToken || suppressErrors { suppressErrors = true }
            else { reportUnexpected() }
            skipTo(.rpar)
        }
        return Expr(payload: keywords.isEmpty ? .positionalCall(function, args) : .call(function, args, keywords), range(from: start))
    }

    func parseCallArguments(open: Int) -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false, sawDoubleStar = false
        // CPython reports ordering mistakes at the last token of the argument list.
        var orderingError: String? = nil
        defer { if let m = orderingError { report(m, range(of: tok)) } }
        while kind != .rpar && kind != .endMarker && kind != .newline {
            let itemStart = i
            if kind == .star {
                advance()
                let v = parseExpression()
                let e = Expr(.starred(value: v, ctx: .load), range(from: itemStart))
                if sawDoubleStar {
                    report("iterable argument unpacking follows keyword argument unpacking", e.range)
                }
                args.append(e)
            } else if kind == .doubleStar {
                advance()
                let v = parseExpression()
                keywords.append(Keyword(arg: nil, value: v, range: range(from: itemStart)))
                sawDoubleStar = true
            } else if kind == .name && peekKind() == .equal {
                let name = identifier(tok)
                advance(); advance()
                let v = parseExpression()
                keywords.append(Keyword(arg: name, value: v, range: range(from: itemStart)))
                sawKeyword = true
            } else {
                let e = parseNamedExpression(inCallArgument: true)
                if kind == .kwFor || kind == .kwAsync {
                    let gens = parseComprehensionClauses()
                    // A lone generator argument spans the call's parentheses.
                    let closing = kind == .rpar ? i : i - 1
                    let r = range(of: tokens[open])
                    let endT = tokens[closing]
                    let g = Expr(.generatorExp(elt: e, generators: gens),
                                 SourceRange(line: r.line, utf8Column: r.utf8Column, endLine: Int(endT.endLine),
                                             endUTF8Column: Int(endT.endCol)))
                    if !args.isEmpty || !keywords.isEmpty || kind == .comma {
                        report("Generator expression must be parenthesized", range(e.range, lastRange))
                    }
                    args.append(g)
                } else if kind == .equal {
                    report("expression cannot contain assignment, perhaps you meant \"==\"?", range(from: itemStart))
                    advance()
                    _ = parseExpression()
                } else {
                    if orderingError == nil && sawDoubleStar {
                        orderingError = "positional argument follows keyword argument unpacking"
                    } else if orderingError == nil && sawKeyword {
                        orderingError = "positional argument follows keyword argument"
                    }
                    args.append(e)
                }
            }
            if !accept(.comma) {
                if kind != .rpar, let last = args.last ?? keywords.last?.value { _ = reportMissingComma(after: last) }
                break
            }
        }
        return (args.rightSized(), keywords.rightSized())
    }
}
