/// Compound statements: def/class (with decorators and type parameters), if/elif/else, for, while, with,
/// try/except/except*/else/finally, and their blocks.

extension Parser {
    func parseCompound() -> Stmt? {
        switch kind {
        case .at: return parseDecorated()
        case .kwDef: return parseFunctionDef(decorators: [], start: i)
        case .kwClass: return parseClassDef(decorators: [], start: i)
        case .kwIf: return parseIf()
        case .kwWhile: return parseWhile()
        case .kwFor: return parseFor(start: i, isAsync: false)
        case .kwWith: return parseWith(start: i, isAsync: false)
        case .kwTry: return parseTry()
        case .kwAsync:
            let start = i
            advance()
            switch kind {
            case .kwDef: return parseFunctionDef(decorators: [], start: start)
            case .kwFor: return parseFor(start: start, isAsync: true)
            default: return parseWith(start: start, isAsync: true)
            }
        default: return nil
        }
    }

    // MARK: - Blocks

    /// `':' block`. `what` names the statement for CPython's "expected an indented block after ..." message.
    /// CPython says "expected ':'" for def/try/else/finally/case whatever follows, and for the others only
    /// when the line ends there; otherwise it is "invalid syntax" at the stray token.
    func parseColonBlock(_ what: String, line: Int, forced: Bool = false) -> [Stmt] {
        if !accept(.colon) {
            if forced || kind == .newline { _ = expect(.colon, ":") } else { reportUnexpected() }
            // Recover: drop the rest of the header line, then take the block if one follows.
            while kind != .newline && kind != .endMarker { advance() }
        }
        return parseBlock(what, line: line)
    }

    func parseBlock(_ what: String, line: Int) -> [Stmt] {
        if accept(.newline) {
            if accept(.indent) {
                return parseBlockStatements()
            }
            report("expected an indented block after \(what) on line \(line)", range(of: tok))
            return []
        }
        var body: [Stmt] = []
        if kind == .endMarker {
            report("invalid syntax", hereEmpty)
            return body.rightSized()
        }
        parseSimpleStatements(into: &body)
        return body.rightSized()
    }

    /// Range of a compound statement: from its first token to the last real token of its last block
    /// (CPython's EXTRA skips NEWLINE/INDENT/DEDENT, so a trailing `;` counts).
    func endRange(_ start: Int, _ lastBlock: [Stmt]) -> SourceRange {
        var e = i - 1
        while e > start && (tokens[e].kind == .newline || tokens[e].kind == .indent || tokens[e].kind == .dedent) { e -= 1 }
        let s = tokens[start], t = tokens[max(e, start)]
        return SourceRange(line: Int(s.line), utf8Column: Int(s.col), endLine: Int(t.endLine), endUTF8Column: Int(t.endCol))
    }

    // MARK: - def / class

