/// String atoms: implicit concatenation of STRING tokens into one Constant or JoinedStr, and f-strings
/// parsed the way CPython 3.11 does it (string_parser.c): literal pieces merge, each `{expr}` is parsed
/// from a copy of its text with positions shifted onto the source, and the pieces get 3.11's ranges.

extension Parser {
    /// The accumulated value of a string concatenation (CPython's FstringParser).
    struct StringState {
        var lastStr: [UInt32]? = nil
        var values: [Expr] = []
        var fmode = false
    }

    struct StringPrefix {
        var raw = false, bytes = false, fstring = false
        var prefixLength = 0
        var quoteLength = 1
    }

    func stringPrefix(_ t: Token) -> StringPrefix {
        var p = StringPrefix()
        var k = Int(t.start)
        while src[k] != UInt8(ascii: "\"") && src[k] != UInt8(ascii: "'") {
            switch src[k] | 0x20 {
            case UInt8(ascii: "r"): p.raw = true
            case UInt8(ascii: "b"): p.bytes = true
            case UInt8(ascii: "f"): p.fstring = true
            default: break
            }
            k += 1
        }
        p.prefixLength = k - Int(t.start)
        let q = src[k]
        if k + 2 < Int(t.end) - 1 && src[k + 1] == q && src[k + 2] == q && Int(t.end) - k >= 6 { p.quoteLength = 3 }
        return p
    }

    func parseStrings() -> Expr {
        let firstIndex = i
        var lastIndex = i
        while kind == .string { lastIndex = i; advance() }
        let first = tokens[firstIndex], last = tokens[lastIndex]
        let whole = SourceRange(line: Int(first.line), utf8Column: Int(first.col), endLine: Int(last.endLine),
                                endUTF8Column: Int(last.endCol))
        let kindU: String? = src[Int(first.start)] == UInt8(ascii: "u") ? "u" : nil

        var anyBytes = false, anyStr = false
        for k in firstIndex...lastIndex {
            if stringPrefix(tokens[k]).bytes { anyBytes = true } else { anyStr = true }
        }
        if anyBytes && anyStr {
            report("cannot mix bytes and nonbytes literals", endOf(last))
            return errorExpr(whole)
        }
        if anyBytes {
            var out: [UInt8] = []
            for k in firstIndex...lastIndex {
                let t = tokens[k]
                let p = stringPrefix(t)
                let body = src[(Int(t.start) + p.prefixLength + p.quoteLength)..<(Int(t.end) - p.quoteLength)]
                if body.contains(where: { $0 >= 0x80 }) {
                    report("bytes can only contain ASCII literal characters", range(of: t))
                    continue
                }
                if p.raw { out.append(contentsOf: body) }
                else if let msg = StringEscapes.decodeBytes(body, into: &out) { report(msg, endOf(t)) }
            }
            return Expr(.constant(value: .bytes(out), kind: nil), whole)
        }

        var state = StringState()
        for k in firstIndex...lastIndex {
            let t = tokens[k]
            let p = stringPrefix(t)
            let bodyStart = Int(t.start) + p.prefixLength + p.quoteLength
            let bodyEnd = Int(t.end) - p.quoteLength
            if p.fstring {
                state.fmode = true
                var pos = bodyStart
                concatFString(&state, &pos, bodyEnd, raw: p.raw, level: 0, token: t, whole: whole, kindU: kindU)
            } else {
                var scalars: [UInt32] = []
                let body = src[bodyStart..<bodyEnd]
                if p.raw { appendUTF8(body, &scalars) }
                else if let msg = StringEscapes.decodeStr(body, scalars: &scalars) { report(msg, endOf(t)) }
                appendLiteral(&state, scalars)
            }
        }
        return finishStrings(&state, whole, kindU: kindU)
    }

    private func appendUTF8(_ body: ArraySlice<UInt8>, _ out: inout [UInt32]) {
        for s in String(decoding: body, as: UTF8.self).unicodeScalars { out.append(s.value) }
    }

