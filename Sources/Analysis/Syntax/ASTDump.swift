/// Prints a tree exactly as CPython 3.11's `ast.dump(tree, include_attributes=True)` does: fields in ASDL
/// order, optional fields that are None omitted, empty lists kept, then the four position attributes.
/// Recursion follows the tree, whose depth the parser bounds.

public enum ASTDump {
    public static func dump(_ module: Module) -> String {
        var d = Dumper()
        d.out.reserveCapacity(1 << 16)
        d.module(module)
        return d.out
    }

    public static func dump(_ expr: Expr) -> String {
        var d = Dumper()
        d.expr(expr)
        return d.out
    }
}

private struct Dumper {
    var out = ""

    // MARK: - Helpers

    mutating func attrs(_ r: SourceRange) {
        out += "lineno="; out += String(r.line)
        out += ", col_offset="; out += String(r.utf8Column)
        out += ", end_lineno="; out += String(r.endLine)
        out += ", end_col_offset="; out += String(r.endUTF8Column)
    }

    mutating func list<T>(_ items: [T], _ f: (inout Dumper, T) -> Void) {
        out += "["
        var first = true
        for x in items {
            if !first { out += ", " }
            first = false
            f(&self, x)
        }
        out += "]"
    }

    mutating func string(_ s: String) { PythonRepr.str(s.unicodeScalars.lazy.map { $0.value }, into: &out) }

    mutating func ctx(_ c: ExprContext) {
        switch c {
        case .load: out += "ctx=Load()"
        case .store: out += "ctx=Store()"
        case .del: out += "ctx=Del()"
        }
    }

    mutating func stmts(_ s: [Stmt]) { list(s) { $0.stmt($1) } }
    mutating func exprs(_ e: [Expr]) { list(e) { $0.expr($1) } }

    // MARK: - Module and statements

    mutating func module(_ m: Module) {
        out += "Module(body="
        stmts(m.body)
        out += ", type_ignores=["
        var first = true
        for t in m.typeIgnores {
            if !first { out += ", " }
            first = false
            out += "TypeIgnore(lineno=\(t.lineno), tag="
            string(t.tag)
            out += ")"
        }
        out += "])"
    }

