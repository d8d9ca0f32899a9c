/// Which syntax error comes first, and how bad UTF-8 is worded: the front end finds more errors than CPython
/// (it recovers), so it orders them the way CPython would have stopped — the first one is what CPython
/// reports, so `dump-ast` can be compared with it; the rest follow by position.

extension PythonParser {
    /// The error for invalid UTF-8, worded as CPython words it for the token the bad byte sits in: none in a
    /// comment (never decoded) or a bytes literal (the parser reports its non-ASCII content); inside a str
    /// literal the position counts from the literal's body and the error sits at the token's end; elsewhere
    /// the position counts from the token's start.
    static func relocateInvalidUTF8(_ text: inout SourceText, _ tokens: [Token]) {
        for bad in text.invalidUTF8 {
            // The last token starting at or before the byte.
            var lo = 0, hi = tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(tokens[mid].start) <= bad.offset { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0 else { continue }
            var k = lo - 1
            while k > 0 && tokens[k].end == tokens[k].start { k -= 1 }  // zero-width NEWLINE/INDENT/DEDENT
            let t = tokens[k]
            guard Int(t.start) <= bad.offset && bad.offset < Int(t.end) else { continue }  // in a comment
            let hex = String(bad.byte, radix: 16)
            // CPython decodes the token's bytes alone: a sequence cut by the token's end is "unexpected end".
            let reason = text.bytes.withUnsafeBufferPointer { SourceText.invalidReason($0, bad.offset, Int(t.end)) }
            func message(_ position: Int) -> String {
                "(unicode error) 'utf-8' codec can't decode byte 0x\(hex) in position \(position): \(reason)"
            }
            if t.kind == .string {
                var bodyStart = Int(t.start)
                var isBytes = false
                while bodyStart < Int(t.end) && text.bytes[bodyStart] != UInt8(ascii: "\"") && text.bytes[bodyStart] != UInt8(ascii: "'") {
                    if text.bytes[bodyStart] | 0x20 == UInt8(ascii: "b") { isBytes = true }
                    bodyStart += 1
                }
                if isBytes { return }
                let q = text.bytes[bodyStart]
                if bodyStart + 2 < Int(t.end) && text.bytes[bodyStart + 1] == q && text.bytes[bodyStart + 2] == q
                    && Int(t.end) - bodyStart >= 6 { bodyStart += 3 } else { bodyStart += 1 }
                text.errors.append(SyntaxError(message: message(bad.offset - bodyStart),
                    range: SourceRange(line: Int(t.endLine), utf8Column: Int(t.endCol), endLine: Int(t.endLine), endUTF8Column: Int(t.endCol))))
            } else {
                let col = Int(t.col) + bad.offset - Int(t.start)
                text.errors.append(SyntaxError(message: message(bad.offset - Int(t.start)),
                    range: SourceRange(line: Int(t.line), utf8Column: col, endLine: Int(t.line), endUTF8Column: col + 1)))
            }
            return
        }
    }

    /// All errors by position, except that the first is the one CPython would report: a decoding error; else
    /// the first tokenizer error met before the parser's first error; else a later tokenizer error of the
    /// kind CPython finds when it tokenizes the rest of the file after a parser error; else "'(' was never
    /// closed" when the parser had read past the bracket's line when it failed; else the parser's error.
    static func orderErrors(text: SourceText, lexer: Lexer, parserErrors: [SyntaxError], furthestLine: Int) -> [SyntaxError] {
        typealias Event = (error: SyntaxError, at: (Int, Int), unclosedLine: Int?, overrides: Bool)
        var events: [Event] = []
        for (k, e) in lexer.errors.enumerated() {
            events.append((e, lexer.detectedAt[k], lexer.unclosedBracketLine[k], lexer.overridesParserError[k]))
        }
        events.sort { $0.at < $1.at }
        var all = text.errors + events.map { $0.error } + parserErrors
        all.sort { ($0.range.line, $0.range.utf8Column) < ($1.range.line, $1.range.utf8Column) }
        let primary: SyntaxError?
        if let decoding = text.errors.first {
            primary = decoding  // CPython decodes (and checks for NUL) before it parses
        } else if let p = parserErrors.first {
            let pAt = (p.range.line, p.range.utf8Column)
            if let early = events.first(where: { $0.at <= pAt }) {
                primary = early.error
            } else if p.message == "unexpected indent" {
                primary = p  // raised from the INDENT token itself, before any look at the rest of the file
            } else if let later = events.first(where: { $0.unclosedLine == nil }) {
                // CPython's scan of the rest stops at the first tokenizer error; only some of them it raises.
                primary = later.overrides ? later.error : p
            } else if let unclosed = events.first(where: { $0.unclosedLine != nil }), furthestLine > (unclosed.unclosedLine ?? Int.max) {
                primary = unclosed.error
            } else {
                primary = p
            }
        } else {
            primary = events.first?.error
        }
        if let first = primary, let k = all.firstIndex(of: first) {
            all.remove(at: k)
            all.insert(first, at: 0)
        }
        return all
    }
}

extension SyntaxError {
    /// The 1-based column CPython 3.11 reports as `SyntaxError.offset` for this error when it parses
    /// `source` given as bytes (`ast.parse(open(f, 'rb').read())`, `python3 f.py`): its tokenizer counts the
    /// characters of the line up to and including the one at the error, its parser counts UTF-8 bytes.
    /// (With a coding declaration CPython counts characters for both; this follows the UTF-8 default.)
    /// Editors get `range` (UTF-8) instead, converted by the server.
    public func cpythonOffset(in source: [UInt8]) -> Int {
        let byteColumn = range.utf8Column
        guard offsetCountsCharacters, byteColumn > 0, let (start, end) = Self.lineBounds(source, line: range.line) else {
            return byteColumn + 1
        }
        let upTo = min(start + byteColumn, end)
        let characters = String(decoding: source[start..<upTo], as: UTF8.self).unicodeScalars.count
        return characters + (start + byteColumn - upTo) + 1
    }

    /// Where line `line` (1-based; lines end at LF, CRLF or CR as the lexer counts them) lies in `source`,
    /// its end excluding the line break; a UTF-8 byte order mark is not part of line 1.
    static func lineBounds(_ source: [UInt8], line: Int) -> (start: Int, end: Int)? {
        guard line >= 1 else { return nil }
        var start = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var current = 1
        var k = start
        while k < source.count {
            let c = source[k]
            if c == 0x0A || c == 0x0D {
                if current == line { return (start, k) }
                k += c == 0x0D && k + 1 < source.count && source[k + 1] == 0x0A ? 2 : 1
                start = k
                current += 1
            } else {
                k += 1
            }
        }
        return current == line ? (start, source.count) : nil
    }
}