    private func appendLiteral(_ state: inout StringState, _ scalars: [UInt32]) {
        if scalars.isEmpty { return }
        if state.lastStr == nil { state.lastStr = scalars } else { state.lastStr!.append(contentsOf: scalars) }
    }

    func constantString(_ scalars: [UInt32]) -> Constant {
        var s = String.UnicodeScalarView()
        for v in scalars {
            guard let u = Unicode.Scalar(v) else { return .strScalars(scalars) }
            s.append(u)
        }
        return .str(String(s))
    }

    private func flushLiteral(_ state: inout StringState, _ r: SourceRange, kindU: String?) {
        if let s = state.lastStr {
            state.values.append(Expr(.constant(value: constantString(s), kind: kindU), r))
            state.lastStr = nil
        }
    }

    private func finishStrings(_ state: inout StringState, _ r: SourceRange, kindU: String?) -> Expr {
        if !state.fmode {
            return Expr(.constant(value: constantString(state.lastStr ?? []), kind: kindU), r)
        }
        flushLiteral(&state, r, kindU: kindU)
        return Expr(.joinedStr(values: state.values), r)
    }

    // MARK: - f-strings

    /// Parses literal pieces and `{...}` fields of one f-string body from `pos` (CPython's
    /// `_PyPegen_FstringParser_ConcatFstring`). At level > 0 (a format spec) it stops at the closing `}`.
    private func concatFString(_ state: inout StringState, _ pos: inout Int, _ end: Int, raw: Bool, level: Int,
                               token t: Token, whole: SourceRange, kindU: String?) {
        while true {
            // Literal.
            let literalStart = pos
            var doubled = false
            var s = pos
            while s < end {
                var ch = src[s]; s += 1
                if !raw && ch == UInt8(ascii: "\\") && s < end {
                    ch = src[s]; s += 1
                    if ch == UInt8(ascii: "N") {
                        if s < end {
                            let open = src[s]; s += 1
                            if open == UInt8(ascii: "{") {
                                while s < end { let c = src[s]; s += 1; if c == UInt8(ascii: "}") { break } }
                            }
                        }
                        continue
                    }
                }
                if ch == UInt8(ascii: "{") || ch == UInt8(ascii: "}") {
                    if level == 0 {
                        if s < end && src[s] == ch { doubled = true; break }
                        if ch == UInt8(ascii: "}") {
                            report("f-string: single '}' is not allowed", endOf(t))
                            pos = end
                            return
                        }
                    }
                    s -= 1
                    break
                }
            }
            let literalEnd = s
            if literalEnd > literalStart {
                var scalars: [UInt32] = []
                let body = src[literalStart..<literalEnd]
                if raw { appendUTF8(body, &scalars) }
                else if let msg = StringEscapes.decodeStr(body, scalars: &scalars) { report(msg, endOf(t)) }
                appendLiteral(&state, scalars)
            }
            if doubled { pos = s + 1; continue }
            pos = s
            if pos >= end || src[pos] == UInt8(ascii: "}") { break }
            // An expression field.
            guard let field = parseFStringField(&pos, end, raw: raw, level: level, token: t, whole: whole,
                                                state: &state, kindU: kindU) else {
                pos = end
                return
            }
            flushLiteral(&state, whole, kindU: kindU)
            state.values.append(field)
        }
        if level == 0 && pos < end { report("f-string: unexpected end of string", endOf(t)) }
        if level != 0 && (pos >= end || src[pos] != UInt8(ascii: "}")) { report("f-string: expecting '}'", endOf(t)) }
    }

