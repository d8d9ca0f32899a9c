/// Name resolution, as CPython's symtable does it: for every function, lambda, class body and
/// comprehension, which names are its locals, which live in cells (captured by an inner function), which
/// are free (captured from an outer function) and which are global. Works on the AST only.

final class Scope {
    enum Kind { case module, function, klass, comprehension }
    let kind: Kind
    /// Names bound and names read here (NameSet: every occurrence of a module passes through them).
    var bound = NameSet()
    var used = NameSet()
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    var cellVars: Set<String> = []
    var freeVars: Set<String> = []
    var children: [Scope] = []
    /// yield / await / unsupported constructs inside: calling it is outside the subset.
    var isGenerator = false

    /// Whether a function or comprehension encloses this scope: only then can a name it reads without
    /// binding become free (and a cell of that enclosing scope). Without one, `used` is never needed.
    let isEnclosed: Bool

    init(kind: Kind, in parent: Scope? = nil) {
        self.kind = kind
        isEnclosed = parent.map { $0.kind == .function || $0.kind == .comprehension || $0.isEnclosed } ?? false
    }

    /// Whether `name` is one of this scope's locals: bound here, not declared global or nonlocal.
    func isLocal(_ name: String) -> Bool {
        bound.contains(name) && (globals.isEmpty || !globals.contains(name))
            && (nonlocals.isEmpty || !nonlocals.contains(name))
    }

    /// Where a name is looked up from code in this scope.
    enum Resolution { case local, cell, free, global, classNamespace }

    /// (Empty sets are skipped: hashing the name is the cost of every load and store.)
    func resolve(_ name: String) -> Resolution {
        if kind == .module { return .global }
        if !globals.isEmpty && globals.contains(name) { return .global }
        if kind == .klass {
            if !freeVars.isEmpty && freeVars.contains(name) && !bound.contains(name) { return .free }
            return .classNamespace
        }
        if !cellVars.isEmpty && cellVars.contains(name) { return .cell }
        if !freeVars.isEmpty && freeVars.contains(name) { return .free }
        if bound.contains(name) && (nonlocals.isEmpty || !nonlocals.contains(name)) { return .local }
        return .global
    }
}

/// A function or lambda as the interpreter needs it.
final class FunctionBody {
    let name: String
    let args: Arguments
    let body: [Stmt]
    let lambdaBody: Expr?
    let defLine: Int
    let range: SourceRange
    let scope: Scope
    init(name: String, args: Arguments, body: [Stmt], lambdaBody: Expr?, defLine: Int, range: SourceRange,
         scope: Scope) {
        self.name = name; self.args = args; self.body = body; self.lambdaBody = lambdaBody
        self.defLine = defLine; self.range = range; self.scope = scope
    }
}

/// Key of a scope-owning node: its kind and source range.
struct ScopeKey: Hashable {
    var range: SourceRange
    var tag: Int
}

/// Builds the scopes of a module in one walk; `scopes[key]` finds the scope of a def/lambda/class/comprehension.
final class ScopeBuilder {
    private(set) var scopes: [ScopeKey: Scope] = [:]
    let module = Scope(kind: .module)
    private var depth = 0
    private let maxDepth = 200

    static let defTag = 1, lambdaTag = 2, classTag = 3, compTag = 4

    private var prepared = Set<SourceRange>()

    /// Builds the scopes of one module-level statement (lazily, when it first runs: code that never runs
    /// costs nothing).
    func prepare(_ s: Stmt) {
        guard prepared.insert(s.range).inserted else { return }
        let before = module.children.count
        stmt(s, module)
        for child in module.children[before...] {
            resolveFree(child)
            prune(child, enclosing: [])
        }
    }

    private func stmts(_ ss: [Stmt], _ sc: Scope) { for s in ss { stmt(s, sc) } }

