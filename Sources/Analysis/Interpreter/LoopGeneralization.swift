/// A loop the analysis cannot follow iteration by iteration (over an unknown iterable, on an unknown
/// condition, or with something it cannot model in an iteration) is given up on its own, not with the
/// whole statement around it, and one "generic" iteration is run in its place.
///
/// Why that is sound: giving the loop up makes every name it assigns unknown and every object it may reach
/// tainted (all objects, when it may run code and the run follows calls). That state, G, is an
/// over-approximation of the state before every iteration and after the loop, whatever the number of
/// iterations: iterations change only what the loop assigns and what it reaches, and what an earlier
/// iteration made is reachable only through those. So one iteration run from G, with the loop variable
/// unknown, sees at each statement what any iteration could see: what it makes itself is counted exactly
/// (`row = [x]` is `rc 1` in every iteration), everything else is unknown. After it the state is given up
/// again, so what follows the loop starts from G too.
///
/// A body that may `return` forks (PathChoices.swift): on one path the generic iteration is the one that
/// returns, on the other the loop ends. Not generalised (the statement around is given up as before):
/// loops with an `else`, and bodies that define functions or classes, use `with`/`try`/`match`/imports,
/// lambdas or `yield`.

extension Interpreter {
    /// Runs a loop; if it cannot be followed, gives it up and runs one generic iteration instead.
    func followLoop(_ s: Stmt, _ f: Frame, body: [Stmt], hasElse: Bool, target: Expr?,
                    _ run: () throws -> Flow) throws -> Flow {
        let frameCount = frames.count
        let stackHeight = f.stack.count
        do {
            return try run()
        } catch let a as Abort where a.reason != Abort.budget {
            guard !hasElse, let shape = LoopShape(s, plainContainer: { self.plainContainer($0, f) },
                                                  iterationRunsNoCode: loopIterable(s, f).map(iteratesWithoutCode) ?? false)
            else { throw a }
            // Frames and operands the loop left behind are dropped, not released: what they held is tainted.
            unwind(to: frameCount, f, stackHeight)
            // A body that may return forks: on one path the generic iteration is the one that returns.
            var returning = false
            if shape.mayReturn {
                guard let choice = choices.next(line: s.range.line, steps: steps) else { throw a }
                returning = choice
            }
            return try generalize(s, f, shape, body: body, target: target, returning: returning,
                                  foreignItems: itemsAreForeign(loopIterable(s, f)))
        }
    }

    private func generalize(_ s: Stmt, _ f: Frame, _ shape: LoopShape, body: [Stmt], target: Expr?,
                            returning: Bool, foreignItems: Bool) throws -> Flow {
        giveUp(shape, f)
        let firstNew = heap.objects.count
        let frameCount = frames.count
        let stackHeight = f.stack.count
        var completed = false
        do {
            try beginStatement(line: s.range.line, range: s.range, in: f)
            if let target {
                var names = Set<String>()
                AssignedNames.target(target, &names, 0)
                for n in names.sorted() {
                    let u = unknownValue("object")
                    if !foreignItems, case .obj(let id) = u { maybeProgramObjects.insert(id) }
                    try storeName(n, u, f)
                }
            }
            didRun?(s, f)
            let flow = try execBlock(body, f, isFunctionBody: false)
            if case .returned(let v) = flow {
                // The iteration that returns: on this path the function returns from here; on the other
                // the loop ends without it.
                if returning { return flow }
                release(v)
            }
            completed = true
        } catch let a as Abort where a.reason != Abort.budget {
            // Not followed to its end, an iteration that may return leaves the function returning from
            // an unknown place: the statement around is given up.
            if shape.mayReturn { throw a }
            // The generic iteration could not be followed either: the loop's facts are incomplete.
            unwind(to: frameCount, f, stackHeight)
            markUnfollowed(lines: s.range.line...max(s.range.line, s.range.endLine), mayCallCode: shape.mayRunCode,
                           ownFrame: standalone ? f.qualname : nil)
        } catch is Raised {
            // This iteration would raise: the program may end there (nothing to see after it), or the
            // other iterations go on. Unless a try/with around could catch it: that is not modelled.
            if handlersActive > 0 { throw Abort("an iteration may raise inside try/with") }
            unwind(to: frameCount, f, stackHeight)
        }
        // Back to the over-approximation for what follows the loop. An iteration that ran to its end is
        // seen by the header's last line event first; one that stopped early left references behind (its
        // frames and operands were dropped, not released): nothing of it is counted any more.
        if completed { try beginStatement(line: s.range.line, range: s.range, in: f) }
        giveUp(shape, f)
        for o in heap.objects[firstNew...] where o.alive { o.tainted = true }
        if !completed { try beginStatement(line: s.range.line, range: s.range, in: f) }
        return .normal
    }

