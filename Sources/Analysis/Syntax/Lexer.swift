/// The Python tokenizer: UTF-8 bytes in, `Token`s out, following CPython 3.11's tokenizer (indentation with
/// tab stops of 8 and a tab-size-1 consistency check, implicit joining inside brackets, backslash
/// continuation, comments, every string prefix, triple quotes, f-strings as one STRING token, all number
/// forms). It works on bytes, never on Characters, and records errors instead of stopping.
/// It knows nothing about the grammar.

struct Lexer {
    static let maxIndentLevels = 100
    static let maxBracketNesting = 200

    private(set) var tokens: [Token] = []
    private(set) var errors: [SyntaxError] = []
    /// Where each error in `errors` was detected, in token order (CPython reports the tokenizer error it
    /// meets first); for "was never closed" that is where the lexer gave up on the bracket, not the bracket.
    private(set) var detectedAt: [(line: Int, col: Int)] = []
    /// For each error: the line of the unclosed bracket when it is a "was never closed" error.
    private(set) var unclosedBracketLine: [Int?] = []
    /// For each error: whether CPython raises it while it tokenizes the rest of a file after a parser error
    /// (and so reports it instead). Indentation and line-continuation errors it only reports in place.
    private(set) var overridesParserError: [Bool] = []
    /// Indices of the NEWLINE tokens the lexer inserted to close a line whose brackets were never closed.
    private(set) var syntheticNewlines: Set<Int> = []
    private var sawTooManyNested = false

    /// Lines are numbered from `firstLine`; tokens on the first line are shifted right by `firstLineColumn`
    /// (how CPython places the expressions of an f-string, which it lexes from a copy of their text).
    let firstLine: Int
    let firstLineColumn: Int

    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var atLineStart = true
    private var brackets: [(kind: UInt8, line: Int, col: Int, lineIndent: Int, offset: Int)] = []
    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    private var currentLineIndent = 0

    /// Recovery mode (a second pass over a file whose brackets were left open): a bracket opened at or after
    /// this byte offset is taken as forgotten when a later line starts at or left of its statement's
    /// indentation (and not with a closing bracket), so the statements after it still parse.
    let recoverBracketsFrom: Int?
    /// Byte offset of the first bracket found never closed (outermost of its group), if any.
    private(set) var firstForgottenBracket: Int? = nil

    init(firstLine: Int = 1, firstLineColumn: Int = 0, recoverBracketsFrom: Int? = nil) {
        self.firstLine = firstLine
        self.firstLineColumn = firstLineColumn
        self.recoverBracketsFrom = recoverBracketsFrom
    }

