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
    indirect case `for`(For)
    indirect case asyncFor(For)
    indirect case `while`(Expr, [Stmt], [Stmt])
    indirect case `if`(Expr, [Stmt], [Stmt])
    /// `if` with no `else`/`elif`.
    indirect case ifOnly(Expr, [Stmt])
    indirect case typedWith([WithItem], [Stmt], String?)
    /// `with` with no type comment.
    indirect case with([WithItem], [Stmt])
    indirect case asyncWith([WithItem], [Stmt], String?)
    indirect case match(Expr, [MatchCase])
    indirect case raise(Expr?, Expr?)
    indirect case `try`(Try)
    indirect case tryStar(Try)
    indirect case assert(Expr, Expr?)
    indirect case `import`([Alias])
    indirect case importFrom(String?, [Alias], Int)
    indirect case global([String])
    indirect case nonlocal([String])
    indirect case expr(Expr)
    /// An expression statement with the same range as its value (a call, a docstring): the statement holds
    /// the value's own payload and needs no box of its own. Its range is the statement's.
    case bareExpr(ExprPayload)
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
        case .for(let f): self = .for(f)
        case .asyncFor(let f): self = .asyncFor(f)
        case .while(let test, let body, let orelse): self = .while(test, body, orelse)
        case .if(let test, let body, let orelse): self = orelse.isEmpty ? .ifOnly(test, body) : .if(test, body, orelse)
        case .with(let items, let body, let typeComment):
            self = typeComment == nil ? .with(items, body) : .typedWith(items, body, typeComment)
        case .asyncWith(let items, let body, let typeComment): self = .asyncWith(items, body, typeComment)
        case .match(let subject, let cases): self = .match(subject, cases)
        case .raise(let exc, let cause): self = .raise(exc, cause)
        case .try(let t): self = .try(t)
        case .tryStar(let t): self = .tryStar(t)
        case .assert(let test, let msg): self = .assert(test, msg)
        case .import(let names): self = .import(names)
        case .importFrom(let module, let names, let level): self = .importFrom(module, names, level)
        case .global(let names): self = .global(names)
        case .nonlocal(let names): self = .nonlocal(names)
        case .expr(let value): self = .expr(value)
        case .pass: self = .pass
        case .break: self = .break
        case .continue: self = .continue
        case .typeAlias(let name, let typeParams, let value): self = .typeAlias(name, typeParams, value)
        case .error: self = .error
        }
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
        case .for(let f): return .for(f)
        case .asyncFor(let f): return .asyncFor(f)
        case .while(let test, let body, let orelse): return .while(test: test, body: body, orelse: orelse)
        case .if(let test, let body, let orelse): return .if(test: test, body: body, orelse: orelse)
        case .ifOnly(let test, let body): return .if(test: test, body: body, orelse: [])
        case .typedWith(let items, let body, let typeComment): return .with(items: items, body: body, typeComment: typeComment)
        case .with(let items, let body): return .with(items: items, body: body, typeComment: nil)
        case .asyncWith(let items, let body, let typeComment): return .asyncWith(items: items, body: body, typeComment: typeComment)
        case .match(let subject, let cases): return .match(subject: subject, cases: cases)
        case .raise(let exc, let cause): return .raise(exc: exc, cause: cause)
        case .try(let t): return .try(t)
        case .tryStar(let t): return .tryStar(t)
        case .assert(let test, let msg): return .assert(test: test, msg: msg)
        case .import(let names): return .import(names: names)
        case .importFrom(let module, let names, let level): return .importFrom(module: module, names: names, level: level)
        case .global(let names): return .global(names: names)
        case .nonlocal(let names): return .nonlocal(names: names)
        case .expr(let value): return .expr(value: value)
        case .typeAlias(let name, let typeParams, let value): return .typeAlias(name: name, typeParams: typeParams, value: value)
        case .bareExpr(let value): return .expr(value: Expr(payload: value, packedRange: PackedNodeRange(bits: packedRange)))
        case .wide(let inner, let r): return inner.kind(packedRange: PackedNodeRange(r)?.bits ?? 0)
        case .pass: return .pass
        case .break: return .break
        case .continue: return .continue
        case .error: return .error
        }
    }
}