    /// One `{expr[=][!c][:spec]}` field starting at `{` (CPython's `fstring_find_expr`).
    private func parseFStringField(_ pos: inout Int, _ end: Int, raw: Bool, level: Int, token t: Token,
                                   whole: SourceRange, state: inout StringState, kindU: String?) -> Expr? {
        let tr = endOf(t)
        if level >= 2 { report("f-string: expressions nested too deeply", tr); return nil }
        let brace = pos
        pos += 1
        let exprStart = pos
        var quote: UInt8 = 0
        var quoteLen = 0
        var stack: [UInt8] = []
        while pos < end {
            let ch = src[pos]
            if ch == UInt8(ascii: "\\") {
                report("f-string expression part cannot include a backslash", tr); return nil
            }
            if quote != 0 {
                if ch == quote {
                    if quoteLen == 3 {
                        if pos + 2 < end && src[pos + 1] == ch && src[pos + 2] == ch { pos += 3; quote = 0; continue }
                    } else { pos += 1; quote = 0; continue }
                }
                pos += 1; continue
            }
            if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                if pos + 2 < end && src[pos + 1] == ch && src[pos + 2] == ch { quoteLen = 3; pos += 3 }
                else { quoteLen = 1; pos += 1 }
                quote = ch
                continue
            }
            if ch == UInt8(ascii: "[") || ch == UInt8(ascii: "{") || ch == UInt8(ascii: "(") {
                if stack.count >= 200 { report("f-string: too many nested parenthesis", tr); return nil }
                stack.append(ch); pos += 1; continue
            }
            if ch == UInt8(ascii: "#") {
                report("f-string expression part cannot include '#'", tr); return nil
            }
            if stack.isEmpty && (ch == UInt8(ascii: "!") || ch == UInt8(ascii: ":") || ch == UInt8(ascii: "}")
                                 || ch == UInt8(ascii: "=") || ch == UInt8(ascii: ">") || ch == UInt8(ascii: "<")) {
                if pos + 1 < end {
                    let next = src[pos + 1]
                    if next == UInt8(ascii: "=") && (ch == UInt8(ascii: "!") || ch == UInt8(ascii: "=")
                                                    || ch == UInt8(ascii: "<") || ch == UInt8(ascii: ">")) {
                        pos += 2; continue
                    }
                }
                if ch == UInt8(ascii: ">") || ch == UInt8(ascii: "<") { pos += 1; continue }
                break
            }
            if ch == UInt8(ascii: "]") || ch == UInt8(ascii: "}") || ch == UInt8(ascii: ")") {
                guard let open = stack.popLast() else {
                    report("f-string: unmatched '\(Character(Unicode.Scalar(ch)))'", tr); return nil
                }
                let want: UInt8 = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if want != ch {
                    report("f-string: closing parenthesis '\(Character(Unicode.Scalar(ch)))' does not match opening parenthesis '\(Character(Unicode.Scalar(open)))'", tr)
                    return nil
                }
            }
            pos += 1
        }
        let exprEnd = pos
        if quote != 0 { report("f-string: unterminated string", tr); return nil }
        if !stack.isEmpty {
            report("f-string: unmatched '\(Character(Unicode.Scalar(stack[stack.count - 1])))'", tr); return nil
        }
        if pos >= end { report("f-string: expecting '}'", tr); return nil }