    private func stmt(_ s: Stmt, _ sc: Scope) {
        guard depth < maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        do {
            switch s.kind {
            case .functionDef(let f), .asyncFunctionDef(let f):
                for d in f.decoratorList { expr(d, sc) }
                argDefaults(f.args, sc)
                sc.bound.insert(f.name)
                let child = Scope(kind: .function, in: sc)
                if case .asyncFunctionDef = s.kind { child.isGenerator = true }
                params(f.args, child)
                stmts(f.body, child)
                sc.children.append(child)
                scopes[ScopeKey(range: s.range, tag: Self.defTag)] = child
            case .classDef(let c):
                for d in c.decoratorList { expr(d, sc) }
                for b in c.bases { expr(b, sc) }
                for k in c.keywords { expr(k.value, sc) }
                sc.bound.insert(c.name)
                let child = Scope(kind: .klass, in: sc)
                stmts(c.body, child)
                sc.children.append(child)
                scopes[ScopeKey(range: s.range, tag: Self.classTag)] = child
            case .return(let v): if let v { expr(v, sc) }
            case .delete(let ts): for t in ts { target(t, sc) }
            case .assign(let ts, let v, _): expr(v, sc); for t in ts { target(t, sc) }
            case .augAssign(let t, _, let v):
                expr(v, sc); target(t, sc)
                if sc.isEnclosed, case .name(let id, _) = t.kind { sc.used.insert(id) }
            case .annAssign(let t, let a, let v, _):
                expr(a, sc); if let v { expr(v, sc); target(t, sc) }
            case .for(let f), .asyncFor(let f):
                expr(f.iter, sc); target(f.target, sc); stmts(f.body, sc); stmts(f.orelse, sc)
            case .while(let t, let b, let o): expr(t, sc); stmts(b, sc); stmts(o, sc)
            case .if(let t, let b, let o): expr(t, sc); stmts(b, sc); stmts(o, sc)
            case .with(let items, let b, _), .asyncWith(let items, let b, _):
                for i in items { expr(i.contextExpr, sc); if let v = i.optionalVars { target(v, sc) } }
                stmts(b, sc)
            case .match(let subject, let cases):
                expr(subject, sc)
                for c in cases { pattern(c.pattern, sc); if let g = c.guard_ { expr(g, sc) }; stmts(c.body, sc) }
            case .raise(let e, let c): if let e { expr(e, sc) }; if let c { expr(c, sc) }
            case .try(let t), .tryStar(let t):
                stmts(t.body, sc)
                for h in t.handlers {
                    if let ty = h.type { expr(ty, sc) }
                    if let n = h.name { sc.bound.insert(n) }
                    stmts(h.body, sc)
                }
                stmts(t.orelse, sc); stmts(t.finalbody, sc)
            case .assert(let t, let m): expr(t, sc); if let m { expr(m, sc) }
            case .import(let names):
                for a in names {
                    let n = a.asname ?? String(a.name.split(separator: ".").first ?? Substring(a.name))
                    sc.bound.insert(n)
                }
            case .importFrom(_, let names, _):
                for a in names where a.name != "*" { sc.bound.insert(a.asname ?? a.name) }
            case .global(let names): for n in names { sc.globals.insert(n) }
            case .nonlocal(let names): for n in names { sc.nonlocals.insert(n) }
            case .expr(let v): expr(v, sc)
            case .typeAlias(let n, _, let v): target(n, sc); expr(v, sc)
            default: break
            }
        }
    }

    private func pattern(_ p: Pattern, _ sc: Scope) {
        guard depth < maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        do {
            switch p.kind {
            case .matchValue(let v): expr(v, sc)
            case .matchSequence(let ps): for q in ps { pattern(q, sc) }
            case .matchMapping(let ks, let ps, let rest):
                for k in ks { expr(k, sc) }; for q in ps { pattern(q, sc) }
                if let rest { sc.bound.insert(rest) }
            case .matchClass(let c, let ps, _, let kps):
                expr(c, sc); for q in ps + kps { pattern(q, sc) }
            case .matchStar(let n): if let n { sc.bound.insert(n) }
            case .matchAs(let q, let n): if let q { pattern(q, sc) }; if let n { sc.bound.insert(n) }
            case .matchOr(let ps): for q in ps { pattern(q, sc) }
            case .matchSingleton: break
            }
        }
    }

    private func argDefaults(_ a: Arguments, _ sc: Scope) {
        for d in a.defaults { expr(d, sc) }
        for d in a.kwDefaults { if let d { expr(d, sc) } }
    }

    private func params(_ a: Arguments, _ sc: Scope) {
        for p in a.posonlyargs { sc.bound.insert(p.arg) }
        for p in a.args { sc.bound.insert(p.arg) }
        for p in a.kwonlyargs { sc.bound.insert(p.arg) }
        if let v = a.vararg { sc.bound.insert(v.arg) }
        if let k = a.kwarg { sc.bound.insert(k.arg) }
    }

    private func target(_ e: Expr, _ sc: Scope) {
        guard depth < maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        do {
            switch e.kind {
            case .name(let id, _): if sc.kind != .module { sc.bound.insert(id) }
            case .tuple(let es, _), .list(let es, _): for x in es { target(x, sc) }
            case .starred(let v, _): target(v, sc)
            default: expr(e, sc)
            }
        }
    }

    private func comprehension(_ e: Expr, _ gens: [Comprehension], _ elts: [Expr], _ sc: Scope) {
        let child = Scope(kind: .comprehension, in: sc)
        for (i, g) in gens.enumerated() {
            expr(g.iter, i == 0 ? sc : child)
            target(g.target, child)
            for c in g.ifs { expr(c, child) }
            if g.isAsync { child.isGenerator = true }
        }
        for x in elts { expr(x, child) }
        sc.children.append(child)
        scopes[ScopeKey(range: e.range, tag: Self.compTag)] = child
    }