    /// A comprehension over an unknown iterable, like a given-up loop: it makes a new list, set or dict,
    /// counted exactly, whose contents are unknown; what its expressions may reach is tainted.
    func genericComprehension(_ e: Expr, _ kind: ObjKind, _ iterable: Value, _ f: Frame) throws -> Value {
        guard let shape = LoopShape(comprehension: e, plainContainer: { self.plainContainer($0, f) }) else {
            throw Abort("comprehension over an unknown iterable")
        }
        let mayRunCode = shape.mayRunCode || !iteratesWithoutCode(iterable)
        giveUp(shape, f, mayRunCode: mayRunCode)
        // Its expressions are not run: functions they may call are reached without being followed.
        if mayRunCode {
            markUnfollowed(lines: e.range.line...max(e.range.line, e.range.endLine), mayCallCode: true,
                           ownFrame: standalone ? f.qualname : nil)
        }
        let result = newObject(kind, kind == .list ? "list" : kind == .set ? "set" : "dict")
        result.exprRange = e.range
        result.contentsUnknown = true
        return .obj(result.id)
    }

    /// Drops the frames and operands a run left behind without releasing them: what they held is tainted
    /// by whoever calls this.
    private func unwind(to frameCount: Int, _ f: Frame, _ stackHeight: Int) {
        if frames.count > frameCount { frames.removeLast(frames.count - frameCount) }
        if f.stack.count > stackHeight { f.stack.removeLast(f.stack.count - stackHeight) }
    }

    /// Makes the loop's assigned names unknown and taints what it may reach.
    private func giveUp(_ shape: LoopShape, _ f: Frame, mayRunCode: Bool? = nil) {
        if (mayRunCode ?? shape.mayRunCode) && !standalone {
            // Followed calls may reach anything.
            for o in heap.objects where o.alive { o.tainted = true }
        } else {
            for n in shape.mentioned.sorted() {
                if let v = peekName(n, f), let o = heap.object(v), shape.receiverOnly.contains(n),
                   o.kind == .list || o.kind == .dict || o.kind == .set, !o.tainted {
                    // Only ever the receiver of list/dict/set methods that neither keep nor hand out the
                    // container: iterations change what it holds, never its count.
                    o.contentsUnknown = true
                    for s in o.items + o.keys + o.values { heap.taint(s.value) }
                    graphVersion += 1
                    continue
                }
                taintReach(ofName: n, f)
            }
        }
        heapTainted = true
        graphVersion += 1
        for n in shape.assigned.sorted() {
            // It may hold whatever the loop assigned: one of the program's objects too. The old values
            // are not released: their counts are unknown now.
            let u = unknownProgramValue()
            switch f.scope.resolve(n) {
            case .local, .classNamespace: _ = f.bind(n, u)
            case .global: _ = moduleFrame.bind(n, u)
            case .cell, .free:
                if let c = cell(n, f) { c.items = [Slot(value: u, line: f.currentLine ?? 0)] }
            }
        }
    }

    /// The value a `for` loop iterates, when its iterable is a plain name.
    private func loopIterable(_ s: Stmt, _ f: Frame) -> Value? {
        guard case .for(let loop) = s.kind, case .name(let n, _) = loop.iter.kind else { return nil }
        return peekName(n, f)
    }

    /// Whether stepping through `v` runs no Python code: a builtin sequence or mapping, or an unknown value
    /// that cannot be the program's (no program object ever reached unknown code).
    private func iteratesWithoutCode(_ v: Value) -> Bool {
        guard let o = heap.object(v) else { if case .atom(.str) = v { return true }; return false }
        switch o.kind {
        case .list, .tuple, .dict, .set, .frozenset, .str, .range, .dictView: return true
        case .unknown: return !unknownMayBeProgramObject(o.id)
        default: return false
        }
    }

