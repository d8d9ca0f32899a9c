/// Statements: the file, blocks, simple statements and compound statements, with recovery at statement
/// boundaries. Every loop here consumes at least one token per iteration or stops (see `parseStatements`).

extension Parser {
    func parseFile() -> [Stmt] {
        var body: [Stmt] = []
        while kind != .endMarker {
            let before = i
            if kind == .dedent || kind == .rpar || kind == .rsqb || kind == .rbrace {
                if kind != .dedent { reportUnexpected() }
                advance(); continue
            }
            parseStatement(into: &body)
            if i == before { reportUnexpected(); advance() }
        }
        return body.rightSized()
    }

    /// Statements of an indented block, up to its DEDENT (consumed).
    func parseBlockStatements() -> [Stmt] {
        var body: [Stmt] = []
        while kind != .dedent && kind != .endMarker {
            let before = i
            parseStatement(into: &body)
            if i == before { reportUnexpected(); advance() }
        }
        _ = accept(.dedent)
        return body.rightSized()
    }

    /// One statement line (compound statement, or `;`-separated simple statements) appended to `body`.
    func parseStatement(into body: inout [Stmt]) {
        suppressErrors = false
        switch kind {
        case .newline:
            advance()  // stray NEWLINE after recovery
            return
        case .indent:
            report("unexpected indent", indentErrorRange(tok))
            advance()
            // Keep the indented statements: their facts are still useful.
            body.append(contentsOf: parseBlockStatements())
            return
        case .kwDef, .kwIf, .kwClass, .kwWith, .kwFor, .kwTry, .kwWhile, .at, .kwAsync:
            if kind == .kwAsync && !(peekKind() == .kwDef || peekKind() == .kwWith || peekKind() == .kwFor) { break }
            if let s = parseCompound() { body.append(s) }
            return
        case .name:
            if isName("match"), let s = tryParseMatch() { body.append(s); return }
        default:
            break
        }
        parseSimpleStatements(into: &body)
    }

    // MARK: - Simple statements

    func parseSimpleStatements(into body: inout [Stmt]) {
        while true {
            let before = i
            let s = parseSimpleStatement()
            body.append(s)
            if accept(.semi) {
                if kind == .newline || kind == .endMarker { break }
                continue
            }
            if i == before && kind != .newline { reportUnexpected(); advance() }
            break
        }
        if accept(.newline) { return }
        if kind == .endMarker { return }
        if kind == .errorToken { suppressErrors = true }
        else if case .expr(let v) = body.last?.kind, case .name(let id, _) = v.kind,
                (id == "print" || id == "exec"), kind == .string || kind == .name || kind == .number {
            let start = v.range
            skipToEndOfLineKeepingEnd()
            report("Missing parentheses in call to '\(id)'. Did you mean \(id)(...)?", range(start, lastRange))
        } else {
            reportUnexpected()
        }
        let skipFrom = i
        skipToEndOfLine()
        markUnparsed(&body, skippedFrom: skipFrom)
    }

    /// A statement that is nothing but an error (the line made no sense from its start) becomes an `error`
    /// statement covering what was skipped, so consumers see one honest node instead of an empty expression.
    private func markUnparsed(_ body: inout [Stmt], skippedFrom: Int) {
        guard let last = body.last, case .expr(let v) = last.kind, case .error = v.kind else { return }
        var e = i - 1
        while e > skippedFrom && tokens[e].kind == .newline { e -= 1 }
        let end = tokens[max(e, skippedFrom)]
        let r = last.range
        body[body.count - 1] = Stmt(.error, SourceRange(line: r.line, utf8Column: r.utf8Column,
                                                       endLine: max(Int(end.endLine), r.line),
                                                       endUTF8Column: Int(end.endLine) >= r.line ? Int(end.endCol) : r.endUTF8Column))
    }

    private func skipToEndOfLineKeepingEnd() {
        while peekKind() != .newline && peekKind() != .endMarker && kind != .newline && kind != .endMarker { advance() }
        if kind != .newline && kind != .endMarker { advance() }
    }