    func parseDecorated() -> Stmt? {
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(parseNamedExpression())
            if !accept(.newline) {
                reportUnexpected()
                skipToEndOfLine()
            }
        }
        let start = i
        switch kind {
        case .kwDef: return parseFunctionDef(decorators: decorators, start: start)
        case .kwClass: return parseClassDef(decorators: decorators, start: start)
        case .kwAsync where peekKind() == .kwDef:
            advance()
            return parseFunctionDef(decorators: decorators, start: start)
        default:
            reportUnexpected()
            return nil
        }
    }

    func parseFunctionDef(decorators: [Expr], start: Int) -> Stmt {
        let isAsync = tokens[start].kind == .kwAsync
        let defLine = Int(tok.line)
        advance()  // def
        var name = ""
        if kind == .name { name = identifier(tok); advance() } else { reportUnexpected() }
        let typeParams = kind == .lsqb ? parseTypeParams() : []
        var args = Arguments()
        if expect(.lpar, "(") {
            args = parseParameters(closing: .rpar, annotations: true)
            if !accept(.rpar) {
                if !suppressErrors { reportUnexpected() }
                skipTo(.rpar)
            }
        }
        var returns: Expr? = nil
        if accept(.rarrow) { returns = parseExpression() }
        let body = parseColonBlock("function definition", line: defLine, forced: true)
        let def = FunctionDef(name: name, args: args, body: body, decoratorList: decorators, returns: returns,
                              typeParams: typeParams)
        return Stmt(isAsync ? .asyncFunctionDef(def) : .functionDef(def), endRange(start, body))
    }

    func parseClassDef(decorators: [Expr], start: Int) -> Stmt {
        let classLine = Int(tok.line)
        advance()  // class
        var name = ""
        if kind == .name { name = identifier(tok); advance() } else { reportUnexpected() }
        let typeParams = kind == .lsqb ? parseTypeParams() : []
        var bases: [Expr] = [], keywords: [Keyword] = []
        if kind == .lpar {
            let open = i
            advance()
            (bases, keywords) = parseCallArguments(open: open)
            if !accept(.rpar) { if !suppressErrors { reportUnexpected() }; skipTo(.rpar) }
        }
        let body = parseColonBlock("class definition", line: classLine)
        let def = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decoratorList: decorators,
                           typeParams: typeParams)
        return Stmt(.classDef(def), endRange(start, body))
    }

    // MARK: - if / while / for

    /// `if` with its `elif` chain, built from the end so a long chain costs no recursion (each `elif` still
    /// spends nesting budget: it is one level deeper in the tree).
    func parseIf() -> Stmt {
        var clauses: [(start: Int, test: Expr, body: [Stmt])] = []
        var orelse: [Stmt] = []
        var levels = 0
        defer { depth -= levels }
        repeat {
            let start = i
            let line = Int(tok.line)
            let isElif = kind == .kwElif
            advance()
            let test = parseNamedExpression()
            let body = parseColonBlock(isElif ? "'elif' statement" : "'if' statement", line: line)
            clauses.append((start, test, body))
            levels += 1
            if !enter() { break }
        } while kind == .kwElif
        if kind == .kwElse {
            let elseLine = Int(tok.line)
            advance()
            orelse = parseColonBlock("'else' statement", line: elseLine, forced: true)
        }
        var stmt: Stmt? = nil
        for c in clauses.reversed() {
            let rest = stmt.map { [$0] } ?? orelse
            stmt = Stmt(payload: rest.isEmpty ? .ifOnly(c.test, c.body) : .if(c.test, c.body, rest), endRange(c.start, []))
        }
        return stmt ?? Stmt(.error, hereEmpty)
    }

    func parseWhile() -> Stmt {
        let start = i
        let line = Int(tok.line)
        advance()
        let test = parseNamedExpression()
        let body = parseColonBlock("'while' statement", line: line)
        var orelse: [Stmt] = []
        if kind == .kwElse {
            let elseLine = Int(tok.line)
            advance()
            orelse = parseColonBlock("'else' statement", line: elseLine, forced: true)
        }
        return Stmt(.while(test: test, body: body, orelse: orelse), endRange(start, orelse.isEmpty ? body : orelse))
    }

    func parseFor(start: Int, isAsync: Bool) -> Stmt {
        let line = Int(tok.line)
        advance()  // for
        let target = toStore(parseTargetList(stopAtIn: true), .store, context: .forTarget)
        var iter = errorExpr(hereEmpty)
        if accept(.kwIn) {
            iter = parseStarExpressions()
        } else {
            reportUnexpected()
        }
        let body = parseColonBlock("'for' statement", line: line)
        var orelse: [Stmt] = []
        if kind == .kwElse {
            let elseLine = Int(tok.line)
            advance()
            orelse = parseColonBlock("'else' statement", line: elseLine, forced: true)
        }
        let f = For(target: target, iter: iter, body: body, orelse: orelse)
        return Stmt(isAsync ? .asyncFor(f) : .for(f), endRange(start, orelse.isEmpty ? body : orelse))
    }

    // MARK: - with

    func parseWith(start: Int, isAsync: Bool) -> Stmt {
        let line = Int(tok.line)
        advance()  // with
        var items: [WithItem] = []
        if kind == .lpar, let parenthesised = tryParseParenthesisedWithItems() {
            items = parenthesised
        } else {
            repeat {
                items.append(parseWithItem())
            } while accept(.comma)
        }
        let body = parseColonBlock("'with' statement", line: line)
        return Stmt(isAsync ? .asyncWith(items: items, body: body, typeComment: nil)
                            : .with(items: items, body: body, typeComment: nil), endRange(start, body))
    }

    private func parseWithItem() -> WithItem {
        let e = parseExpression()
        var vars: Expr? = nil
        if accept(.kwAs) {
            vars = toStore(parseTargetItemForWith(), .store, context: .with)
        }
        return WithItem(contextExpr: e, optionalVars: vars)
    }

    /// `as` target of a with item: a single star_target (a parenthesised tuple is one target).
    private func parseTargetItemForWith() -> Expr {
        if kind == .star {
            let start = i
            advance()
            return Expr(.starred(value: parseBitOr(), ctx: .load), range(from: start))
        }
        return parseBitOr()
    }

    /// `with ( item, item [,] ) :` — tried first and undone if the parentheses turn out to be an expression.
    private func tryParseParenthesisedWithItems() -> [WithItem]? {
        let saveI = i, saveErrors = errors.count, saveSuppress = suppressErrors
        advance()  // (
        var items: [WithItem] = []
        while kind != .rpar {
            items.append(parseWithItem())
            if !accept(.comma) { break }
        }
        if kind == .rpar && peekKind() == .colon && errors.count == saveErrors && !items.isEmpty {
            advance()
            return items
        }
        i = saveI
        errors.removeSubrange(saveErrors...)
        suppressErrors = saveSuppress
        return nil
    }

    // MARK: - try

    func parseTry() -> Stmt {
        let start = i
        let line = Int(tok.line)
        advance()
        let body = parseColonBlock("'try' statement", line: line, forced: true)
        var handlers: [ExceptHandler] = []
        var orelse: [Stmt] = [], finalbody: [Stmt] = []
        var isStar = false
        while kind == .kwExcept {
            let hStart = i
            let hLine = Int(tok.line)
            advance()
            if accept(.star) { isStar = true }
            var type: Expr? = nil
            var name: String? = nil
            if kind != .colon {
                type = parseExpression()
                if kind == .comma {
                    let first = type?.range ?? hereEmpty
                    while accept(.comma) { _ = parseExpression() }
                    report("multiple exception types must be parenthesized", range(first, lastRange))
                }
                if accept(.kwAs) {
                    if kind == .name { name = identifier(tok); advance() } else { reportUnexpected() }
                }
            }
            let hBody = parseColonBlock(isStar ? "'except*' statement" : "'except' statement", line: hLine)
            handlers.append(ExceptHandler(type: type, name: name, body: hBody, range: endRange(hStart, hBody)))
        }
        if kind == .kwElse {
            let l = Int(tok.line)
            advance()
            orelse = parseColonBlock("'else' statement", line: l, forced: true)
        }
        if kind == .kwFinally {
            let l = Int(tok.line)
            advance()
            finalbody = parseColonBlock("'finally' statement", line: l, forced: true)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            report("expected 'except' or 'finally' block", range(of: tok))
        }
        let last = !finalbody.isEmpty ? finalbody : !orelse.isEmpty ? orelse : handlers.isEmpty ? body : handlers[handlers.count - 1].body
        let t = Try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
        return Stmt(isStar ? .tryStar(t) : .try(t), endRange(start, last))
    }
}
