/// Recovery from a module statement the interpreter cannot follow (a `try`, a `with`, a condition on an
/// unknown value, ...): whatever that statement did is unknown, so every object that existed becomes
/// "tainted" (its count is no longer vouched for), every name it could have rebound is bound to an unknown
/// value, and the run goes on with the next statement. Objects made afterwards are counted exactly again;
/// reading the contents of a tainted object gives an unknown value.

extension Interpreter {
    func havoc(after s: Stmt) {
        let f = moduleFrame
        // Frames the statement was running are gone; their references are not released (unknown).
        frames = [f]
        f.stack.removeAll()
        var mentioned = Set<String>()
        MayCallCode.names(s, into: &mentioned)
        // A truth test of an instance may run its __bool__/__len__.
        let testsInstances = mentioned.contains { n in f.lookup(n).flatMap { heap.object($0) }?.kind == .instance }
        if !MayCallCode.containsCall(s) && !testsInstances {
            // Code without calls only reaches objects through the names it mentions: the rest is untouched.
            for n in mentioned { if let v = f.lookup(n) { heap.taint(v) } }
        } else {
            for o in heap.objects where o.alive { o.tainted = true }
        }
        heapTainted = true
        anyUnknownMayBeProgramObject = true
        graphVersion += 1
        var names = Set<String>()
        AssignedNames.collect(s, into: &names)
        names.formUnion(globalDeclarations)
        for n in names.sorted() {
            let u = newObject(.unknown, "object")
            u.tainted = true
            _ = f.bind(n, .obj(u.id))   // the old value is not released: its count is unknown now
        }
        f.currentLine = nil
    }

    /// The points the unfollowed rest of `s` may have reached again: every point on its lines (loops,
    /// class bodies), and, when it may call code, every point of every function, now and later.
    func markUnfollowed(_ s: Stmt, ownFrame: String? = nil) {
        markUnfollowed(lines: s.range.line...max(s.range.line, s.range.endLine), mayCallCode: MayCallCode.containsCall(s),
                       ownFrame: ownFrame)
    }

    func markUnfollowed(lines: ClosedRange<Int>, mayCallCode: Bool = true, ownFrame: String?) {
        let u = Unfollowed(lines: lines, mayCallCode: mayCallCode, ownFrame: ownFrame)
        recorder.markIncomplete(u)
        unfollowedObserver?(u)
    }

    /// Every name declared `global` anywhere in the module (any function may rebind it).
    var globalDeclarations: Set<String> {
        if let g = cachedGlobalDeclarations { return g }
        var g = Set<String>()
        for s in module.body { AssignedNames.globals(s, into: &g, depth: 0) }
        cachedGlobalDeclarations = g
        return g
    }

    /// Taints what the name reaches in `f`: its value, and its cell (a closure may change what it holds).
    func taintReach(ofName n: String, _ f: Frame) {
        if let v = peekName(n, f) { heap.taint(v) }
        if let c = f.cells[n] { heap.taint(.obj(c)) }
    }

    func isTainted(_ v: Value) -> Bool { heap.object(v)?.tainted ?? false }

    /// A tainted object whose contents can change (list, dict, set, instance, cell): what we believe it
    /// holds may be stale.
    func isStale(_ v: Value) -> Bool {
        guard let o = heap.object(v), o.tainted || o.contentsUnknown else { return false }
        // Its contents are about to be read or changed: what was just appended is no longer counted.
        flushPendingTaints()
        switch o.kind {
        case .list, .dict, .set, .instance, .cell, .iterator, .dictView, .unknown: return true
        default: return false
        }
    }

    /// What a read from a tainted container gives: an unknown value (its contents may have changed).
    func taintedRead(_ container: Value) -> Value {
        // A container whose contents alone are unknown keeps its count: what comes out was tainted going in.
        if heap.object(container)?.tainted ?? true { heap.taint(container) }
        let v = unknownValue("object")
        // What a container held may be one of the program's objects.
        if case .obj(let id) = v { maybeProgramObjects.insert(id) }
        return v
    }
}

/// Names a statement binds or unbinds in its own frame (targets, loop variables, imports, def/class,
/// except/with names), including nested blocks but not nested function or class bodies.
enum AssignedNames {
    static func collect(_ s: Stmt, into out: inout Set<String>, depth: Int = 0) {
        guard depth < 200 else { return }
        func block(_ b: [Stmt]) { for x in b { collect(x, into: &out, depth: depth + 1) } }
        switch s.kind {
        case .functionDef(let d), .asyncFunctionDef(let d): out.insert(d.name)
        case .classDef(let c): out.insert(c.name)
        case .assign(let ts, let v, _): for t in ts { target(t, &out, 0) }; walrus(v, &out, 0)
        case .augAssign(let t, _, _): target(t, &out, 0)
        case .annAssign(let t, _, _, _): target(t, &out, 0)
        case .delete(let ts): for t in ts { target(t, &out, 0) }
        case .for(let f), .asyncFor(let f): target(f.target, &out, 0); block(f.body); block(f.orelse)
        case .while(_, let b, let o), .if(_, let b, let o): block(b); block(o)
        case .with(let items, let b, _), .asyncWith(let items, let b, _):
            for i in items { if let v = i.optionalVars { target(v, &out, 0) } }
            block(b)
        case .try(let t), .tryStar(let t):
            block(t.body); block(t.orelse); block(t.finalbody)
            for h in t.handlers { if let n = h.name { out.insert(n) }; block(h.body) }
        case .match(_, let cases):
            for c in cases { pattern(c.pattern, &out, 0); block(c.body) }
        case .import(let names):
            for a in names { out.insert(a.asname ?? String(a.name.split(separator: ".").first ?? "")) }
        case .importFrom(_, let names, _):
            for a in names { out.insert(a.asname ?? a.name) }
        case .expr(let v): walrus(v, &out, 0)
        default: break
        }
    }