    func parseSimpleStatement() -> Stmt {
        let start = i
        switch kind {
        case .kwPass: advance(); return Stmt(.pass, range(from: start))
        case .kwBreak: advance(); return Stmt(.break, range(from: start))
        case .kwContinue: advance(); return Stmt(.continue, range(from: start))
        case .kwReturn:
            advance()
            let v: Expr? = startsExpression ? parseStarExpressions() : nil
            return Stmt(.return(value: v), range(from: start))
        case .kwRaise:
            advance()
            var exc: Expr? = nil, cause: Expr? = nil
            if startsExpression {
                exc = parseExpression()
                if accept(.kwFrom) { cause = parseExpression() }
            }
            return Stmt(.raise(exc: exc, cause: cause), range(from: start))
        case .kwGlobal, .kwNonlocal:
            let isGlobal = kind == .kwGlobal
            advance()
            var names: [String] = []
            repeat {
                guard kind == .name else { reportUnexpected(); break }
                names.append(identifier(tok)); advance()
            } while accept(.comma)
            return Stmt(isGlobal ? .global(names: names) : .nonlocal(names: names), range(from: start))
        case .kwDel:
            advance()
            var targets: [Expr] = []
            repeat {
                if kind == .newline || kind == .semi || kind == .endMarker { break }
                let t = parseBitOr()
                targets.append(toStore(t, .del, context: .del))
            } while accept(.comma)
            if targets.isEmpty { reportUnexpected() }
            return Stmt(.delete(targets: targets), range(from: start))
        case .kwAssert:
            advance()
            let test = parseExpression()
            var msg: Expr? = nil
            if accept(.comma) { msg = parseExpression() }
            return Stmt(.assert(test: test, msg: msg), range(from: start))
        case .kwImport:
            return parseImport()
        case .kwFrom:
            return parseFromImport()
        case .name:
            if isName("type") && peekKind() == .name && (peekKind(2) == .equal || peekKind(2) == .lsqb) {
                return parseTypeAlias()
            }
        default:
            break
        }
        return parseExpressionOrAssignment()
    }

