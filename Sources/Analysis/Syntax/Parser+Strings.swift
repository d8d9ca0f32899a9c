/// String atoms: implicit concatenation of STRING tokens into one Constant or JoinedStr, and f-strings
/// parsed the way CPython 3.11 does it (string_parser.c): literal pieces merge, each `{expr}` is parsed
/// from a copy of its text with positions shifted onto the source, and the pieces get 3.11's ranges.

import Glibc

extension Parser {
    /// The accumulated value of a string concatenation (CPython's FstringParser).
    struct StringState {
        /// Pending literal text as UTF-8 (generalized: lone surrogates allowed, flagged below).
        var lastStr: [UInt8]? = nil
        var lastHasSurrogates = false
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
        if firstIndex == lastIndex, let shared = sharedPlainString(first, kindU: kindU) { return Expr(payload: shared, whole) }

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
                decodeLiteral(src[bodyStart..<bodyEnd], raw: p.raw, token: t, into: &state)
            }
        }
        return finishStrings(&state, whole, kindU: kindU)
    }

    /// `.constant` for a lone str token with no escapes and no `f`/`b` prefix, its box shared with the file's
    /// other tokens spelled the same (a file repeats its keys, messages and `__main__`s); nil for any other
    /// token. Such a token cannot have an error to report, so a shared hit skips nothing.
    /// Tokens longer than `sharedStringLimit` bytes (docstrings, long messages) are seldom repeated and not
    /// worth hashing.
    private func sharedPlainString(_ t: Token, kindU: String?) -> ExprPayload? {
        if Int(t.end) - Int(t.start) > Self.sharedStringLimit { return nil }
        let p = stringPrefix(t)
        if p.fstring || p.bytes { return nil }
        let bodyStart = Int(t.start) + p.prefixLength + p.quoteLength
        let bodyEnd = Int(t.end) - p.quoteLength
        guard bodyStart <= bodyEnd, bodyEnd <= src.count, let base = src.baseAddress else { return nil }
        if memchr(base + bodyStart, Int32(UInt8(ascii: "\\")), bodyEnd - bodyStart) != nil { return nil }
        let body = src[bodyStart..<bodyEnd]
        return shared.strings.kind(src, Int(t.start), Int(t.end)) {
            let value = String(decoding: body, as: UTF8.self)
            return kindU == nil ? .str(value) : .constant(.str(value), kindU)
        }
    }

    /// Appends a literal piece (escapes decoded unless raw) to the pending text.
    private func decodeLiteral(_ body: ByteSlice, raw: Bool, token t: Token, into state: inout StringState) {
        if body.isEmpty { return }
        var buffer = state.lastStr.take() ?? []
        if raw {
            buffer.append(contentsOf: body)
        } else if let msg = StringEscapes.decodeStr(body, into: &buffer, surrogates: &state.lastHasSurrogates) {
            report(msg, endOf(t))
        }
        state.lastStr = buffer.isEmpty ? nil : buffer
    }

    /// A str constant from (generalized) UTF-8; code points go through a scalar list only when a lone
    /// surrogate is present, since Swift strings cannot hold one.
    func constantString(_ bytes: [UInt8], surrogates: Bool) -> Constant {
        if !surrogates { return .str(String(decoding: bytes, as: UTF8.self)) }
        var scalars: [UInt32] = []
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            var len = 1, v = UInt32(c)
            if c >= 0xF0 { len = 4; v = UInt32(c & 0x07) } else if c >= 0xE0 { len = 3; v = UInt32(c & 0x0F) }
            else if c >= 0xC0 { len = 2; v = UInt32(c & 0x1F) }
            if len > 1 {
                if k + len > bytes.count { scalars.append(0xFFFD); break }
                for m in 1..<len { v = (v << 6) | UInt32(bytes[k + m] & 0x3F) }
            }
            scalars.append(v)
            k += len
        }
        return .strScalars(scalars)
    }

    private func flushLiteral(_ state: inout StringState, _ r: SourceRange, kindU: String?) {
        if let s = state.lastStr {
            state.values.append(Expr(.constant(value: constantString(s, surrogates: state.lastHasSurrogates), kind: kindU), r))
            state.lastStr = nil
            state.lastHasSurrogates = false
        }
    }

    private func finishStrings(_ state: inout StringState, _ r: SourceRange, kindU: String?) -> Expr {
        if !state.fmode {
            return Expr(.constant(value: constantString(state.lastStr ?? [], surrogates: state.lastHasSurrogates), kind: kindU), r)
        }
        flushLiteral(&state, r, kindU: kindU)
        return Expr(.joinedStr(values: state.values), r)
    }

    static let sharedStringLimit = 64

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
                decodeLiteral(src[literalStart..<literalEnd], raw: raw, token: t, into: &state)
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
        var debugText: [UInt8]? = nil
        if src[pos] == UInt8(ascii: "=") {
            pos += 1
            while pos < end && (src[pos] == 0x20 || src[pos] == 0x09 || src[pos] == 0x0A || src[pos] == 0x0C
                                || src[pos] == 0x0B || src[pos] == 0x0D) { pos += 1 }
            if pos >= end { report("f-string: expecting '}'", tr); return nil }
            debugText = Array(src[exprStart..<pos])
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
            state.lastStr = (state.lastStr ?? []) + d
            if formatSpec == nil && conversion == -1 { conversion = Int(UInt8(ascii: "r")) }
        }
        return Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec), whole)
    }

    /// The text as an identifier when it is exactly an ASCII name that is not a keyword.
    private func plainName(_ start: Int, _ end: Int) -> String? {
        guard end > start else { return nil }
        for k in start..<end {
            let c = src[k]
            let letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
            let digit = c >= 48 && c <= 57
            if !(letter || (digit && k > start)) { return nil }
        }
        if keywordKind(src, start, end) != nil { return nil }
        return String(decoding: src[start..<end], as: UTF8.self)
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
        let firstLine = Int(t.line) + lines
        let firstColumn = lines != 0 ? cols : Int(t.col) + cols
        if let name = plainName(exprStart, exprEnd) {
            // `{name}`: what the sub-parser would produce, without making one.
            let col = firstColumn + 1
            return Expr(.name(id: name, ctx: .load),
                        SourceRange(line: firstLine, utf8Column: col, endLine: firstLine, endUTF8Column: col + exprEnd - exprStart))
        }
        var sub: [UInt8] = []
        sub.reserveCapacity(exprEnd - exprStart + 2)
        sub.append(UInt8(ascii: "("))
        sub.append(contentsOf: src[exprStart..<exprEnd])
        sub.append(UInt8(ascii: ")"))
        var lexer = Lexer(firstLine: firstLine, firstLineColumn: firstColumn)
        sub.withUnsafeBufferPointer { lexer.tokenize($0) }
        if !lexer.errors.isEmpty {
            if !suppressErrors { errors.append(lexer.errors[0]); suppressErrors = true }
            return nil
        }
        let outerDepth = depth
        let (e, subErrors) = Parser.with(src: sub, tokens: lexer.tokens, fstringLevel: fstringLevel + 1) { p in
            p.depth = outerDepth
            let e = p.parseStarExpressions()
            if p.kind != .newline && p.kind != .endMarker { p.reportUnexpected() }
            return (e, p.errors)
        }
        if !subErrors.isEmpty {
            if !suppressErrors { errors.append(subErrors[0]); suppressErrors = true }
            return nil
        }
        return e
    }
}