    /// Tokenizes the whole buffer, ending with NEWLINE (when needed), DEDENTs and ENDMARKER.
    mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) {
        tokens.reserveCapacity(bytes.count / 4 + 16)
        while true {
            if atLineStart {
                if !handleLineStart(bytes) { break }
            }
            if !lexOne(bytes) { break }
        }
        finish(bytes)
    }

    // MARK: - Coordinates

    @inline(__always) private func outLine(_ l: Int) -> Int32 { Int32(truncatingIfNeeded: l + firstLine - 1) }
    @inline(__always) private func outCol(_ l: Int, _ c: Int) -> Int32 {
        Int32(truncatingIfNeeded: l == 1 ? c + firstLineColumn : c)
    }

    @inline(__always)
    private mutating func emit(_ kind: TokenKind, _ start: Int, _ startLine: Int, _ startCol: Int) {
        tokens.append(Token(kind: kind, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: pos),
                            line: outLine(startLine), col: outCol(startLine, startCol),
                            endLine: outLine(line), endCol: outCol(line, pos - lineStart)))
    }

    mutating func error(_ message: String, line l: Int, col c: Int, endLine el: Int? = nil, endCol ec: Int? = nil,
                        unclosedBracketAt: Int? = nil, atLineStart: Bool = false, overrides: Bool = true,
                        countsCharacters: Bool = false) {
        let range = SourceRange(line: Int(outLine(l)), utf8Column: Int(outCol(l, c)),
                                endLine: Int(outLine(el ?? l)), endUTF8Column: Int(outCol(el ?? l, ec ?? c)))
        errors.append(SyntaxError(message: message, range: range, offsetCountsCharacters: countsCharacters))
        if unclosedBracketAt != nil {
            // At end of file, or at the start of the line where the lexer gave up on the bracket.
            detectedAt.append((Int(outLine(line)), Int(outCol(line, atLineStart ? 0 : pos - lineStart))))
        } else if atLineStart {
            detectedAt.append((range.line, 0))  // indentation is checked before the line's first token
        } else {
            detectedAt.append((range.line, range.utf8Column))
        }
        unclosedBracketLine.append(unclosedBracketAt.map { Int(outLine($0)) })
        overridesParserError.append(overrides)
    }

    /// Length in bytes of the line that starts at `lineStart` (CPython places indentation errors at its end).
    private func lineLength(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var e = lineStart
        while e < p.count && p[e] != 0x0A { e += 1 }
        return e - lineStart
    }

    // MARK: - Indentation

    /// Measures the indentation of a new logical line and queues INDENT/DEDENT. Returns false at EOF.
    private mutating func handleLineStart(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        atLineStart = false
        var col = 0, altcol = 0
        let n = p.count
        while pos < n {
            let c = p[pos]
            if c == 0x20 { col += 1; altcol += 1 }
            else if c == 0x09 { col = (col / 8 + 1) * 8; altcol += 1 }
            else if c == 0x0C { col = 0; altcol = 0 }
            else { break }
            pos += 1
        }
        if pos >= n { return true }
        let c = p[pos]
        if c == UInt8(ascii: "#") || c == 0x0A || (c == UInt8(ascii: "\\") && pos + 1 < n && p[pos + 1] == 0x0A) {
            return true  // blank line: no indentation change
        }
        if !brackets.isEmpty { return true }
        currentLineIndent = pos - lineStart
        let col0 = pos - lineStart
        let top = indents[indents.count - 1]
        if col == top {
            if altcol != altIndents[altIndents.count - 1] {
                error("inconsistent use of tabs and spaces in indentation", line: line, col: 0, atLineStart: true, overrides: false)
            }
        } else if col > top {
            if indents.count >= Lexer.maxIndentLevels {
                error("too many levels of indentation", line: line, col: col0, atLineStart: true, overrides: false)
                return true
            }
            if altcol <= altIndents[altIndents.count - 1] {
                error("inconsistent use of tabs and spaces in indentation", line: line, col: 0, atLineStart: true, overrides: false)
            }
            indents.append(col); altIndents.append(altcol)
            emit(.indent, pos, line, col0)
        } else {
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast(); altIndents.removeLast()
                emit(.dedent, pos, line, col0)
            }
            if col != indents[indents.count - 1] {
                error("unindent does not match any outer indentation level", line: line, col: lineLength(p),
                      atLineStart: true, overrides: false)
            } else if altcol != altIndents[altIndents.count - 1] {
                error("inconsistent use of tabs and spaces in indentation", line: line, col: 0, atLineStart: true, overrides: false)
            }
        }
        return true
    }

    private mutating func finish(_ p: UnsafeBufferPointer<UInt8>) {
        // CPython places the end-of-file tokens on the file's final newline character, not on a new line.
        if pos > 0 && p[pos - 1] == 0x0A && line > 1 {
            var s = pos - 1
            while s > 0 && p[s - 1] != 0x0A { s -= 1 }
            line -= 1
            lineStart = s
            pos -= 1
        }
        let unclosed = !brackets.isEmpty
        if let open = brackets.last {
            reportNeverClosed(open)  // detected at end of file, where the parser then fails
            brackets.removeAll()
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
            // After an unclosed bracket this NEWLINE ends a line the lexer has already reported.
            if unclosed { syntheticNewlines.insert(tokens.count) }
            emit(.newline, pos, line, pos - lineStart)
        }
        while indents.count > 1 {
            indents.removeLast(); altIndents.removeLast()
            emit(.dedent, pos, line, pos - lineStart)
        }
        emit(.endMarker, pos, line, pos - lineStart)
    }

    /// CPython names the innermost unclosed bracket. After "too many nested parentheses" it has stopped.
    private mutating func reportNeverClosed(_ open: (kind: UInt8, line: Int, col: Int, lineIndent: Int, offset: Int),
                                            atLineStart: Bool = false) {
        if firstForgottenBracket == nil { firstForgottenBracket = brackets.first?.offset }
        if sawTooManyNested { return }
        error("'\(Character(Unicode.Scalar(open.kind)))' was never closed", line: open.line, col: open.col,
              endLine: open.line, endCol: open.col + 1, unclosedBracketAt: open.line, atLineStart: atLineStart)
    }

    // MARK: - One token

    /// Lexes one token (or skips whitespace/comments/continuations). Returns false at EOF.
    private mutating func lexOne(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        while pos < n {
            let c = p[pos]
            if c == 0x20 || c == 0x09 || c == 0x0C { pos += 1; continue }
            break
        }
        if pos >= n { return false }
        let start = pos
        let startCol = pos - lineStart
        let c = p[pos]
        switch c {
        case 0x0A:
            pos += 1
            let wasBlank = tokens.isEmpty || tokens[tokens.count - 1].kind == .newline
                || tokens[tokens.count - 1].kind == .indent || tokens[tokens.count - 1].kind == .dedent
            if brackets.isEmpty && !wasBlank {
                tokens.append(Token(kind: .newline, start: Int32(truncatingIfNeeded: start),
                                    end: Int32(truncatingIfNeeded: pos), line: outLine(line),
                                    col: outCol(line, startCol), endLine: outLine(line), endCol: outCol(line, startCol + 1)))
            }
            line += 1; lineStart = pos
            if brackets.isEmpty { atLineStart = true } else { closeForgottenBrackets(p) }
            return true
        case UInt8(ascii: "#"):
            while pos < n && p[pos] != 0x0A { pos += 1 }
            return true
        case UInt8(ascii: "\\"):
            if pos + 1 < n && p[pos + 1] == 0x0A {
                pos += 2; line += 1; lineStart = pos
                if pos >= n {
                    error("unexpected EOF while parsing", line: line - 1, col: startCol + 1, overrides: false)
                }
                return true
            }
            pos += 1
            if pos >= n {
                error("unexpected EOF while parsing", line: line, col: startCol + 1, overrides: false)
            } else {
                error("unexpected character after line continuation character", line: line, col: startCol + 1, overrides: false)
            }
            emit(.errorToken, start, line, startCol)
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber(p, start, startCol)
            return true
        case UInt8(ascii: "."):
            if pos + 1 < n && p[pos + 1] >= UInt8(ascii: "0") && p[pos + 1] <= UInt8(ascii: "9") {
                lexNumber(p, start, startCol)
                return true
            }
            if pos + 2 < n && p[pos + 1] == UInt8(ascii: ".") && p[pos + 2] == UInt8(ascii: ".") {
                pos += 3; emit(.ellipsis, start, line, startCol); return true
            }
            pos += 1; emit(.dot, start, line, startCol); return true
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            lexString(p, start, startCol, quoteAt: pos)
            return true
        default:
            break
        }
        if isIdentifierStart(c) {
            lexNameOrPrefixedString(p, start, startCol)
            return true
        }
        lexOperator(p, start, startCol)
        return true
    }

    /// Letters, `_` and any non-ASCII byte (validated later) start a name; digits may follow. Bitmaps of the
    /// ASCII half keep this to a shift and a mask.
    @inline(__always) private func isIdentifierStart(_ c: UInt8) -> Bool {
        c >= 0x80 || (c >= 64 && (0x07FF_FFFE_87FF_FFFE as UInt64) >> (c - 64) & 1 != 0)
    }

    @inline(__always) private func isIdentifierByte(_ c: UInt8) -> Bool {
        if c >= 0x80 { return true }
        if c >= 64 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> (c - 64) & 1 != 0 }
        return (0x03FF_0000_0000_0000 as UInt64) >> c & 1 != 0
    }

    private mutating func lexNameOrPrefixedString(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ startCol: Int) {
        let n = p.count
        var sawNonASCII = false
        while pos < n && isIdentifierByte(p[pos]) {
            if p[pos] >= 0x80 { sawNonASCII = true }
            pos += 1
        }
        if pos < n && (p[pos] == UInt8(ascii: "\"") || p[pos] == UInt8(ascii: "'")) && isStringPrefix(p, start, pos) {
            lexString(p, start, startCol, quoteAt: pos)
            return
        }
        if sawNonASCII && !validateNonASCIIIdentifier(p, start, startCol) {
            emit(.errorToken, start, line, startCol)
            return
        }
        let kind = keywordKind(p, start, pos) ?? .name
        emit(kind, start, line, startCol)
    }

    private func isStringPrefix(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var r = false, b = false, u = false, f = false
        if end - start > 2 { return false }
        for i in start..<end {
            switch p[i] | 0x20 {
            case UInt8(ascii: "r"): if r { return false }; r = true
            case UInt8(ascii: "b"): if b { return false }; b = true
            case UInt8(ascii: "u"): if u { return false }; u = true
            case UInt8(ascii: "f"): if f { return false }; f = true
            default: return false
            }
        }
        if u && (r || b || f) { return false }
        if b && f { return false }
        return true
    }

    /// Checks a name containing non-ASCII bytes: valid UTF-8, XID_Start then XID_Continue. Reports the first
    /// bad character as CPython does and returns false.
    private mutating func validateNonASCIIIdentifier(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ startCol: Int) -> Bool {
        var i = start
        var first = true
        while i < pos {
            guard let (scalar, len) = decodeUTF8Scalar(p, i, pos) else {
                // Invalid UTF-8 was already reported by the source decoder; just refuse the name.
                return false
            }
            let ok: Bool
            if scalar.value < 0x80 {
                ok = true
            } else {
                ok = first ? (scalar.properties.isXIDStart || scalar == "_") : scalar.properties.isXIDContinue
            }
            if !ok {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                error("invalid character '\(Character(scalar))' (U+\(padded))", line: line, col: i - lineStart, countsCharacters: true)
                return false
            }
            first = false
            i += len
        }
        return true
    }

    // MARK: - Numbers

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    @inline(__always) private func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// Consumes digits accepted by `accept`, allowing single underscores between them. Returns false on a
    /// misplaced underscore (reported by the caller as "invalid ... literal").
    private mutating func digits(_ p: UnsafeBufferPointer<UInt8>, _ accept: (UInt8) -> Bool) -> Bool {
        let n = p.count
        while pos < n {
            if accept(p[pos]) { pos += 1; continue }
            if p[pos] == UInt8(ascii: "_") {
                if pos + 1 < n && accept(p[pos + 1]) { pos += 2; continue }
                pos += 1
                return false
            }
            break
        }
        return true
    }

    private mutating func lexNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ startCol: Int) {
        let n = p.count
        var kindName = "decimal"
        var ok = true
        if p[pos] == UInt8(ascii: "0") && pos + 1 < n && "xXoObB".utf8.contains(p[pos + 1]) {
            let radix = p[pos + 1] | 0x20
            pos += 2
            let accept: (UInt8) -> Bool
            switch radix {
            case UInt8(ascii: "x"): kindName = "hexadecimal"; accept = { c in
                (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 102) }
            case UInt8(ascii: "o"): kindName = "octal"; accept = { c in c >= 48 && c <= 55 }
            default: kindName = "binary"; accept = { c in c == 48 || c == 49 }
            }
            if pos < n && p[pos] == UInt8(ascii: "_") { pos += 1 }
            if pos >= n || !accept(p[pos]) {
                ok = false
            } else {
                ok = digits(p, accept)
            }
            // CPython's offsets: a decimal digit the radix does not have is reported where it ends (the
            // column is the digit's), anything else where it starts (the column is the character before).
            if pos < n && isDigit(p[pos]) && (ok || !accept(p[pos])) {
                error("invalid digit '\(Character(Unicode.Scalar(p[pos])))' in \(kindName) literal", line: line, col: pos - lineStart, countsCharacters: true)
                pos += 1; emit(.errorToken, start, line, startCol); return
            }
            if !ok {
                error("invalid \(kindName) literal", line: line, col: pos - lineStart - 1, countsCharacters: true)
                emit(.errorToken, start, line, startCol); return
            }
            finishNumber(p, start, startCol, kindName)
            return
        }
        if p[pos] != UInt8(ascii: ".") {
            let leadingZero = p[pos] == UInt8(ascii: "0")
            ok = digits(p, isDigit)
            if !ok {
                // After a `_` with no digit: CPython's column is the `_`'s.
                error("invalid decimal literal", line: line, col: pos - lineStart - 1, countsCharacters: true)
                emit(.errorToken, start, line, startCol); return
            }
            if leadingZero {
                // Only zeros may follow a leading zero in an integer.
                var allZero = true
                for i in start..<pos where p[i] != UInt8(ascii: "0") && p[i] != UInt8(ascii: "_") { allZero = false }
                let continuesAsFloat = pos < n && (p[pos] == UInt8(ascii: ".") || p[pos] | 0x20 == UInt8(ascii: "e")
                                                   || p[pos] | 0x20 == UInt8(ascii: "j"))
                if !allZero && !continuesAsFloat {
                    var first = start
                    while first < pos && (p[first] == UInt8(ascii: "0") || p[first] == UInt8(ascii: "_")) { first += 1 }
                    error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                          line: line, col: startCol, endCol: startCol + 1)
                    emit(.errorToken, start, line, startCol); return
                }
            }
        }
        if pos < n && p[pos] == UInt8(ascii: ".") {
            pos += 1
            if pos < n && isDigit(p[pos]) {
                if !digits(p, isDigit) {
                    error("invalid decimal literal", line: line, col: pos - lineStart - 1, countsCharacters: true)
                    emit(.errorToken, start, line, startCol); return
                }
            }
        }
        if pos < n && p[pos] | 0x20 == UInt8(ascii: "e") {
            var q = pos + 1
            if q < n && (p[q] == UInt8(ascii: "+") || p[q] == UInt8(ascii: "-")) { q += 1 }
            if q < n && isDigit(p[q]) {
                pos = q
                    if !digits(p, isDigit) {
                    error("invalid decimal literal", line: line, col: pos - lineStart - 1, countsCharacters: true)
                    emit(.errorToken, start, line, startCol); return
                }
            } else if q > pos + 1 {
                // A sign with no digit after it: CPython's column is the sign's.
                error("invalid decimal literal", line: line, col: q - lineStart - 1, countsCharacters: true)
                pos = q
                emit(.errorToken, start, line, startCol); return
            } else {
                // `1e` followed by something else: CPython reports an invalid literal (at the character before
                // the `e`) unless it starts a keyword.
                if !startsAllowedKeyword(p, pos) {
                    error("invalid decimal literal", line: line, col: pos - lineStart - 1, countsCharacters: true)
                    pos += 1
                    emit(.errorToken, start, line, startCol); return
                }
            }
        }
        if pos < n && p[pos] | 0x20 == UInt8(ascii: "j") {
            pos += 1
            finishNumber(p, start, startCol, "imaginary")
            return
        }
        finishNumber(p, start, startCol, "decimal")
    }

    /// `1if x else y` is accepted (with a warning) by CPython for these keywords; other letters glued to a
    /// number are an "invalid ... literal".
    private func startsAllowedKeyword(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            let k = Array(kw.utf8)
            if at + k.count <= p.count {
                var same = true
                for i in 0..<k.count where p[at + i] != k[i] { same = false; break }
                if same { return true }
            }
        }
        return false
    }

    private mutating func finishNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ startCol: Int, _ kindName: String) {
        if pos < p.count && isIdentifierByte(p[pos]) && !startsAllowedKeyword(p, pos) {
            // CPython's column is the number's last character.
            error("invalid \(kindName) literal", line: line, col: pos - lineStart - 1, countsCharacters: true)
            while pos < p.count && isIdentifierByte(p[pos]) { pos += 1 }
            emit(.errorToken, start, line, startCol)
            return
        }
        emit(.number, start, line, startCol)
    }

    // MARK: - Strings

    /// Lexes a string whose prefix starts at `start` and whose first quote is at `quoteAt`. The token covers
    /// prefix, quotes and body; the parser decodes it.
    private mutating func lexString(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ startCol: Int, quoteAt: Int) {
        let n = p.count
        let startLine = line
        let q = p[quoteAt]
        pos = quoteAt
        var isF = false, isRaw = false
        for i in start..<quoteAt {
            switch p[i] {
            case UInt8(ascii: "f"), UInt8(ascii: "F"): isF = true
            case UInt8(ascii: "r"), UInt8(ascii: "R"): isRaw = true
            default: break
            }
        }
        if isF {
            // Python 3.12 (PEP 701): a replacement field may hold strings in the same quotes as the f-string.
            var fieldScan = FStringScan(p: p, pos: pos, line: line, lineStart: lineStart)
            let closed = fieldScan.scan(raw: isRaw, depth: 0)
            if closed {
                pos = fieldScan.pos; line = fieldScan.line; lineStart = fieldScan.lineStart
                emit(.string, start, startLine, startCol)
                return
            }
            // Unterminated: report it as the plain scan below does.
        }
        let triple = pos + 2 < n && p[pos + 1] == q && p[pos + 2] == q
        if triple {
            pos += 3
            while pos < n {
                let c = p[pos]
                if c == q && pos + 2 < n && p[pos + 1] == q && p[pos + 2] == q {
                    pos += 3
                    emit(.string, start, startLine, startCol)
                    return
                }
                if c == UInt8(ascii: "\\") && pos + 1 < n {
                    if p[pos + 1] == 0x0A { line += 1; lineStart = pos + 2 }
                    pos += 2; continue
                }
                if c == 0x0A { line += 1; lineStart = pos + 1 }
                pos += 1
            }
            // CPython does not count the empty line after a final newline.
            let detected = pos > 0 && p[pos - 1] == 0x0A ? line - 1 : line
            error("unterminated triple-quoted string literal (detected at line \(detected + firstLine - 1))",
                  line: startLine, col: startCol, countsCharacters: true)
            emit(.errorToken, start, startLine, startCol)
            return
        }
        pos += 1
        while pos < n {
            let c = p[pos]
            if c == q { pos += 1; emit(.string, start, startLine, startCol); return }
            if c == 0x0A { break }
            if c == UInt8(ascii: "\\") && pos + 1 < n {
                if p[pos + 1] == 0x0A { line += 1; lineStart = pos + 2 }
                pos += 2; continue
            }
            pos += 1
        }
        error("unterminated string literal (detected at line \(line + firstLine - 1))", line: startLine, col: startCol, countsCharacters: true)
        emit(.errorToken, start, startLine, startCol)
    }

    // MARK: - Operators

    private mutating func lexOperator(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ startCol: Int) {
        let n = p.count
        let c = p[pos]
        let c1: UInt8 = pos + 1 < n ? p[pos + 1] : 0
        let c2: UInt8 = pos + 2 < n ? p[pos + 2] : 0
        let eq = UInt8(ascii: "=")
        var kind: TokenKind
        var len = 1
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            kind = c == UInt8(ascii: "(") ? .lpar : c == UInt8(ascii: "[") ? .lsqb : .lbrace
            if brackets.count >= Lexer.maxBracketNesting {
                if !sawTooManyNested { error("too many nested parentheses", line: line, col: startCol, countsCharacters: true) }
                sawTooManyNested = true
                pos += 1
                emit(.errorToken, start, line, startCol)
                return
            }
            brackets.append((c, line, startCol, currentLineIndent, start))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            kind = c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace
            let ch = Character(Unicode.Scalar(c))
            if let open = brackets.last {
                let expected: UInt8 = open.kind == UInt8(ascii: "(") ? UInt8(ascii: ")")
                    : open.kind == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if expected != c {
                    let o = Character(Unicode.Scalar(open.kind))
                    if open.line != line {
                        error("closing parenthesis '\(ch)' does not match opening parenthesis '\(o)' on line \(open.line + firstLine - 1)",
                              line: line, col: startCol, endCol: startCol + 1, countsCharacters: true)
                    } else {
                        error("closing parenthesis '\(ch)' does not match opening parenthesis '\(o)'",
                              line: line, col: startCol, endCol: startCol + 1, countsCharacters: true)
                    }
                }
                brackets.removeLast()
            } else {
                error("unmatched '\(ch)'", line: line, col: startCol, endCol: startCol + 1, countsCharacters: true)
                pos += 1
                emit(.errorToken, start, line, startCol)
                return
            }
        case UInt8(ascii: ":"): if c1 == eq { kind = .colonEqual; len = 2 } else { kind = .colon }
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semi
        case UInt8(ascii: "+"): if c1 == eq { kind = .plusEqual; len = 2 } else { kind = .plus }
        case UInt8(ascii: "-"):
            if c1 == eq { kind = .minusEqual; len = 2 }
            else if c1 == UInt8(ascii: ">") { kind = .rarrow; len = 2 } else { kind = .minus }
        case UInt8(ascii: "*"):
            if c1 == UInt8(ascii: "*") { if c2 == eq { kind = .doubleStarEqual; len = 3 } else { kind = .doubleStar; len = 2 } }
            else if c1 == eq { kind = .starEqual; len = 2 } else { kind = .star }
        case UInt8(ascii: "/"):
            if c1 == UInt8(ascii: "/") { if c2 == eq { kind = .doubleSlashEqual; len = 3 } else { kind = .doubleSlash; len = 2 } }
            else if c1 == eq { kind = .slashEqual; len = 2 } else { kind = .slash }
        case UInt8(ascii: "%"): if c1 == eq { kind = .percentEqual; len = 2 } else { kind = .percent }
        case UInt8(ascii: "|"): if c1 == eq { kind = .vbarEqual; len = 2 } else { kind = .vbar }
        case UInt8(ascii: "&"): if c1 == eq { kind = .amperEqual; len = 2 } else { kind = .amper }
        case UInt8(ascii: "^"): if c1 == eq { kind = .circumflexEqual; len = 2 } else { kind = .circumflex }
        case UInt8(ascii: "~"): kind = .tilde
        case UInt8(ascii: "@"): if c1 == eq { kind = .atEqual; len = 2 } else { kind = .at }
        case UInt8(ascii: "="): if c1 == eq { kind = .eqEqual; len = 2 } else { kind = .equal }
        case UInt8(ascii: "!"):
            if c1 == eq { kind = .notEqual; len = 2 } else { kind = .unknownOperator }
        case UInt8(ascii: "<"):
            if c1 == UInt8(ascii: "<") { if c2 == eq { kind = .leftShiftEqual; len = 3 } else { kind = .leftShift; len = 2 } }
            else if c1 == eq { kind = .lessEqual; len = 2 }
            else if c1 == UInt8(ascii: ">") { kind = .notEqual; len = 2 }  // only valid with barry_as_FLUFL; parser rejects
            else { kind = .less }
        case UInt8(ascii: ">"):
            if c1 == UInt8(ascii: ">") { if c2 == eq { kind = .rightShiftEqual; len = 3 } else { kind = .rightShift; len = 2 } }
            else if c1 == eq { kind = .greaterEqual; len = 2 } else { kind = .greater }
        case 0:
            kind = .errorToken  // SourceText has reported it
        default:
            if c == UInt8(ascii: "$") || c == UInt8(ascii: "?") || c == UInt8(ascii: "`") {
                kind = .unknownOperator
            } else {
                // Other ASCII control characters (non-ASCII bytes start names and never get here).
                let hex = String(c, radix: 16, uppercase: true)
                error("invalid non-printable character U+\(String(repeating: "0", count: 4 - hex.count) + hex)",
                      line: line, col: startCol, countsCharacters: true)
                kind = .errorToken
            }
        }
        pos += len
        emit(kind, start, line, startCol)
    }

    /// True when a keyword that can only begin a statement starts at `i`.
    private func startsStatementKeyword(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i
        while j < p.count && isIdentifierByte(p[j]) { j += 1 }
        if j < p.count && (p[j] == UInt8(ascii: "\"") || p[j] == UInt8(ascii: "'")) { return false }
        guard let kw = keywordKind(p, i, j) else { return false }
        switch kw {
        case .kwDef, .kwClass, .kwReturn, .kwTry, .kwWhile, .kwWith, .kwImport, .kwGlobal, .kwNonlocal, .kwPass,
             .kwBreak, .kwContinue, .kwRaise, .kwDel, .kwAssert, .kwElif, .kwExcept, .kwFinally:
            return true
        default:
            return false
        }
    }

    /// Recovery mode only: the line at `i` starts at or left of the indentation of the statement that opened
    /// the outermost bracket, and does not close a bracket.
    private func dedentsPastOpenBracket(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let from = recoverBracketsFrom, let outer = brackets.first, outer.offset >= from else { return false }
        let c = p[i]
        if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { return false }
        return i - pos <= outer.lineIndent
    }

    /// Inside brackets, a line that starts with a keyword that can only begin a statement (or, in recovery
    /// mode, a line dedented past the bracket's statement) means a bracket was left open: report it and close
    /// the brackets, so the rest of the file parses (CPython's message is the same, "'(' was never closed").
    private mutating func closeForgottenBrackets(_ p: UnsafeBufferPointer<UInt8>) {
        var i = pos
        while i < p.count && (p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0C) { i += 1 }
        if i >= p.count || p[i] == 0x0A || p[i] == UInt8(ascii: "#") { return }  // blank: decide on a later line
        if !startsStatementKeyword(p, i) && !dedentsPastOpenBracket(p, i) { return }
        if let open = brackets.last { reportNeverClosed(open, atLineStart: true) }
        brackets.removeAll()
        // Close the logical line so the parser resynchronises on the keyword's statement. The inserted
        // NEWLINE sits at the keyword, zero-width; the parser does not report it as unexpected.
        syntheticNewlines.insert(tokens.count)
        let kwCol = outCol(line, i - lineStart)
        tokens.append(Token(kind: .newline, start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i),
                            line: outLine(line), col: kwCol, endLine: outLine(line), endCol: kwCol))
        atLineStart = true
    }
}

