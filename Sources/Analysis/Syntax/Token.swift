/// The lexer's output unit. A token is a kind plus where it sits: byte offsets into the buffer it was lexed
/// from (for its text) and CPython coordinates (1-based line, UTF-8 byte column) for the tree's ranges.
/// Kept to 28 bytes so a whole file's token array stays small.

public enum TokenKind: UInt8, Sendable {
    case endMarker, newline, indent, dedent, name, number, string
    /// A character the lexer could not use; the lexer has already reported why.
    case errorToken
    /// `$`, `?`, `` ` `` or a lone `!`: CPython's tokenizer passes these on and its parser rejects them, so the
    /// parser reports them ("invalid syntax").
    case unknownOperator
    // Operators and delimiters.
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, dot, ellipsis, at, rarrow, colonEqual
    case plus, minus, star, slash, doubleSlash, percent, doubleStar, vbar, amper, circumflex, tilde
    case leftShift, rightShift, less, greater, equal, eqEqual, notEqual, lessEqual, greaterEqual
    case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual, doubleStarEqual
    case vbarEqual, amperEqual, circumflexEqual, leftShiftEqual, rightShiftEqual, atEqual
    // Hard keywords (soft keywords `match`, `case`, `type`, `_` stay names).
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass, kwContinue
    case kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn
    case kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

    /// True for `+=` and friends.
    var isAugmentedAssign: Bool { rawValue >= TokenKind.plusEqual.rawValue && rawValue <= TokenKind.atEqual.rawValue }
    var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue }
}

public struct Token: Sendable {
    public var kind: TokenKind
    /// Byte offsets of the token's text in the lexed buffer (end exclusive).
    public var start: Int32
    public var end: Int32
    public var line: Int32
    public var col: Int32
    public var endLine: Int32
    public var endCol: Int32
}

/// The keyword spelled by `bytes[start..<end]`, or nil for an ordinary name.
@inline(__always)
func keywordKind(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
    let n = end - start
    if n < 2 || n > 8 { return nil }
    @inline(__always) func eq(_ s: StaticString) -> Bool {
        if s.utf8CodeUnitCount != n { return false }
        let q = s.utf8Start
        for i in 0..<n where p[start + i] != q[i] { return false }
        return true
    }
    switch p[start] {
    case UInt8(ascii: "F"): return eq("False") ? .kwFalse : nil
    case UInt8(ascii: "N"): return eq("None") ? .kwNone : nil
    case UInt8(ascii: "T"): return eq("True") ? .kwTrue : nil
    case UInt8(ascii: "a"):
        if eq("and") { return .kwAnd }; if eq("as") { return .kwAs }; if eq("assert") { return .kwAssert }
        if eq("async") { return .kwAsync }; if eq("await") { return .kwAwait }; return nil
    case UInt8(ascii: "b"): return eq("break") ? .kwBreak : nil
    case UInt8(ascii: "c"): if eq("class") { return .kwClass }; return eq("continue") ? .kwContinue : nil
    case UInt8(ascii: "d"): if eq("def") { return .kwDef }; return eq("del") ? .kwDel : nil
    case UInt8(ascii: "e"):
        if eq("elif") { return .kwElif }; if eq("else") { return .kwElse }; return eq("except") ? .kwExcept : nil
    case UInt8(ascii: "f"):
        if eq("for") { return .kwFor }; if eq("from") { return .kwFrom }; return eq("finally") ? .kwFinally : nil
    case UInt8(ascii: "g"): return eq("global") ? .kwGlobal : nil
    case UInt8(ascii: "i"):
        if eq("if") { return .kwIf }; if eq("in") { return .kwIn }; if eq("is") { return .kwIs }
        return eq("import") ? .kwImport : nil
    case UInt8(ascii: "l"): return eq("lambda") ? .kwLambda : nil
    case UInt8(ascii: "n"): if eq("not") { return .kwNot }; return eq("nonlocal") ? .kwNonlocal : nil
    case UInt8(ascii: "o"): return eq("or") ? .kwOr : nil
    case UInt8(ascii: "p"): return eq("pass") ? .kwPass : nil
    case UInt8(ascii: "r"): if eq("raise") { return .kwRaise }; return eq("return") ? .kwReturn : nil
    case UInt8(ascii: "t"): return eq("try") ? .kwTry : nil
    case UInt8(ascii: "w"): if eq("while") { return .kwWhile }; return eq("with") ? .kwWith : nil
    case UInt8(ascii: "y"): return eq("yield") ? .kwYield : nil
    default: return nil
    }
}
