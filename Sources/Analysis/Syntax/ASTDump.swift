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

    mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .functionDef(let f): functionDef("FunctionDef", f)
        case .asyncFunctionDef(let f): functionDef("AsyncFunctionDef", f)
        case .classDef(let c):
            out += "ClassDef(name="; string(c.name)
            out += ", bases="; exprs(c.bases)
            out += ", keywords="; list(c.keywords) { $0.keyword($1) }
            out += ", body="; stmts(c.body)
            out += ", decorator_list="; exprs(c.decoratorList)
            if !c.typeParams.isEmpty { out += ", type_params="; list(c.typeParams) { $0.typeParam($1) } }
        case .return(let v):
            out += "Return("
            if let v = v { out += "value="; expr(v); out += ", " }
        case .delete(let targets):
            out += "Delete(targets="; exprs(targets)
        case .assign(let targets, let value, let tc):
            out += "Assign(targets="; exprs(targets)
            out += ", value="; expr(value)
            if let tc = tc { out += ", type_comment="; string(tc) }
        case .augAssign(let target, let op, let value):
            out += "AugAssign(target="; expr(target)
            out += ", op=\(op.rawValue)(), value="; expr(value)
        case .annAssign(let target, let annotation, let value, let simple):
            out += "AnnAssign(target="; expr(target)
            out += ", annotation="; expr(annotation)
            if let v = value { out += ", value="; expr(v) }
            out += ", simple=\(simple ? 1 : 0)"
        case .for(let f): forStmt("For", f)
        case .asyncFor(let f): forStmt("AsyncFor", f)
        case .while(let test, let body, let orelse):
            out += "While(test="; expr(test)
            out += ", body="; stmts(body)
            out += ", orelse="; stmts(orelse)
        case .if(let test, let body, let orelse):
            out += "If(test="; expr(test)
            out += ", body="; stmts(body)
            out += ", orelse="; stmts(orelse)
        case .with(let items, let body, let tc): withStmt("With", items, body, tc)
        case .asyncWith(let items, let body, let tc): withStmt("AsyncWith", items, body, tc)
        case .match(let subject, let cases):
            out += "Match(subject="; expr(subject)
            out += ", cases="; list(cases) { $0.matchCase($1) }
        case .raise(let exc, let cause):
            out += "Raise("
            if let e = exc { out += "exc="; expr(e); out += ", " }
            if let c = cause { out += "cause="; expr(c); out += ", " }
        case .try(let t): tryStmt("Try", t)
        case .tryStar(let t): tryStmt("TryStar", t)
        case .assert(let test, let msg):
            out += "Assert(test="; expr(test)
            if let m = msg { out += ", msg="; expr(m) }
        case .import(let names):
            out += "Import(names="; list(names) { $0.alias($1) }
        case .importFrom(let module, let names, let level):
            out += "ImportFrom("
            if let m = module { out += "module="; string(m); out += ", " }
            out += "names="; list(names) { $0.alias($1) }
            out += ", level=\(level)"
        case .global(let names):
            out += "Global(names="; list(names) { $0.string($1) }
        case .nonlocal(let names):
            out += "Nonlocal(names="; list(names) { $0.string($1) }
        case .expr(let v):
            out += "Expr(value="; expr(v)
        case .pass: out += "Pass("
        case .break: out += "Break("
        case .continue: out += "Continue("
        case .typeAlias(let name, let params, let value):
            out += "TypeAlias(name="; expr(name)
            out += ", type_params="; list(params) { $0.typeParam($1) }
            out += ", value="; expr(value)
        case .error:
            out += "Error("
        }
        if !out.hasSuffix("(") && !out.hasSuffix(", ") { out += ", " }
        attrs(s.range)
        out += ")"
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

    mutating func expr(_ e: Expr) {
        switch e.kind {
        case .boolOp(let op, let values):
            out += "BoolOp(op=\(op.rawValue)(), values="; exprs(values)
        case .namedExpr(let target, let value):
            out += "NamedExpr(target="; expr(target); out += ", value="; expr(value)
        case .binOp(let left, let op, let right):
            out += "BinOp(left="; expr(left); out += ", op=\(op.rawValue)(), right="; expr(right)
        case .unaryOp(let op, let operand):
            out += "UnaryOp(op=\(op.rawValue)(), operand="; expr(operand)
        case .lambda(let args, let body):
            out += "Lambda(args="; arguments(args); out += ", body="; expr(body)
        case .ifExp(let test, let body, let orelse):
            out += "IfExp(test="; expr(test); out += ", body="; expr(body); out += ", orelse="; expr(orelse)
        case .dict(let keys, let values):
            out += "Dict(keys="
            list(keys) { d, k in if let k = k { d.expr(k) } else { d.out += "None" } }
            out += ", values="; exprs(values)
        case .set(let elts):
            out += "Set(elts="; exprs(elts)
        case .listComp(let elt, let gens):
            out += "ListComp(elt="; expr(elt); out += ", generators="; list(gens) { $0.comprehension($1) }
        case .setComp(let elt, let gens):
            out += "SetComp(elt="; expr(elt); out += ", generators="; list(gens) { $0.comprehension($1) }
        case .dictComp(let key, let value, let gens):
            out += "DictComp(key="; expr(key); out += ", value="; expr(value)
            out += ", generators="; list(gens) { $0.comprehension($1) }
        case .generatorExp(let elt, let gens):
            out += "GeneratorExp(elt="; expr(elt); out += ", generators="; list(gens) { $0.comprehension($1) }
        case .await(let v):
            out += "Await(value="; expr(v)
        case .yield(let v):
            out += "Yield("
            if let v = v { out += "value="; expr(v) }
        case .yieldFrom(let v):
            out += "YieldFrom(value="; expr(v)
        case .compare(let left, let ops, let comparators):
            out += "Compare(left="; expr(left)
            out += ", ops="; list(ops) { $0.out += $1.rawValue + "()" }
            out += ", comparators="; exprs(comparators)
        case .call(let f, let args, let keywords):
            out += "Call(func="; expr(f)
            out += ", args="; exprs(args)
            out += ", keywords="; list(keywords) { $0.keyword($1) }
        case .formattedValue(let value, let conversion, let spec):
            out += "FormattedValue(value="; expr(value)
            out += ", conversion=\(conversion)"
            if let s = spec { out += ", format_spec="; expr(s) }
        case .joinedStr(let values):
            out += "JoinedStr(values="; exprs(values)
        case .constant(let value, let kind):
            out += "Constant(value="; PythonRepr.constant(value, into: &out)
            if let k = kind { out += ", kind="; string(k) }
        case .attribute(let value, let attr, let c):
            out += "Attribute(value="; expr(value); out += ", attr="; string(attr); out += ", "; ctx(c)
        case .subscript(let value, let slice, let c):
            out += "Subscript(value="; expr(value); out += ", slice="; expr(slice); out += ", "; ctx(c)
        case .starred(let value, let c):
            out += "Starred(value="; expr(value); out += ", "; ctx(c)
        case .name(let id, let c):
            out += "Name(id="; string(id); out += ", "; ctx(c)
        case .list(let elts, let c):
            out += "List(elts="; exprs(elts); out += ", "; ctx(c)
        case .tuple(let elts, let c):
            out += "Tuple(elts="; exprs(elts); out += ", "; ctx(c)
        case .slice(let lower, let upper, let step):
            out += "Slice("
            var any = false
            if let l = lower { out += "lower="; expr(l); any = true }
            if let u = upper { if any { out += ", " }; out += "upper="; expr(u); any = true }
            if let s = step { if any { out += ", " }; out += "step="; expr(s) }
        case .error:
            out += "Error("
        }
        if !out.hasSuffix("(") { out += ", " }
        attrs(e.range)
        out += ")"
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