/// Decodes one UTF-8 scalar at `i` (bounded by `end`); nil when the bytes are not valid UTF-8.
func decodeUTF8Scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int)? {
    let b0 = p[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    var len = 0
    var v: UInt32 = 0
    if b0 & 0xE0 == 0xC0 { len = 2; v = UInt32(b0 & 0x1F) }
    else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) }
    else if b0 & 0xF8 == 0xF0 { len = 4; v = UInt32(b0 & 0x07) }
    else { return nil }
    if i + len > end { return nil }
    for k in 1..<len {
        let b = p[i + k]
        if b & 0xC0 != 0x80 { return nil }
        v = (v << 6) | UInt32(b & 0x3F)
    }
    if (len == 2 && v < 0x80) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000) { return nil }
    guard let s = Unicode.Scalar(v) else { return nil }
    return (s, len)
}

/// Finds where an f-string ends when its replacement fields may contain strings in any quotes, as
/// Python 3.12 reads them (PEP 701): outside fields the string's quote ends it; inside a field, strings
/// are skipped whole (nested f-strings recursively), brackets are counted, and a `:` at the field's own
/// level starts its format spec, which is text again with fields of its own. Code valid for 3.11 ends
/// where it always did. A newline outside a triple-quoted string ends the scan unterminated.
struct FStringScan {
    let p: UnsafeBufferPointer<UInt8>
    var pos: Int
    var line: Int
    var lineStart: Int