    /// Whether `v`'s items come from unknown code that never saw the program's objects (so none is one).
    private func itemsAreForeign(_ v: Value?) -> Bool {
        guard case .obj(let id)? = v, heap[id].kind == .unknown else { return false }
        return !unknownMayBeProgramObject(id)
    }

    /// The kind of the list, dict or set a name is bound to now, if it is one.
    private func plainContainer(_ n: String, _ f: Frame) -> ObjKind? {
        guard let v = peekName(n, f), let o = heap.object(v) else { return nil }
        switch o.kind {
        case .list, .dict, .set: return o.kind
        default: return nil
        }
    }

}

/// What a loop statement mentions and assigns, and whether it may run code; nil for loops that are not
/// generalised.
struct LoopShape {
    var mentioned = Set<String>()
    var assigned = Set<String>()
    var mayRunCode = false
    /// The body has a `return`: the loop may end the function.
    var mayReturn = false
    /// Names used only as `name.method(...)` with a method of `receiverMethods`, or as `name[...]`.
    var receiverOnly: Set<String> { mentioned.subtracting(bareUses).subtracting(assigned) }
    private var bareUses = Set<String>()

    /// Methods of list, dict and set that neither keep their receiver nor return something that does
    /// (views and iterators do).
    static let receiverMethods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "copy", "count", "index", "reverse", "sort",
        "get", "setdefault", "popitem", "update", "add", "discard",
    ]

    /// Methods of list, dict and set that run no Python code whatever their arguments: no hashing, no
    /// comparison, no iteration or __index__ of an argument, and no reference dropped (a __del__ could run).
    static let codeFreeMethods: [ObjKind: Set<String>] = [
        .list: ["append", "copy", "reverse"],
        .dict: ["copy", "keys", "values", "items"],
        .set: ["copy"],
    ]

    /// The kind of container a name not assigned in the loop is bound to.
    private let plainContainer: (String) -> ObjKind?

    init?(_ s: Stmt, plainContainer: @escaping (String) -> ObjKind? = { _ in nil }, iterationRunsNoCode: Bool = false) {
        self.plainContainer = plainContainer
        AssignedNames.collect(s, into: &assigned)
        if case .for(let l) = s.kind, iterationRunsNoCode {
            // The loop's own iteration: its iterable is known to run no code.
            guard expr(l.target, 0), expr(l.iter, 0), stmts(l.body, 0), stmts(l.orelse, 0) else { return nil }
        } else {
            guard stmt(s, 0) else { return nil }
        }
        mentioned.formUnion(assigned)
    }

    /// A comprehension's expressions (its own loop variables are its own: tainting a name of the same
    /// name outside is merely cautious).
    init?(comprehension e: Expr, plainContainer: @escaping (String) -> ObjKind?) {
        self.plainContainer = plainContainer
        let gens: [Comprehension]
        switch e.kind {
        case .listComp(let elt, let g), .setComp(let elt, let g):
            gens = g
            guard expr(elt, 0) else { return nil }
        case .dictComp(let k, let v, let g):
            gens = g
            guard expr(k, 0), expr(v, 0) else { return nil }
        default: return nil
        }
        // The first iterable was evaluated already; the rest are evaluated per item.
        for (i, g) in gens.enumerated() {
            guard expr(g.target, 0), i == 0 || expr(g.iter, 0), g.ifs.allSatisfy({ expr($0, 0) }) else { return nil }
            if i > 0 { mayRunCode = true }
        }
    }

    /// `out.append(row)` on a list the loop does not rebind runs no code of its own.
    private func isCodeFreeCall(_ fn: Expr) -> Bool {
        guard case .attribute(let recv, let method, _) = fn.kind, case .name(let n, _) = recv.kind,
              !assigned.contains(n), let kind = plainContainer(n) else { return false }
        return Self.codeFreeMethods[kind]?.contains(method) ?? false
    }

    private mutating func stmts(_ b: [Stmt], _ d: Int) -> Bool { b.allSatisfy { stmt($0, d + 1) } }

    private mutating func stmt(_ s: Stmt, _ d: Int) -> Bool {
        guard d < 60 else { return false }
        switch s.kind {
        case .expr(let v): return expr(v, d)
        case .assign(let ts, let v, _): return ts.allSatisfy { expr($0, d) } && expr(v, d)
        case .augAssign(let t, _, let v): mayRunCode = true; return expr(t, d) && expr(v, d)
        case .annAssign(let t, _, let v, _): return expr(t, d) && (v.map { expr($0, d) } ?? true)
        case .delete(let ts): return ts.allSatisfy { expr($0, d) }
        case .pass, .break, .continue: return true
        case .return(let v): mayReturn = true; return v.map { expr($0, d) } ?? true
        case .raise(let e, let c): return (e.map { expr($0, d) } ?? true) && (c.map { expr($0, d) } ?? true)
        case .assert(let t, let m): return expr(t, d) && (m.map { expr($0, d) } ?? true)
        case .if(let t, let b, let o), .while(let t, let b, let o): return expr(t, d) && stmts(b, d) && stmts(o, d)
        case .for(let l):
            // Iterating may run code (an iterator's __next__).
            mayRunCode = true
            return expr(l.target, d) && expr(l.iter, d) && stmts(l.body, d) && stmts(l.orelse, d)
        default: return false
        }
    }

    private mutating func expr(_ e: Expr, _ d: Int) -> Bool {
        guard d < 100 else { return false }
        switch e.kind {
        case .name(let id, _): mentioned.insert(id); bareUses.insert(id); return true
        case .constant: return true
        case .tuple(let es, _), .list(let es, _), .set(let es): return es.allSatisfy { expr($0, d + 1) }
        case .starred(let v, _): return expr(v, d + 1)
        case .dict(let ks, let vs):
            mayRunCode = true
            return ks.allSatisfy { $0.map { expr($0, d + 1) } ?? true } && vs.allSatisfy { expr($0, d + 1) }
        case .lambda, .yield, .yieldFrom, .await, .namedExpr, .error: return false
        case .call(let fn, let args, let kws) where isCodeFreeCall(fn):
            guard case .attribute(let recv, let method, _) = fn.kind else { return false }
            receiver(recv, method: method)
            return args.allSatisfy { expr($0, d + 1) } && kws.allSatisfy { expr($0.value, d + 1) }
        default: break
        }
        // Anything else may call code: an operator's dunder method, a property, __getitem__, a call.
        mayRunCode = true
        switch e.kind {
        case .boolOp(_, let vs): return vs.allSatisfy { expr($0, d + 1) }
        case .binOp(let l, _, let r): return expr(l, d + 1) && expr(r, d + 1)
        case .unaryOp(_, let o): return expr(o, d + 1)
        case .ifExp(let t, let b, let o): return expr(t, d + 1) && expr(b, d + 1) && expr(o, d + 1)
        case .compare(let l, _, let cs): return expr(l, d + 1) && cs.allSatisfy { expr($0, d + 1) }
        case .call(let fn, let args, let kws):
            if case .attribute(let recv, let method, _) = fn.kind, case .name = recv.kind {
                receiver(recv, method: method)
            } else if !expr(fn, d + 1) {
                return false
            }
            return args.allSatisfy { expr($0, d + 1) } && kws.allSatisfy { expr($0.value, d + 1) }
        case .attribute(let v, _, _): return expr(v, d + 1)
        case .subscript(let v, let i, _):
            if case .name(let id, _) = v.kind { mentioned.insert(id); return expr(i, d + 1) }
            return expr(v, d + 1) && expr(i, d + 1)
        case .slice(let a, let b, let c):
            return [a, b, c].allSatisfy { $0.map { expr($0, d + 1) } ?? true }
        case .joinedStr(let vs): return vs.allSatisfy { expr($0, d + 1) }
        case .formattedValue(let v, _, let spec): return expr(v, d + 1) && (spec.map { expr($0, d + 1) } ?? true)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            return expr(elt, d + 1) && comprehension(gens, d)
        case .dictComp(let k, let v, let gens):
            return expr(k, d + 1) && expr(v, d + 1) && comprehension(gens, d)
        default: return false
        }
    }

    /// `name.method(...)`: a receiver use when the method keeps nothing of it; otherwise a bare use.
    private mutating func receiver(_ recv: Expr, method: String) {
        guard case .name(let id, _) = recv.kind else { return }
        mentioned.insert(id)
        if !Self.receiverMethods.contains(method) { bareUses.insert(id) }
    }

    private mutating func comprehension(_ gens: [Comprehension], _ d: Int) -> Bool {
        gens.allSatisfy { g in expr(g.target, d + 1) && expr(g.iter, d + 1) && g.ifs.allSatisfy { expr($0, d + 1) } }
    }
}