    static func target(_ e: Expr, _ out: inout Set<String>, _ depth: Int) {
        guard depth < 100 else { return }
        switch e.kind {
        case .name(let id, _): out.insert(id)
        case .tuple(let es, _), .list(let es, _): for x in es { target(x, &out, depth + 1) }
        case .starred(let v, _): target(v, &out, depth + 1)
        default: break
        }
    }

    static func walrus(_ e: Expr, _ out: inout Set<String>, _ depth: Int) {
        guard depth < 100 else { return }
        if case .namedExpr(let t, _) = e.kind { target(t, &out, depth + 1) }
    }

    static func pattern(_ p: Pattern, _ out: inout Set<String>, _ depth: Int) {
        guard depth < 100 else { return }
        switch p.kind {
        case .matchAs(let q, let n): if let n { out.insert(n) }; if let q { pattern(q, &out, depth + 1) }
        case .matchStar(let n): if let n { out.insert(n) }
        case .matchMapping(_, let ps, let rest): if let rest { out.insert(rest) }; for q in ps { pattern(q, &out, depth + 1) }
        case .matchSequence(let ps), .matchOr(let ps): for q in ps { pattern(q, &out, depth + 1) }
        case .matchClass(_, let ps, _, let kps): for q in ps + kps { pattern(q, &out, depth + 1) }
        default: break
        }
    }

    /// Names declared `global` anywhere below `s`.
    static func globals(_ s: Stmt, into out: inout Set<String>, depth: Int) {
        guard depth < 200 else { return }
        func block(_ b: [Stmt]) { for x in b { globals(x, into: &out, depth: depth + 1) } }
        switch s.kind {
        case .global(let names): out.formUnion(names)
        case .functionDef(let d), .asyncFunctionDef(let d): block(d.body)
        case .classDef(let c): block(c.body)
        case .for(let f), .asyncFor(let f): block(f.body); block(f.orelse)
        case .while(_, let b, let o), .if(_, let b, let o): block(b); block(o)
        case .with(_, let b, _), .asyncWith(_, let b, _): block(b)
        case .try(let t), .tryStar(let t):
            block(t.body); block(t.orelse); block(t.finalbody); for h in t.handlers { block(h.body) }
        case .match(_, let cases): for c in cases { block(c.body) }
        default: break
        }
    }
}

/// Whether a statement may run program code it does not name on its own lines: any call, a class body,
/// a with-statement (__enter__/__exit__), a for loop (an iterator), an operator on instances... decided
/// conservatively: anything but plain assignments of names, constants and displays.
enum MayCallCode {
    static func check(_ s: Stmt) -> Bool {
        switch s.kind {
        case .assign(let ts, let v, _): return !(ts.allSatisfy { plain($0, 0) } && plain(v, 0))
        case .delete(let ts): return !ts.allSatisfy { plain($0, 0) }
        case .pass, .global, .nonlocal, .break, .continue: return false
        case .import(let names): return !names.allSatisfy { ["sys", "gc", "weakref"].contains($0.name) }
        default: return true
        }
    }

    /// True when the statement (with its nested blocks) contains a call, a class or function definition, a
    /// comprehension, a loop, a with, an import or anything else that could run code it does not show.
    static func containsCall(_ s: Stmt, depth: Int = 0) -> Bool {
        guard depth < 100 else { return true }
        func block(_ b: [Stmt]) -> Bool { b.contains { containsCall($0, depth: depth + 1) } }
        switch s.kind {
        case .if(let t, let b, let o), .while(let t, let b, let o): return expr(t, 0) || block(b) || block(o)
        case .assign(let ts, let v, _): return ts.contains { expr($0, 0) } || expr(v, 0)
        case .augAssign(let t, _, let v): return expr(t, 0) || expr(v, 0)
        case .delete(let ts): return ts.contains { expr($0, 0) }
        case .expr(let v): return expr(v, 0)
        case .pass, .break, .continue: return false
        default: return true
        }
    }

    /// Whether an expression may run code: calls, operators (dunder methods), subscripts and attributes
    /// (__getitem__, properties) on what could be instances. Only names, constants and displays are safe.
    private static func expr(_ e: Expr, _ depth: Int) -> Bool {
        guard depth < 50 else { return true }
        switch e.kind {
        case .name, .constant: return false
        case .tuple(let es, _), .list(let es, _), .set(let es): return es.contains { expr($0, depth + 1) }
        case .starred(let v, _): return expr(v, depth + 1)
        default: return true
        }
    }

    /// Every name a statement mentions (loads and stores), nested blocks included.
    static func names(_ s: Stmt, into out: inout Set<String>) {
        var found: [(SourceRange, String)] = []
        collectNames(s, &found, 0)
        for (_, n) in found { out.insert(n) }
    }

    private static func collectNames(_ s: Stmt, _ out: inout [(SourceRange, String)], _ depth: Int) {
        guard depth < 100 else { return }
        NameCollector.collect(s, into: &out)
        switch s.kind {
        case .if(_, let b, let o), .while(_, let b, let o):
            for x in b + o { collectNames(x, &out, depth + 1) }
        default: break
        }
    }

    private static func plain(_ e: Expr, _ depth: Int) -> Bool {
        guard depth < 50 else { return false }
        switch e.kind {
        case .name, .constant: return true
        case .tuple(let es, _), .list(let es, _), .set(let es): return es.allSatisfy { plain($0, depth + 1) }
        case .starred(let v, _): return plain(v, depth + 1)
        default: return false
        }
    }
}
