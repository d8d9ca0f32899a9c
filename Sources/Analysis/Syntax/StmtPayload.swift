/// How a `Stmt` stores its kind: one heap box per statement holding the fields of the public `StmtKind`
/// case, with compact variants for the commonest shapes (see `ExprPayload` for why 8 bytes matter): an
/// assignment or `with` without a type comment, an `if` without `else`; an expression statement is
/// often no box at all.
/// Knows the tree's shape, nothing of the grammar.

enum StmtPayload: Sendable {
    indirect case functionDef(FunctionDef)
    indirect case asyncFunctionDef(FunctionDef)
    indirect case classDef(ClassDef)
    indirect case `return`(Expr?)
    indirect case delete([Expr])
    indirect case typedAssign([Expr], Expr, String?)
    /// `assign` with no type comment.
    indirect case assign([Expr], Expr)
    indirect case augAssign(Expr, Operator, Expr)
    indirect case annAssign(Expr, Expr, Expr?, Bool)
    /// `for` and `async for` (true) in one case: the statement needs few enough cases that the bare ones
    /// below fit in the tag bits of a 16-byte `Stmt` (the flag costs no malloc size class).
    indirect case `for`(For, isAsync: Bool)
    indirect case `while`(Expr, [Stmt], [Stmt])
    indirect case `if`(Expr, [Stmt], [Stmt])
    /// `if` with no `else`/`elif`.
    indirect case ifOnly(Expr, [Stmt])
    /// `with` with a type comment, or `async with` (true).
    indirect case fullWith([WithItem], [Stmt], String?, isAsync: Bool)
    /// `with` with no type comment.
    indirect case with([WithItem], [Stmt])
    indirect case match(Expr, [MatchCase])
    indirect case raise(Expr?, Expr?)
    /// `try` and `try` with `except*` (true).
    indirect case `try`(Try, isStar: Bool)
    indirect case assert(Expr, Expr?)
    indirect case `import`([Alias])
    indirect case importFrom(String?, [Alias], Int)
    /// `global` and `nonlocal` (true).
    indirect case global([String], isNonlocal: Bool)
    indirect case expr(Expr)
    /// An expression statement with the same range as its value (a call, a docstring): the statement holds
    /// the value's own payload and needs no box of its own. Its range is the statement's.
    case bareExpr(ExprPayload)
    /// `return value` with one space after the keyword and nothing after the value: the value's range is
    /// the statement's from 7 bytes on, so the statement holds the value's payload and no box.
    case bareReturn(ExprPayload)
    /// `raise exc` likewise (6 bytes on), with no cause.
    case bareRaise(ExprPayload)
    /// `return` without a value.
    case returnNone
    indirect case typeAlias(Expr, [TypeParam], Expr)
    /// A statement whose range does not pack into 8 bytes: its payload and full range.
    indirect case wide(StmtPayload, SourceRange)
    case pass
    case `break`
    case `continue`
    case error

    @inline(__always)
    init(_ kind: StmtKind) {
        switch kind {
        case .functionDef(let d): self = .functionDef(d)
        case .asyncFunctionDef(let d): self = .asyncFunctionDef(d)
        case .classDef(let d): self = .classDef(d)
        case .return(let value): self = .return(value)
        case .delete(let targets): self = .delete(targets)
        case .assign(let targets, let value, let typeComment):
            self = typeComment == nil ? .assign(targets, value) : .typedAssign(targets, value, typeComment)
        case .augAssign(let target, let op, let value): self = .augAssign(target, op, value)
        case .annAssign(let target, let annotation, let value, let simple): self = .annAssign(target, annotation, value, simple)
        case .for(let f): self = .for(f, isAsync: false)
        case .asyncFor(let f): self = .for(f, isAsync: true)
        case .while(let test, let body, let orelse): self = .while(test, body, orelse)
        case .if(let test, let body, let orelse): self = orelse.isEmpty ? .ifOnly(test, body) : .if(test, body, orelse)
        case .with(let items, let body, let typeComment):
            self = typeComment == nil ? .with(items, body) : .fullWith(items, body, typeComment, isAsync: false)
        case .asyncWith(let items, let body, let typeComment): self = .fullWith(items, body, typeComment, isAsync: true)
        case .match(let subject, let cases): self = .match(subject, cases)
        case .raise(let exc, let cause): self = .raise(exc, cause)
        case .try(let t): self = .try(t, isStar: false)
        case .tryStar(let t): self = .try(t, isStar: true)
        case .assert(let test, let msg): self = .assert(test, msg)
        case .import(let names): self = .import(names)
        case .importFrom(let module, let names, let level): self = .importFrom(module, names, level)
        case .global(let names): self = .global(names, isNonlocal: false)
        case .nonlocal(let names): self = .global(names, isNonlocal: true)
        case .expr(let value): self = .expr(value)
        case .pass: self = .pass
        case .break: self = .break
        case .continue: self = .continue
        case .typeAlias(let name, let typeParams, let value): self = .typeAlias(name, typeParams, value)
        case .error: self = .error
        }
    }