    /// Assignment (plain, chained, unpacking), augmented and annotated assignment, or an expression statement.
    func parseExpressionOrAssignment() -> Stmt {
        let start = i
        let startsWithParen = kind == .lpar
        let first = kind == .kwYield ? parseYield() : parseStarExpressions()
        switch kind {
        case .equal:
            var targets = [first]
            var value = first
            while accept(.equal) {
                value = kind == .kwYield ? parseYield() : parseStarExpressions()
                targets.append(value)
            }
            targets.removeLast()
            let stored = targets.map { toStore($0, .store, context: .assign) }
            return Stmt(payload: .assign(stored, value), range(from: start))
        case .colon:
            advance()
            var target = first
            switch first.kind {
            case .name, .attribute, .subscript: target = toStore(first, .store, context: .annotated)
            case .tuple: report("only single target (not tuple) can be annotated", first.range)
            case .list: report("only single target (not list) can be annotated", first.range)
            default: report("illegal target for annotation", first.range)
            }
            let annotation = parseExpression()
            var value: Expr? = nil
            if accept(.equal) { value = kind == .kwYield ? parseYield() : parseStarExpressions() }
            var simple = false
            if case .name = first.kind, !startsWithParen { simple = true }
            return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: simple), range(from: start))
        default:
            if kind.isAugmentedAssign {
                let op = augmentedOperator(kind)
                switch first.kind {
                case .name, .attribute, .subscript: break
                default: report("'\(exprName(first))' is an illegal expression for augmented assignment", first.range)
                }
                advance()
                let target = toStore(first, .store, context: .augmented)
                let value = kind == .kwYield ? parseYield() : parseStarExpressions()
                return Stmt(.augAssign(target: target, op: op, value: value), range(from: start))
            }
            return Stmt(.expr(value: first), range(from: start))
        }
    }

    private func augmentedOperator(_ k: TokenKind) -> Operator {
        switch k {
        case .plusEqual: return .add
        case .minusEqual: return .sub
        case .starEqual: return .mult
        case .slashEqual: return .div
        case .doubleSlashEqual: return .floorDiv
        case .percentEqual: return .mod
        case .doubleStarEqual: return .pow
        case .vbarEqual: return .bitOr
        case .amperEqual: return .bitAnd
        case .circumflexEqual: return .bitXor
        case .leftShiftEqual: return .lShift
        case .rightShiftEqual: return .rShift
        default: return .matMult
        }
    }

    // MARK: - Imports

    private func parseDottedName() -> String? {
        guard kind == .name else { reportUnexpected(); return nil }
        var name = identifier(tok)
        advance()
        while kind == .dot && peekKind() == .name {
            advance()
            name += "." + identifier(tok)
            advance()
        }
        return name
    }

    func parseImport() -> Stmt {
        let start = i
        advance()
        var names: [Alias] = []
        repeat {
            let aliasStart = i
            guard let name = parseDottedName() else { break }
            var asname: String? = nil
            if accept(.kwAs) {
                if kind == .name { asname = identifier(tok); advance() } else { reportUnexpected() }
            }
            names.append(Alias(name: name, asname: asname, range: range(from: aliasStart)))
        } while accept(.comma)
        return Stmt(.import(names: names), range(from: start))
    }

    func parseFromImport() -> Stmt {
        let start = i
        advance()
        var level = 0
        while kind == .dot || kind == .ellipsis {
            level += kind == .dot ? 1 : 3
            advance()
        }
        var module: String? = nil
        if kind == .name { module = parseDottedName() }
        else if level == 0 { reportUnexpected() }
        if !accept(.kwImport) {
            if !suppressErrors { reportUnexpected() }
            return Stmt(.importFrom(module: module, names: [], level: level), range(from: start))
        }
        var names: [Alias] = []
        if kind == .star {
            names.append(Alias(name: "*", asname: nil, range: range(of: tok)))
            advance()
        } else {
            let paren = accept(.lpar)
            repeat {
                if paren && kind == .rpar { break }
                let aliasStart = i
                if !paren && !names.isEmpty && (kind == .newline || kind == .semi || kind == .endMarker) {
                    report("trailing comma not allowed without surrounding parentheses", range(of: tok))
                    break
                }
                guard kind == .name else { reportUnexpected(); break }
                let name = identifier(tok)
                advance()
                var asname: String? = nil
                if accept(.kwAs) {
                    if kind == .name { asname = identifier(tok); advance() } else { reportUnexpected() }
                }
                names.append(Alias(name: name, asname: asname, range: range(from: aliasStart)))
            } while accept(.comma)
            if paren { _ = expect(.rpar, ")") }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
    }

    // MARK: - type aliases (3.12)

    func parseTypeAlias() -> Stmt {
        let start = i
        advance()  // `type`
        let nameTok = tok
        advance()
        let name = Expr(payload: shared.name(identifier(nameTok), .store), range(of: nameTok))
        let params = kind == .lsqb ? parseTypeParams() : []
        _ = expect(.equal, "=")
        let value = parseExpression()
        return Stmt(.typeAlias(name: name, typeParams: params, value: value), range(from: start))
    }

    /// `[T, *Ts, **P, U: bound]`.
    func parseTypeParams() -> [TypeParam] {
        advance()  // [
        var params: [TypeParam] = []
        while kind != .rsqb && kind != .endMarker && kind != .newline {
            let start = i
            if accept(.star) {
                guard kind == .name else { reportUnexpected(); break }
                let n = identifier(tok); advance()
                params.append(TypeParam(name: n, kind: .typeVarTuple, range: range(from: start)))
            } else if accept(.doubleStar) {
                guard kind == .name else { reportUnexpected(); break }
                let n = identifier(tok); advance()
                params.append(TypeParam(name: n, kind: .paramSpec, range: range(from: start)))
            } else if kind == .name {
                let n = identifier(tok); advance()
                var bound: Expr? = nil
                if accept(.colon) { bound = parseExpression() }
                params.append(TypeParam(name: n, kind: .typeVar(bound: bound), range: range(from: start)))
            } else {
                reportUnexpected(); break
            }
            if !accept(.comma) { break }
        }
        _ = expect(.rsqb, "]")
        return params
    }
}