    private func expr(_ e: Expr, _ sc: Scope) {
        guard depth < maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        do {
            switch e.kind {
            case .name(let id, let ctx):
                // The module scope resolves every name as global: its sets are never read.
                // A scope nothing encloses never needs what it reads (see `Scope.isEnclosed`).
                if sc.kind != .module {
                    if ctx != .load { sc.bound.insert(id) } else if sc.isEnclosed { sc.used.insert(id) }
                }
            case .boolOp(_, let vs): for v in vs { expr(v, sc) }
            case .namedExpr(let t, let v):
                expr(v, sc)
                if case .name(let id, _) = t.kind { sc.bound.insert(id) }
            case .binOp(let l, _, let r): expr(l, sc); expr(r, sc)
            case .unaryOp(_, let o): expr(o, sc)
            case .lambda(let a, let b):
                argDefaults(a, sc)
                let child = Scope(kind: .function, in: sc)
                params(a, child)
                expr(b, child)
                sc.children.append(child)
                scopes[ScopeKey(range: e.range, tag: Self.lambdaTag)] = child
            case .ifExp(let t, let b, let o): expr(t, sc); expr(b, sc); expr(o, sc)
            case .dict(let ks, let vs): for k in ks { if let k { expr(k, sc) } }; for v in vs { expr(v, sc) }
            case .set(let es), .list(let es, _), .tuple(let es, _): for x in es { expr(x, sc) }
            case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
                comprehension(e, gens, [elt], sc)
            case .dictComp(let k, let v, let gens): comprehension(e, gens, [k, v], sc)
            case .await(let v), .yieldFrom(let v): sc.isGenerator = true; expr(v, sc)
            case .yield(let v): sc.isGenerator = true; if let v { expr(v, sc) }
            case .compare(let l, _, let cs): expr(l, sc); for c in cs { expr(c, sc) }
            case .call(let f, let args, let kws):
                expr(f, sc); for a in args { expr(a, sc) }; for k in kws { expr(k.value, sc) }
                if sc.isEnclosed, case .name("super", _) = f.kind { sc.used.insert("__class__") }
            case .formattedValue(let v, _, let spec): expr(v, sc); if let spec { expr(spec, sc) }
            case .joinedStr(let vs): for v in vs { expr(v, sc) }
            case .attribute(let v, _, _): expr(v, sc)
            case .subscript(let v, let s, _): expr(v, sc); expr(s, sc)
            case .starred(let v, _): expr(v, sc)
            case .slice(let a, let b, let c):
                if let a { expr(a, sc) }; if let b { expr(b, sc) }; if let c { expr(c, sc) }
            default: break
            }
        }
    }

    /// Names a scope needs from outside itself (its free candidates), after resolving its children.
    @discardableResult
    private func resolveFree(_ sc: Scope) -> Set<String> {
        var needs = Set<String>()
        let providesCells = sc.kind == .function || sc.kind == .comprehension
        for child in sc.children {
            let childNeeds = resolveFree(child)
            if sc.kind == .module { continue }
            for n in childNeeds {
                if providesCells && sc.isLocal(n) {
                    sc.cellVars.insert(n)
                } else {
                    needs.insert(n)
                }
            }
        }
        if sc.kind == .module { return [] }
        // Nothing encloses it: no function binds what it needs, so nothing of it is free (what `prune`
        // would leave); its `used` was not recorded.
        guard sc.isEnclosed else {
            sc.freeVars = []
            return []
        }
        // Names this scope reads (or declares nonlocal) but does not bind: for a class used − bound −
        // globals; otherwise (used ∪ nonlocals) − locals − globals, i.e. the names not global that are
        // not bound here or are declared nonlocal.
        if sc.kind == .klass {
            for n in sc.used where !sc.bound.contains(n) && (sc.globals.isEmpty || !sc.globals.contains(n)) {
                needs.insert(n)
            }
        } else if sc.globals.isEmpty && sc.nonlocals.isEmpty {
            for n in sc.used where !sc.bound.contains(n) { needs.insert(n) }
        } else {
            for n in sc.used where !sc.globals.contains(n) && (!sc.bound.contains(n) || sc.nonlocals.contains(n)) {
                needs.insert(n)
            }
            for n in sc.nonlocals where !sc.globals.contains(n) { needs.insert(n) }
        }
        // Candidates become free only if an enclosing function binds them; recorded optimistically here and
        // pruned by `prune` from the top.
        sc.freeVars = needs
        return needs
    }

    /// Keeps the free names some enclosing function or comprehension has as a local, and the cell names
    /// that are locals. `enclosing` are those scopes, innermost last (a class body provides no names to
    /// its methods; it passes on what encloses it).
    private func prune(_ sc: Scope, enclosing: [Scope]) {
        if sc.kind != .module && !sc.freeVars.isEmpty {
            sc.freeVars = sc.freeVars.filter { n in enclosing.contains { $0.isLocal(n) } }
        }
        let providesCells = sc.kind == .function || sc.kind == .comprehension
        if !sc.children.isEmpty {
            let inner = providesCells ? enclosing + [sc] : enclosing
            for c in sc.children { prune(c, enclosing: inner) }
        }
        if providesCells && !sc.cellVars.isEmpty {
            sc.cellVars = sc.cellVars.filter { sc.isLocal($0) }
        }
    }
}