    static let returnKeyword = 7, raiseKeyword = 6

    /// The range of a statement's value that starts `offset` bytes into the statement and ends with it
    /// (packed), or nil when that range does not pack (then no bare payload was made).
    @inline(__always)
    static func valueRange(_ statement: UInt64, after offset: Int) -> PackedNodeRange? {
        var r = PackedNodeRange(bits: statement).range
        r.utf8Column += offset
        return PackedNodeRange(r)
    }

    /// The public form of this payload (for `.wide`, of the payload inside); `packedRange` is the
    /// statement's, which a `.bareExpr` shares with its value.
    func kind(packedRange: UInt64) -> StmtKind {
        switch self {
        case .functionDef(let d): return .functionDef(d)
        case .asyncFunctionDef(let d): return .asyncFunctionDef(d)
        case .classDef(let d): return .classDef(d)
        case .return(let value): return .return(value: value)
        case .delete(let targets): return .delete(targets: targets)
        case .typedAssign(let targets, let value, let typeComment): return .assign(targets: targets, value: value, typeComment: typeComment)
        case .assign(let targets, let value): return .assign(targets: targets, value: value, typeComment: nil)
        case .augAssign(let target, let op, let value): return .augAssign(target: target, op: op, value: value)
        case .annAssign(let target, let annotation, let value, let simple):
            return .annAssign(target: target, annotation: annotation, value: value, simple: simple)
        case .for(let f, let isAsync): return isAsync ? .asyncFor(f) : .for(f)
        case .while(let test, let body, let orelse): return .while(test: test, body: body, orelse: orelse)
        case .if(let test, let body, let orelse): return .if(test: test, body: body, orelse: orelse)
        case .ifOnly(let test, let body): return .if(test: test, body: body, orelse: [])
        case .fullWith(let items, let body, let typeComment, let isAsync):
            return isAsync ? .asyncWith(items: items, body: body, typeComment: typeComment) : .with(items: items, body: body, typeComment: typeComment)
        case .with(let items, let body): return .with(items: items, body: body, typeComment: nil)
        case .match(let subject, let cases): return .match(subject: subject, cases: cases)
        case .raise(let exc, let cause): return .raise(exc: exc, cause: cause)
        case .try(let t, let isStar): return isStar ? .tryStar(t) : .try(t)
        case .assert(let test, let msg): return .assert(test: test, msg: msg)
        case .import(let names): return .import(names: names)
        case .importFrom(let module, let names, let level): return .importFrom(module: module, names: names, level: level)
        case .global(let names, let isNonlocal): return isNonlocal ? .nonlocal(names: names) : .global(names: names)
        case .expr(let value): return .expr(value: value)
        case .typeAlias(let name, let typeParams, let value): return .typeAlias(name: name, typeParams: typeParams, value: value)
        case .bareExpr(let value): return .expr(value: Expr(payload: value, packedRange: PackedNodeRange(bits: packedRange)))
        case .bareReturn(let value):
            return .return(value: Expr(payload: value, packedRange: Self.valueRange(packedRange, after: Self.returnKeyword) ?? PackedNodeRange(bits: 0)))
        case .bareRaise(let value):
            return .raise(exc: Expr(payload: value, packedRange: Self.valueRange(packedRange, after: Self.raiseKeyword) ?? PackedNodeRange(bits: 0)), cause: nil)
        case .returnNone: return .return(value: nil)
        case .wide(let inner, let r): return inner.kind(packedRange: PackedNodeRange(r)?.bits ?? 0)
        case .pass: return .pass
        case .break: return .break
        case .continue: return .continue
        case .error: return .error
        }
    }
}