        guard let value = compileFStringExpression(brace: brace, exprStart: exprStart, exprEnd: exprEnd, token: t) else {
            return nil
        }
        var conversion = -1
        var debugText: [UInt32]? = nil
        if src[pos] == UInt8(ascii: "=") {
            pos += 1
            while pos < end && (src[pos] == 0x20 || src[pos] == 0x09 || src[pos] == 0x0A || src[pos] == 0x0C
                                || src[pos] == 0x0B || src[pos] == 0x0D) { pos += 1 }
            if pos >= end { report("f-string: expecting '}'", tr); return nil }
            var d: [UInt32] = []
            appendUTF8(src[exprStart..<pos], &d)
            debugText = d
        }
        if src[pos] == UInt8(ascii: "!") {
            pos += 1
            if pos >= end { report("f-string: expecting '}'", tr); return nil }
            let c = src[pos]
            pos += 1
            if c != UInt8(ascii: "s") && c != UInt8(ascii: "r") && c != UInt8(ascii: "a") {
                report("f-string: invalid conversion character: expected 's', 'r', or 'a'", tr); return nil
            }
            conversion = Int(c)
        }
        var formatSpec: Expr? = nil
        if pos < end && src[pos] == UInt8(ascii: ":") {
            pos += 1
            if pos >= end { report("f-string: expecting '}'", tr); return nil }
            var specState = StringState()
            specState.fmode = true
            concatFString(&specState, &pos, end, raw: raw, level: level + 1, token: t, whole: whole, kindU: kindU)
            // The spec's trailing literal and the spec itself take the token's own range (3.11).
            let specKindU: String? = src[Int(t.start)] == UInt8(ascii: "u") ? "u" : nil
            flushLiteral(&specState, range(of: t), kindU: specKindU)
            formatSpec = Expr(.joinedStr(values: specState.values), range(of: t))
        }
        if pos >= end || src[pos] != UInt8(ascii: "}") { report("f-string: expecting '}'", tr); return nil }
        pos += 1
        if let d = debugText {
            appendLiteral(&state, d)
            if formatSpec == nil && conversion == -1 { conversion = Int(UInt8(ascii: "r")) }
        }
        return Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec), whole)
    }

    /// Parses the text of one field as `(expr)` with its own lexer, placed where CPython 3.11 places it.
    private func compileFStringExpression(brace: Int, exprStart: Int, exprEnd: Int, token t: Token) -> Expr? {
        let tr = endOf(t)
        var allSpace = true
        for k in exprStart..<exprEnd where !(src[k] == 0x20 || src[k] == 0x09 || src[k] == 0x0A || src[k] == 0x0C || src[k] == 0x0B || src[k] == 0x0D) {
            allSpace = false; break
        }
        if allSpace { report("f-string: empty expression not allowed", tr); return nil }
        // Where the field sits inside the token (fstring_find_expr_location).
        var lines = 0
        var cols = 0
        var newlineAfterBrace = true
        var k = brace + 1
        while k < exprEnd && src[k] != UInt8(ascii: "}") && src[k] != 0x0A {
            if src[k] != 0x20 && src[k] != 0x09 && src[k] != 0x0C { newlineAfterBrace = false; break }
            k += 1
        }
        if k >= exprEnd && k < src.count && src[k] != 0x0A { newlineAfterBrace = false }
        let tokenStart = Int(t.start)
        if !newlineAfterBrace {
            var s = brace
            while s > tokenStart && src[s] != 0x0A { s -= 1 }
            cols = brace - s
            if src[s] == 0x0A { cols -= 1 }
        }
        for q in tokenStart..<brace where src[q] == 0x0A { lines += 1 }
        var sub: [UInt8] = []
        sub.reserveCapacity(exprEnd - exprStart + 2)
        sub.append(UInt8(ascii: "("))
        sub.append(contentsOf: src[exprStart..<exprEnd])
        sub.append(UInt8(ascii: ")"))
        var lexer = Lexer(firstLine: Int(t.line) + lines, firstLineColumn: lines != 0 ? cols : Int(t.col) + cols)
        sub.withUnsafeBufferPointer { lexer.tokenize($0) }
        if !lexer.errors.isEmpty {
            if !suppressErrors { errors.append(lexer.errors[0]); suppressErrors = true }
            return nil
        }
        let p = Parser(src: sub, tokens: lexer.tokens, fstringLevel: fstringLevel + 1)
        p.depth = depth
        let e = p.parseStarExpressions()
        if p.kind != .newline && p.kind != .endMarker { p.reportUnexpected() }
        if !p.errors.isEmpty {
            if !suppressErrors { errors.append(p.errors[0]); suppressErrors = true }
            return nil
        }
        _ = tr
        return e
    }
}