    /// Scans the string whose opening quote is at `pos`; true when it is closed (pos after it).
    mutating func scan(raw: Bool, depth: Int) -> Bool {
        guard depth < 50 else { return false }
        let n = p.count
        let q = p[pos]
        let triple = pos + 2 < n && p[pos + 1] == q && p[pos + 2] == q
        pos += triple ? 3 : 1
        // Open fields, innermost last: brackets open inside each, and whether it is in its format spec.
        var fields: [(brackets: Int, spec: Bool)] = []
        while pos < n {
            let c = p[pos]
            if c == 0x0A {
                if !triple { return false }
                line += 1; lineStart = pos + 1; pos += 1; continue
            }
            if fields.isEmpty || fields[fields.count - 1].spec {
                // Text: the string's own quote ends it, escapes skip a byte, braces open or close fields.
                if c == q && (!triple || (pos + 2 < n && p[pos + 1] == q && p[pos + 2] == q)) {
                    pos += triple ? 3 : 1
                    return true
                }
                if c == UInt8(ascii: "\\") && pos + 1 < n && p[pos + 1] != UInt8(ascii: "{") && p[pos + 1] != UInt8(ascii: "}") {
                    if p[pos + 1] == 0x0A { line += 1; lineStart = pos + 2 }
                    pos += 2; continue
                }
                if c == UInt8(ascii: "{") {
                    if fields.isEmpty && pos + 1 < n && p[pos + 1] == UInt8(ascii: "{") { pos += 2; continue }
                    fields.append((0, false)); pos += 1; continue
                }
                if c == UInt8(ascii: "}") {
                    if fields.isEmpty { pos += (pos + 1 < n && p[pos + 1] == UInt8(ascii: "}")) ? 2 : 1; continue }
                    fields.removeLast(); pos += 1; continue
                }
                pos += 1
                continue
            }
            // Inside a field's expression.
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                // A string prefix: up to two of r, b, u, f right before the quote, not the end of a name.
                var k = pos
                var nestedF = false, nestedRaw = false
                while k > 0, pos - k < 2, [UInt8(ascii: "f"), UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u")].contains(p[k - 1] | 0x20) {
                    k -= 1
                }
                let c0 = k > 0 ? p[k - 1] : 0
                let endsName = c0 >= 0x80 || c0 == UInt8(ascii: "_") || (c0 | 0x20 >= UInt8(ascii: "a") && c0 | 0x20 <= UInt8(ascii: "z"))
                    || (c0 >= UInt8(ascii: "0") && c0 <= UInt8(ascii: "9"))
                if !endsName {
                    for i in k..<pos {
                        if p[i] | 0x20 == UInt8(ascii: "f") { nestedF = true }
                        if p[i] | 0x20 == UInt8(ascii: "r") { nestedRaw = true }
                    }
                }
                if nestedF {
                    guard scan(raw: nestedRaw, depth: depth + 1) else { return false }
                    continue
                }
                guard skipPlainString() else { return false }
                continue
            }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                fields[fields.count - 1].brackets += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                fields[fields.count - 1].brackets = max(0, fields[fields.count - 1].brackets - 1)
            case UInt8(ascii: "}"):
                if fields[fields.count - 1].brackets > 0 { fields[fields.count - 1].brackets -= 1 } else { fields.removeLast() }
            case UInt8(ascii: ":"):
                if fields[fields.count - 1].brackets == 0 { fields[fields.count - 1].spec = true }
            default:
                break
            }
            pos += 1
        }
        return false
    }

    /// Skips a plain (not f-) string starting at its quote.
    private mutating func skipPlainString() -> Bool {
        let n = p.count
        let q = p[pos]
        let triple = pos + 2 < n && p[pos + 1] == q && p[pos + 2] == q
        pos += triple ? 3 : 1
        while pos < n {
            let c = p[pos]
            if c == q && (!triple || (pos + 2 < n && p[pos + 1] == q && p[pos + 2] == q)) {
                pos += triple ? 3 : 1
                return true
            }
            if c == UInt8(ascii: "\\") && pos + 1 < n {
                if p[pos + 1] == 0x0A { line += 1; lineStart = pos + 2 }
                pos += 2; continue
            }
            if c == 0x0A {
                if !triple { return false }
                line += 1; lineStart = pos + 1
            }
            pos += 1
        }
        return false
    }
}