    /// One statement; as for expressions, each kind has its own small function to keep frames small.
    mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .functionDef: dumpFunctionDefStmt(s)
        case .asyncFunctionDef: dumpAsyncFunctionDefStmt(s)
        case .classDef: dumpClassDefStmt(s)
        case .return: dumpReturnStmt(s)
        case .delete: dumpDeleteStmt(s)
        case .assign: dumpAssignStmt(s)
        case .augAssign: dumpAugAssignStmt(s)
        case .annAssign: dumpAnnAssignStmt(s)
        case .for: dumpForStmt(s)
        case .asyncFor: dumpAsyncForStmt(s)
        case .while: dumpWhileStmt(s)
        case .if: dumpIfStmt(s)
        case .with: dumpWithStmt(s)
        case .asyncWith: dumpAsyncWithStmt(s)
        case .match: dumpMatchStmt(s)
        case .raise: dumpRaiseStmt(s)
        case .try: dumpTryStmt(s)
        case .tryStar: dumpTryStarStmt(s)
        case .assert: dumpAssertStmt(s)
        case .import: dumpImportStmt(s)
        case .importFrom: dumpImportFromStmt(s)
        case .global: dumpGlobalStmt(s)
        case .nonlocal: dumpNonlocalStmt(s)
        case .expr: dumpExprStmt(s)
        case .pass: out += "Pass("
        case .break: out += "Break("
        case .continue: out += "Continue("
        case .typeAlias: dumpTypeAliasStmt(s)
        case .error: out += "Error("
        }
        if !out.hasSuffix("(") && !out.hasSuffix(", ") { out += ", " }
        attrs(s.range)
        out += ")"
    }

    @inline(never)
    mutating func dumpFunctionDefStmt(_ s: Stmt) {
        guard case .functionDef(let f) = s.kind else { return }
        functionDef("FunctionDef", f)
    }

    @inline(never)
    mutating func dumpAsyncFunctionDefStmt(_ s: Stmt) {
        guard case .asyncFunctionDef(let f) = s.kind else { return }
        functionDef("AsyncFunctionDef", f)
    }

    @inline(never)
    mutating func dumpClassDefStmt(_ s: Stmt) {
        guard case .classDef(let c) = s.kind else { return }
        out += "ClassDef(name="; string(c.name)
        out += ", bases="; exprs(c.bases)
        out += ", keywords="; list(c.keywords) { $0.keyword($1) }
        out += ", body="; stmts(c.body)
        out += ", decorator_list="; exprs(c.decoratorList)
        if !c.typeParams.isEmpty { out += ", type_params="; list(c.typeParams) { $0.typeParam($1) } }
    }

    @inline(never)
    mutating func dumpReturnStmt(_ s: Stmt) {
        guard case .return(let v) = s.kind else { return }
        out += "Return("
        if let v = v { out += "value="; expr(v); out += ", " }
    }

    @inline(never)
    mutating func dumpDeleteStmt(_ s: Stmt) {
        guard case .delete(let targets) = s.kind else { return }
        out += "Delete(targets="; exprs(targets)
    }

    @inline(never)
    mutating func dumpAssignStmt(_ s: Stmt) {
        guard case .assign(let targets, let value, let tc) = s.kind else { return }
        out += "Assign(targets="; exprs(targets)
        out += ", value="; expr(value)
        if let tc = tc { out += ", type_comment="; string(tc) }
    }

    @inline(never)
    mutating func dumpAugAssignStmt(_ s: Stmt) {
        guard case .augAssign(let target, let op, let value) = s.kind else { return }
        out += "AugAssign(target="; expr(target)
        out += ", op=\(op.rawValue)(), value="; expr(value)
    }

    @inline(never)
    mutating func dumpAnnAssignStmt(_ s: Stmt) {
        guard case .annAssign(let target, let annotation, let value, let simple) = s.kind else { return }
        out += "AnnAssign(target="; expr(target)
        out += ", annotation="; expr(annotation)
        if let v = value { out += ", value="; expr(v) }
        out += ", simple=\(simple ? 1 : 0)"
    }

    @inline(never)
    mutating func dumpForStmt(_ s: Stmt) {
        guard case .for(let f) = s.kind else { return }
        forStmt("For", f)
    }

    @inline(never)
    mutating func dumpAsyncForStmt(_ s: Stmt) {
        guard case .asyncFor(let f) = s.kind else { return }
        forStmt("AsyncFor", f)
    }

    @inline(never)
    mutating func dumpWhileStmt(_ s: Stmt) {
        guard case .while(let test, let body, let orelse) = s.kind else { return }
        out += "While(test="; expr(test)
        out += ", body="; stmts(body)
        out += ", orelse="; stmts(orelse)
    }

    @inline(never)
    mutating func dumpIfStmt(_ s: Stmt) {
        guard case .if(let test, let body, let orelse) = s.kind else { return }
        out += "If(test="; expr(test)
        out += ", body="; stmts(body)
        out += ", orelse="; stmts(orelse)
    }

    @inline(never)
    mutating func dumpWithStmt(_ s: Stmt) {
        guard case .with(let items, let body, let tc) = s.kind else { return }
        withStmt("With", items, body, tc)
    }

    @inline(never)
    mutating func dumpAsyncWithStmt(_ s: Stmt) {
        guard case .asyncWith(let items, let body, let tc) = s.kind else { return }
        withStmt("AsyncWith", items, body, tc)
    }

    @inline(never)
    mutating func dumpMatchStmt(_ s: Stmt) {
        guard case .match(let subject, let cases) = s.kind else { return }
        out += "Match(subject="; expr(subject)
        out += ", cases="; list(cases) { $0.matchCase($1) }
    }

    @inline(never)
    mutating func dumpRaiseStmt(_ s: Stmt) {
        guard case .raise(let exc, let cause) = s.kind else { return }
        out += "Raise("
        if let e = exc { out += "exc="; expr(e); out += ", " }
        if let c = cause { out += "cause="; expr(c); out += ", " }
    }

    @inline(never)
    mutating func dumpTryStmt(_ s: Stmt) {
        guard case .try(let t) = s.kind else { return }
        tryStmt("Try", t)
    }

    @inline(never)
    mutating func dumpTryStarStmt(_ s: Stmt) {
        guard case .tryStar(let t) = s.kind else { return }
        tryStmt("TryStar", t)
    }

    @inline(never)
    mutating func dumpAssertStmt(_ s: Stmt) {
        guard case .assert(let test, let msg) = s.kind else { return }
        out += "Assert(test="; expr(test)
        if let m = msg { out += ", msg="; expr(m) }
    }

    @inline(never)
    mutating func dumpImportStmt(_ s: Stmt) {
        guard case .import(let names) = s.kind else { return }
        out += "Import(names="; list(names) { $0.alias($1) }
    }

    @inline(never)
    mutating func dumpImportFromStmt(_ s: Stmt) {
        guard case .importFrom(let module, let names, let level) = s.kind else { return }
        out += "ImportFrom("
        if let m = module { out += "module="; string(m); out += ", " }
        out += "names="; list(names) { $0.alias($1) }
        out += ", level=\(level)"
    }

    @inline(never)
    mutating func dumpGlobalStmt(_ s: Stmt) {
        guard case .global(let names) = s.kind else { return }
        out += "Global(names="; list(names) { $0.string($1) }
    }

    @inline(never)
    mutating func dumpNonlocalStmt(_ s: Stmt) {
        guard case .nonlocal(let names) = s.kind else { return }
        out += "Nonlocal(names="; list(names) { $0.string($1) }
    }

    @inline(never)
    mutating func dumpExprStmt(_ s: Stmt) {
        guard case .expr(let v) = s.kind else { return }
        out += "Expr(value="; expr(v)
    }

    @inline(never)
    mutating func dumpTypeAliasStmt(_ s: Stmt) {
        guard case .typeAlias(let name, let params, let value) = s.kind else { return }
        out += "TypeAlias(name="; expr(name)
        out += ", type_params="; list(params) { $0.typeParam($1) }
        out += ", value="; expr(value)
    }

    mutating func functionDef(_ name: String, _ f: FunctionDef) {
        out += name; out += "(name="; string(f.name)
        out += ", args="; arguments(f.args)
        out += ", body="; stmts(f.body)
        out += ", decorator_list="; exprs(f.decoratorList)
        if let r = f.returns { out += ", returns="; expr(r) }
        if let tc = f.typeComment { out += ", type_comment="; string(tc) }
        if !f.typeParams.isEmpty { out += ", type_params="; list(f.typeParams) { $0.typeParam($1) } }
    }

    mutating func forStmt(_ name: String, _ f: For) {
        out += name; out += "(target="; expr(f.target)
        out += ", iter="; expr(f.iter)
        out += ", body="; stmts(f.body)
        out += ", orelse="; stmts(f.orelse)
        if let tc = f.typeComment { out += ", type_comment="; string(tc) }
    }

    mutating func withStmt(_ name: String, _ items: [WithItem], _ body: [Stmt], _ tc: String?) {
        out += name; out += "(items="
        list(items) { d, item in
            d.out += "withitem(context_expr="; d.expr(item.contextExpr)
            if let v = item.optionalVars { d.out += ", optional_vars="; d.expr(v) }
            d.out += ")"
        }
        out += ", body="; stmts(body)
        if let tc = tc { out += ", type_comment="; string(tc) }
    }

    mutating func tryStmt(_ name: String, _ t: Try) {
        out += name; out += "(body="; stmts(t.body)
        out += ", handlers="
        list(t.handlers) { d, h in
            d.out += "ExceptHandler("
            if let ty = h.type { d.out += "type="; d.expr(ty); d.out += ", " }
            if let n = h.name { d.out += "name="; d.string(n); d.out += ", " }
            d.out += "body="; d.stmts(h.body)
            d.out += ", "; d.attrs(h.range); d.out += ")"
        }
        out += ", orelse="; stmts(t.orelse)
        out += ", finalbody="; stmts(t.finalbody)
    }

    mutating func alias(_ a: Alias) {
        out += "alias(name="; string(a.name)
        if let n = a.asname { out += ", asname="; string(n) }
        out += ", "; attrs(a.range); out += ")"
    }

    mutating func typeParam(_ p: TypeParam) {
        switch p.kind {
        case .typeVar(let bound):
            out += "TypeVar(name="; string(p.name)
            if let b = bound { out += ", bound="; expr(b) }
        case .paramSpec: out += "ParamSpec(name="; string(p.name)
        case .typeVarTuple: out += "TypeVarTuple(name="; string(p.name)
        }
        out += ", "; attrs(p.range); out += ")"
    }

    // MARK: - Arguments

    mutating func arguments(_ a: Arguments) {
        out += "arguments(posonlyargs="; list(a.posonlyargs) { $0.arg($1) }
        out += ", args="; list(a.args) { $0.arg($1) }
        if let v = a.vararg { out += ", vararg="; arg(v) }
        out += ", kwonlyargs="; list(a.kwonlyargs) { $0.arg($1) }
        out += ", kw_defaults="
        list(a.kwDefaults) { d, e in if let e = e { d.expr(e) } else { d.out += "None" } }
        if let k = a.kwarg { out += ", kwarg="; arg(k) }
        out += ", defaults="; exprs(a.defaults)
        out += ")"
    }

    mutating func arg(_ a: Arg) {
        out += "arg(arg="; string(a.arg)
        if let ann = a.annotation { out += ", annotation="; expr(ann) }
        if let tc = a.typeComment { out += ", type_comment="; string(tc) }
        out += ", "; attrs(a.range); out += ")"
    }

    mutating func keyword(_ k: Keyword) {
        out += "keyword("
        if let a = k.arg { out += "arg="; string(a); out += ", " }
        out += "value="; expr(k.value)
        out += ", "; attrs(k.range); out += ")"
    }

    mutating func comprehension(_ c: Comprehension) {
        out += "comprehension(target="; expr(c.target)
        out += ", iter="; expr(c.iter)
        out += ", ifs="; exprs(c.ifs)
        out += ", is_async=\(c.isAsync ? 1 : 0))"
    }

    // MARK: - Expressions

    /// One node. Each kind is printed by its own small function so that, even in a debug build, one level
    /// of nesting costs two small stack frames, not one frame holding every case's temporaries.
    mutating func expr(_ e: Expr) {
        switch e.kind {
        case .boolOp: dumpBoolOp(e)
        case .namedExpr: dumpNamedExpr(e)
        case .binOp: dumpBinOp(e)
        case .unaryOp: dumpUnaryOp(e)
        case .lambda: dumpLambda(e)
        case .ifExp: dumpIfExp(e)
        case .dict: dumpDict(e)
        case .set: dumpSet(e)
        case .listComp: dumpListComp(e)
        case .setComp: dumpSetComp(e)
        case .dictComp: dumpDictComp(e)
        case .generatorExp: dumpGeneratorExp(e)
        case .await: dumpAwait(e)
        case .yield: dumpYield(e)
        case .yieldFrom: dumpYieldFrom(e)
        case .compare: dumpCompare(e)
        case .call: dumpCall(e)
        case .formattedValue: dumpFormattedValue(e)
        case .joinedStr: dumpJoinedStr(e)
        case .constant: dumpConstant(e)
        case .attribute: dumpAttribute(e)
        case .subscript: dumpSubscript(e)
        case .starred: dumpStarred(e)
        case .name: dumpName(e)
        case .list: dumpList(e)
        case .tuple: dumpTuple(e)
        case .slice: dumpSlice(e)
        case .error: out += "Error("
        }
        if !out.hasSuffix("(") { out += ", " }
        attrs(e.range)
        out += ")"
    }

    @inline(never)
    mutating func dumpBoolOp(_ e: Expr) {
        guard case .boolOp(let op, let values) = e.kind else { return }
        out += "BoolOp(op=\(op.rawValue)(), values="; exprs(values)
    }

    @inline(never)
    mutating func dumpNamedExpr(_ e: Expr) {
        guard case .namedExpr(let target, let value) = e.kind else { return }
        out += "NamedExpr(target="; expr(target); out += ", value="; expr(value)
    }

    @inline(never)
    mutating func dumpBinOp(_ e: Expr) {
        guard case .binOp(let left, let op, let right) = e.kind else { return }
        out += "BinOp(left="; expr(left); out += ", op=\(op.rawValue)(), right="; expr(right)
    }

    @inline(never)
    mutating func dumpUnaryOp(_ e: Expr) {
        guard case .unaryOp(let op, let operand) = e.kind else { return }
        out += "UnaryOp(op=\(op.rawValue)(), operand="; expr(operand)
    }

    @inline(never)
    mutating func dumpLambda(_ e: Expr) {
        guard case .lambda(let args, let body) = e.kind else { return }
        out += "Lambda(args="; arguments(args); out += ", body="; expr(body)
    }

    @inline(never)
    mutating func dumpIfExp(_ e: Expr) {
        guard case .ifExp(let test, let body, let orelse) = e.kind else { return }
        out += "IfExp(test="; expr(test); out += ", body="; expr(body); out += ", orelse="; expr(orelse)
    }

    @inline(never)
    mutating func dumpDict(_ e: Expr) {
        guard case .dict(let keys, let values) = e.kind else { return }
        out += "Dict(keys="
        list(keys) { d, k in if let k = k { d.expr(k) } else { d.out += "None" } }
        out += ", values="; exprs(values)
    }

    @inline(never)
    mutating func dumpSet(_ e: Expr) {
        guard case .set(let elts) = e.kind else { return }
        out += "Set(elts="; exprs(elts)
    }

    @inline(never)
    mutating func dumpListComp(_ e: Expr) {
        guard case .listComp(let elt, let gens) = e.kind else { return }
        out += "ListComp(elt="; expr(elt); out += ", generators="; list(gens) { $0.comprehension($1) }
    }

    @inline(never)
    mutating func dumpSetComp(_ e: Expr) {
        guard case .setComp(let elt, let gens) = e.kind else { return }
        out += "SetComp(elt="; expr(elt); out += ", generators="; list(gens) { $0.comprehension($1) }
    }

    @inline(never)
    mutating func dumpDictComp(_ e: Expr) {
        guard case .dictComp(let key, let value, let gens) = e.kind else { return }
        out += "DictComp(key="; expr(key); out += ", value="; expr(value)
        out += ", generators="; list(gens) { $0.comprehension($1) }
    }

    @inline(never)
    mutating func dumpGeneratorExp(_ e: Expr) {
        guard case .generatorExp(let elt, let gens) = e.kind else { return }
        out += "GeneratorExp(elt="; expr(elt); out += ", generators="; list(gens) { $0.comprehension($1) }
    }

    @inline(never)
    mutating func dumpAwait(_ e: Expr) {
        guard case .await(let v) = e.kind else { return }
        out += "Await(value="; expr(v)
    }

    @inline(never)
    mutating func dumpYield(_ e: Expr) {
        guard case .yield(let v) = e.kind else { return }
        out += "Yield("
        if let v = v { out += "value="; expr(v) }
    }

    @inline(never)
    mutating func dumpYieldFrom(_ e: Expr) {
        guard case .yieldFrom(let v) = e.kind else { return }
        out += "YieldFrom(value="; expr(v)
    }

    @inline(never)
    mutating func dumpCompare(_ e: Expr) {
        guard case .compare(let left, let ops, let comparators) = e.kind else { return }
        out += "Compare(left="; expr(left)
        out += ", ops="; list(ops) { $0.out += $1.rawValue + "()" }
        out += ", comparators="; exprs(comparators)
    }

    @inline(never)
    mutating func dumpCall(_ e: Expr) {
        guard case .call(let f, let args, let keywords) = e.kind else { return }
        out += "Call(func="; expr(f)
        out += ", args="; exprs(args)
        out += ", keywords="; list(keywords) { $0.keyword($1) }
    }

    @inline(never)
    mutating func dumpFormattedValue(_ e: Expr) {
        guard case .formattedValue(let value, let conversion, let spec) = e.kind else { return }
        out += "FormattedValue(value="; expr(value)
        out += ", conversion=\(conversion)"
        if let s = spec { out += ", format_spec="; expr(s) }
    }

    @inline(never)
    mutating func dumpJoinedStr(_ e: Expr) {
        guard case .joinedStr(let values) = e.kind else { return }
        out += "JoinedStr(values="; exprs(values)
    }

    @inline(never)
    mutating func dumpConstant(_ e: Expr) {
        guard case .constant(let value, let kind) = e.kind else { return }
        out += "Constant(value="; PythonRepr.constant(value, into: &out)
        if let k = kind { out += ", kind="; string(k) }
    }

    @inline(never)
    mutating func dumpAttribute(_ e: Expr) {
        guard case .attribute(let value, let attr, let c) = e.kind else { return }
        out += "Attribute(value="; expr(value); out += ", attr="; string(attr); out += ", "; ctx(c)
    }

    @inline(never)
    mutating func dumpSubscript(_ e: Expr) {
        guard case .subscript(let value, let slice, let c) = e.kind else { return }
        out += "Subscript(value="; expr(value); out += ", slice="; expr(slice); out += ", "; ctx(c)
    }

    @inline(never)
    mutating func dumpStarred(_ e: Expr) {
        guard case .starred(let value, let c) = e.kind else { return }
        out += "Starred(value="; expr(value); out += ", "; ctx(c)
    }

    @inline(never)
    mutating func dumpName(_ e: Expr) {
        guard case .name(let id, let c) = e.kind else { return }
        out += "Name(id="; string(id); out += ", "; ctx(c)
    }

    @inline(never)
    mutating func dumpList(_ e: Expr) {
        guard case .list(let elts, let c) = e.kind else { return }
        out += "List(elts="; exprs(elts); out += ", "; ctx(c)
    }

    @inline(never)
    mutating func dumpTuple(_ e: Expr) {
        guard case .tuple(let elts, let c) = e.kind else { return }
        out += "Tuple(elts="; exprs(elts); out += ", "; ctx(c)
    }

    @inline(never)
    mutating func dumpSlice(_ e: Expr) {
        guard case .slice(let lower, let upper, let step) = e.kind else { return }
        out += "Slice("
        var any = false
        if let l = lower { out += "lower="; expr(l); any = true }
        if let u = upper { if any { out += ", " }; out += "upper="; expr(u); any = true }
        if let s = step { if any { out += ", " }; out += "step="; expr(s) }
    }

    // MARK: - Patterns

    mutating func matchCase(_ c: MatchCase) {
        out += "match_case(pattern="; pattern(c.pattern)
        if let g = c.guard_ { out += ", guard="; expr(g) }
        out += ", body="; stmts(c.body)
        out += ")"
    }

    mutating func pattern(_ p: Pattern) {
        switch p.kind {
        case .matchValue(let v):
            out += "MatchValue(value="; expr(v)
        case .matchSingleton(let v):
            out += "MatchSingleton(value="; PythonRepr.constant(v, into: &out)
        case .matchSequence(let ps):
            out += "MatchSequence(patterns="; list(ps) { $0.pattern($1) }
        case .matchMapping(let keys, let ps, let rest):
            out += "MatchMapping(keys="; exprs(keys)
            out += ", patterns="; list(ps) { $0.pattern($1) }
            if let r = rest { out += ", rest="; string(r) }
        case .matchClass(let cls, let ps, let attrs, let kps):
            out += "MatchClass(cls="; expr(cls)
            out += ", patterns="; list(ps) { $0.pattern($1) }
            out += ", kwd_attrs="; list(attrs) { $0.string($1) }
            out += ", kwd_patterns="; list(kps) { $0.pattern($1) }
        case .matchStar(let name):
            out += "MatchStar("
            if let n = name { out += "name="; string(n) }
        case .matchAs(let pat, let name):
            out += "MatchAs("
            if let sub = pat { out += "pattern="; pattern(sub) }
            if let n = name { if pat != nil { out += ", " }; out += "name="; string(n) }
        case .matchOr(let ps):
            out += "MatchOr(patterns="; list(ps) { $0.pattern($1) }
        }
        if !out.hasSuffix("(") { out += ", " }
        attrs(p.range)
        out += ")"
    }
}
