/// Statement execution: assignment (chained, unpacking, augmented), del, if/while/for with break and
/// continue, def/class/return, imports of modules the analysis knows. Statements outside the subset throw
/// `Abort` (the driver makes their effects unknown and goes on).

extension Interpreter {
    func execBlock(_ body: [Stmt], _ f: Frame, isFunctionBody: Bool) throws -> Flow {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > maxNesting || !stackGuard.hasRoom { throw Abort("blocks nested too deeply") }
        for (i, s) in body.enumerated() {
            // A function's docstring is not code: no line event.
            if isFunctionBody && i == 0, case .expr(let e) = s.kind, case .constant(.str, _) = e.kind { continue }
            let flow = try exec(s, f)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func exec(_ s: Stmt, _ f: Frame) throws -> Flow {
        switch s.kind {
        case .global, .nonlocal:
            return .normal
        default: break
        }
        if f.kind == .module { scopes.prepare(s) }
        try beginStatement(line: s.range.line, range: s.range, in: f)
        willRun?(s, f)
        let flow = try execStatement(s, f)
        switch s.kind {
        case .if, .while, .for: break
        default: didRun?(s, f)
        }
        return flow
    }

    private func execStatement(_ s: Stmt, _ f: Frame) throws -> Flow {
        switch s.kind {
        case .expr(let e):
            let v = try eval(e, f)
            release(v)
        case .assign(let targets, let value, _):
            let v = try eval(value, f)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { retain(v) }
                try assign(t, v, f)
            }
        case .annAssign(let target, _, let value, _):
            if let value {
                let v = try eval(value, f)
                try assign(target, v, f)
            }
        case .augAssign(let target, let op, let value):
            try augAssign(target, op, value, f)
        case .delete(let targets):
            for t in targets { try delete(t, f) }
        case .pass:
            break
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        case .return(let value):
            let v = try value.map { try eval($0, f) } ?? .none
            return .returned(v)
        case .if(let test, let body, let orelse):
            let t = try eval(test, f)
            let truth = try truthValue(t)
            release(t)
            didRun?(s, f)
            return try execBlock(truth ? body : orelse, f, isFunctionBody: false)
        case .while(let test, let body, let orelse):
            return try followLoop(s, f, body: body, hasElse: !orelse.isEmpty, target: nil) {
                try execWhile(s, f, test: test, body: body, orelse: orelse)
            }
        case .for(let loop):
            return try followLoop(s, f, body: loop.body, hasElse: !loop.orelse.isEmpty, target: loop.target) {
                try execFor(loop, s, f)
            }
        case .functionDef(let def):
            var wrapper: String?
            if !def.decoratorList.isEmpty {
                // @staticmethod / @classmethod in a class body are modelled; other decorators are not.
                guard def.decoratorList.count == 1, f.kind == .classBody,
                      case .name(let d, _) = def.decoratorList[0].kind, d == "staticmethod" || d == "classmethod",
                      f.lookup(d) == nil, moduleFrame.lookup(d) == nil else { throw Abort("decorator") }
                wrapper = d
            }
            var fn = try makeFunction(name: def.name, args: def.args, body: def.body, lambdaBody: nil,
                                      range: s.range, tag: ScopeBuilder.defTag, f)
            if let w = wrapper {
                let o = newObject(.descriptor, w)
                // 3.10+ copies the function's __module__/__name__/__qualname__/__doc__ into a __dict__ of
                // the wrapper; the qualname ("C.f") is a str of its own.
                let d = newObject(.dict, "dict")
                let q = newObject(.str, "str")
                q.scalar = .str(f.qualname + "." + def.name)
                d.keys = [Slot(value: .atom(.str("__qualname__")), line: s.range.line)]
                d.values = [Slot(value: .obj(q.id), line: s.range.line)]
                o.items = [Slot(value: fn, line: s.range.line), Slot(value: .obj(d.id), line: s.range.line)]
                fn = .obj(o.id)
            }
            try storeName(def.name, fn, f)
        case .classDef(let def):
            try execClassDef(def, s, f)
        case .import(let names):
            for a in names {
                let top = String(a.name.split(separator: ".").first ?? Substring(a.name))
                let bound = a.asname ?? top
                let moduleName = a.asname != nil ? a.name : top
                // Only these are always there; any other import may fail (an ImportError a try catches).
                if !["sys", "gc", "weakref"].contains(a.name) { unknownValuesMade += 1 }
                try storeName(bound, .atom(.module(moduleName)), f)
            }
        case .importFrom(let module, let names, _):
            for a in names {
                if a.name == "*" { throw Abort("import *") }
                // `from __main__ import f` is the program's own function.
                try storeName(a.asname ?? a.name, module == "__main__" ? unknownProgramValue() : unknownValue("object"), f)
            }
        case .with(let items, let body, _):
            return try execWith(items, body, s, f)
        case .try(let t):
            // Modelled when the body provably raises nothing: every operation the interpreter models that
            // could raise stops it (Abort), and anything unknown (which might raise) is refused here. Then
            // the handlers are skipped, else and finally run.
            let before = unknownValuesMade
            let flow = try underHandlers { try execBlock(t.body, f, isFunctionBody: false) }
            if unknownValuesMade != before { throw Abort("try body with unknown operations") }
            var result = flow
            if case .normal = flow { result = try underHandlers { try execBlock(t.orelse, f, isFunctionBody: false) } }
            // A value being returned stays on the stack while finally runs.
            var inFlight = false
            if case .returned(let v) = result { f.push(v, "the return value in flight"); inFlight = true }
            let fin = try underHandlers { try execBlock(t.finalbody, f, isFunctionBody: false) }
            if inFlight { _ = f.pop() }
            if case .normal = fin { return result }
            if case .returned(let v) = result { release(v) }
            return fin
        case .assert(let test, _):
            let t = try eval(test, f)
            let truth = try truthValue(t)
            release(t)
            if !truth { throw Raised() }
        case .raise:
            // The exception is not modelled, only that this path ends here (Raised.swift).
            throw Raised()
        default:
            throw Abort("statement outside the subset at line \(s.range.line)")
        }
        return .normal
    }

    // MARK: - Assignment targets

    func assign(_ target: Expr, _ v: Value, _ f: Frame) throws {
        switch target.kind {
        case .name(let id, _):
            try storeName(id, v, f)
        case .tuple(let elts, _), .list(let elts, _):
            try unpack(elts, v, f)
        case .attribute(let obj, let attr, _):
            f.push(v, "the value being stored")
            let o = try eval(obj, f)
            _ = f.pop()
            try storeAttribute(o, attr, v, f)
            release(o)
        case .subscript(let container, let index, _):
            f.push(v, "the value being stored")
            let c = try eval(container, f)
            f.push(c, "the container being stored into")
            let k = try eval(index, f)
            _ = f.pop(); _ = f.pop()
            try storeItem(c, k, v, f)
            release(c); release(k)
        case .starred:
            throw Abort("starred assignment target")
        default:
            throw Abort("assignment target")
        }
    }

    func unpack(_ elts: [Expr], _ v: Value, _ f: Frame) throws {
        let starIndex = elts.firstIndex { if case .starred = $0.kind { return true }; return false }
        var items = try iterateAll(v)   // owned
        release(v)
        if let si = starIndex {
            let after = elts.count - si - 1
            guard items.count >= elts.count - 1 else { throw Abort("unpack: too few values") }
            let restCount = items.count - si - after
            let rest = Array(items[si..<(si + restCount)])
            let list = newObject(.list, "list")
            list.items = rest.map { Slot(value: $0, line: f.currentLine ?? 0) }
            items = Array(items[0..<si]) + [.obj(list.id)] + Array(items[(si + restCount)...])
        }
        guard items.count == elts.count else { throw Abort("unpack: wrong number of values") }
        for (i, e) in elts.enumerated() {
            var target = e
            if case .starred(let inner, _) = e.kind { target = inner }
            // Remaining items stay on the stack while earlier targets are stored.
            try assign(target, items[i], f)
        }
    }

    func delete(_ target: Expr, _ f: Frame) throws {
        switch target.kind {
        case .name(let id, _):
            try deleteName(id, f)
        case .tuple(let elts, _), .list(let elts, _):
            for e in elts { try delete(e, f) }
        case .attribute(let obj, let attr, _):
            let o = try eval(obj, f)
            guard let p = heap.object(o), p.kind == .instance || p.kind == .klass,
                  let old = p.attrs.removeValue(forKey: attr) else { throw Abort("del attribute") }
            p.attrNames.removeAll { $0 == attr }
            graphVersion += 1
            release(old.value)
            release(o)
        case .subscript(let container, let index, _):
            let c = try eval(container, f)
            f.push(c, "the container")
            let k = try eval(index, f)
            _ = f.pop()
            try deleteItem(c, k, f)
            release(c); release(k)
        default:
            throw Abort("del target")
        }
    }

    func augAssign(_ target: Expr, _ op: Operator, _ value: Expr, _ f: Frame) throws {
        switch target.kind {
        case .name(let id, _):
            let cur = try loadName(id, f)
            f.push(cur, "the left operand")
            let r = try eval(value, f)
            _ = f.pop()
            let result = try binary(op, cur, r, inPlace: true, f)
            release(cur); release(r)
            try storeName(id, result, f)
        case .attribute(let obj, let attr, _):
            let o = try eval(obj, f)
            f.push(o, "the object")
            let cur = try loadAttribute(o, attr, f)
            f.push(cur, "the left operand")
            let r = try eval(value, f)
            _ = f.pop(); _ = f.pop()
            let result = try binary(op, cur, r, inPlace: true, f)
            release(cur); release(r)
            try storeAttribute(o, attr, result, f)
            release(o)
        case .subscript(let container, let index, _):
            let c = try eval(container, f)
            f.push(c, "the container")
            let k = try eval(index, f)
            f.push(k, "the key")
            let cur = try loadItem(c, k, f)
            f.push(cur, "the left operand")
            let r = try eval(value, f)
            _ = f.pop(); _ = f.pop(); _ = f.pop()
            let result = try binary(op, cur, r, inPlace: true, f)
            release(cur); release(r)
            try storeItem(c, k, result, f)
            release(c); release(k)
        default:
            throw Abort("augmented assignment target")
        }
    }

    // MARK: - with

    /// `with mgr as x:` for an instance whose class defines `__enter__` and `__exit__` as plain methods:
    /// BEFORE_WITH keeps a bound `__exit__` on the stack for the whole body and calls a bound `__enter__`;
    /// after the body, `__exit__(None, None, None)` runs at the with line.
    func execWith(_ items: [WithItem], _ body: [Stmt], _ s: Stmt, _ f: Frame) throws -> Flow {
        guard items.count == 1, let item = items.first else { throw Abort("with several items") }
        let mgr = try eval(item.contextExpr, f)
        guard let mo = heap.object(mgr), mo.kind == .instance, let cls = mo.classRef?.value.objectID,
              let enterFn = classLookup(cls, "__enter__"), heap.object(enterFn)?.kind == .function,
              let exitFn = classLookup(cls, "__exit__"), heap.object(exitFn)?.kind == .function,
              mo.attrs["__enter__"] == nil, mo.attrs["__exit__"] == nil else {
            throw Abort("with on something else than a plain context manager")
        }
        let line = f.currentLine ?? s.range.line
        func boundMethod(_ fn: Value) -> Value {
            let m = newObject(.method, "method")
            retain(fn); retain(mgr)
            m.items = [Slot(value: fn, line: line), Slot(value: mgr, line: line)]
            return .obj(m.id)
        }
        let exitMethod = boundMethod(exitFn)
        f.push(exitMethod, "the with statement's bound __exit__")
        let enterMethod = boundMethod(enterFn)
        f.push(enterMethod, "the bound __enter__ being called")
        release(mgr)
        retain(enterFn); retain(mgr)
        let entered = try callFunction(enterFn, [mgr], [], f)
        _ = f.pop()
        release(enterMethod)
        if let target = item.optionalVars { try assign(target, entered, f) } else { release(entered) }
        didRun?(s, f)
        let flow = try underHandlers { try execBlock(body, f, isFunctionBody: false) }
        guard case .normal = flow else { throw Abort("leaving a with block early") }
        // The exit call belongs to the with line: the last body statement's line event fires here.
        try beginStatement(line: s.range.line, range: s.range, in: f)
        retain(exitFn); retain(mgr)
        let r = try callFunction(exitFn, [mgr, .none, .none, .none], [], f)
        release(r)
        _ = f.pop()
        release(exitMethod)
        return .normal
    }

    // MARK: - Loops

    func execWhile(_ s: Stmt, _ f: Frame, test: Expr, body: [Stmt], orelse: [Stmt]) throws -> Flow {
        var first = true
        while true {
            if !first { try beginStatement(line: s.range.line, range: s.range, in: f) }
            first = false
            let t = try eval(test, f)
            let truth = try truthValue(t, mayFork: false)
            release(t)
            didRun?(s, f)
            if !truth { return try execBlock(orelse, f, isFunctionBody: false) }
            let flow = try execBlock(body, f, isFunctionBody: false)
            switch flow {
            case .breakLoop: return .normal
            case .returned: return flow
            default: continue
            }
        }
    }

    func execFor(_ loop: For, _ s: Stmt, _ f: Frame) throws -> Flow {
        let iterable = try eval(loop.iter, f)
        let it = try makeIterator(iterable)
        release(iterable)
        f.push(.obj(it), "the for loop's iterator")
        var first = true
        while true {
            if !first { try beginStatement(line: s.range.line, range: s.range, in: f) }
            first = false
            guard let item = try next(it) else {
                // Exhausted: the iterator is popped at the header.
                popIterator(it, f)
                return try execBlock(loop.orelse, f, isFunctionBody: false)
            }
            try assign(loop.target, item, f)
            didRun?(s, f)
            let flow = try execBlock(loop.body, f, isFunctionBody: false)
            switch flow {
            case .breakLoop:
                popIterator(it, f)
                return .normal
            case .returned:
                popIterator(it, f)
                return flow
            default:
                continue
            }
        }
    }

    func popIterator(_ it: Int, _ f: Frame) {
        if let i = f.stack.lastIndex(where: { $0.value == .obj(it) }) {
            f.stack.remove(at: i)
            release(.obj(it))
        }
    }

    // MARK: - def and class

    func makeFunction(name: String, args: Arguments, body: [Stmt], lambdaBody: Expr?, range: SourceRange,
                      tag: Int, _ f: Frame) throws -> Value {
        guard let scope = scopes.scopes[ScopeKey(range: range, tag: tag)] else { throw Abort("no scope") }
        var defaults: [Value] = []
        for d in args.defaults {
            let v = try eval(d, f)
            f.push(v, "a default being evaluated")
            defaults.append(v)
        }
        var kwDefaults: [(String, Value)] = []
        for (a, d) in zip(args.kwonlyargs, args.kwDefaults) {
            guard let d else { continue }
            let v = try eval(d, f)
            f.push(v, "a default being evaluated")
            kwDefaults.append((a.arg, v))
        }
        for _ in 0..<(defaults.count + kwDefaults.count) { _ = f.pop() }
        let prefix: String
        switch f.kind {
        case .module: prefix = ""
        case .classBody: prefix = f.qualname + "."
        case .function, .comprehension: prefix = f.qualname + ".<locals>."
        }
        let qual = prefix + (lambdaBody != nil ? "<lambda>" : name)
        let body = FunctionBody(name: name, args: args, body: body, lambdaBody: lambdaBody, defLine: range.line,
                                range: range, scope: scope)
        let o = newObject(.function, "function")
        o.site = range.line
        o.function = FunctionInfo(def: body, qualname: qual, name: name)
        let line = f.currentLine ?? range.line
        o.defaults = defaults.map { Slot(value: $0, line: line) }
        o.kwDefaults = kwDefaults.map { ($0.0, Slot(value: $0.1, line: line)) }
        for n in scope.freeVars.sorted() {
            guard let c = f.cells[n] else { throw Abort("closure over \(n) not found") }
            retain(.obj(c))
            let cellObj = heap[c]
            // The oracle first sees a cell through the first function that captures it.
            if cellObj.site <= 0 { cellObj.site = range.line; cellObj.siteRange = range; cellObj.visible = true }
            o.closure.append((n, Slot(value: .obj(c), line: line)))
        }
        // A new function's own references cannot close a cycle (nothing refers to it yet).
        return .obj(o.id)
    }

    func execClassDef(_ def: ClassDef, _ s: Stmt, _ f: Frame) throws {
        guard def.decoratorList.isEmpty, def.keywords.isEmpty else { throw Abort("class decorator/keywords") }
        guard let scope = scopes.scopes[ScopeKey(range: s.range, tag: ScopeBuilder.classTag)] else {
            throw Abort("no class scope")
        }
        var bases: [Int] = []
        for b in def.bases {
            let v = try eval(b, f)
            guard let o = heap.object(v), o.kind == .klass else { throw Abort("base class not modelled") }
            bases.append(o.id)
            f.push(v, "a base class")
        }
        guard frames.count < maxCallDepth else { throw Abort("nesting too deep") }
        let prefix: String
        switch f.kind {
        case .module: prefix = ""
        case .classBody: prefix = f.qualname + "."
        case .function, .comprehension: prefix = f.qualname + ".<locals>."
        }
        let cf = Frame(kind: .classBody, qualname: prefix + def.name, scope: scope, depth: frames.count)
        for n in scope.freeVars.sorted() {
            if let c = f.cells[n] { retain(.obj(c)); cf.cells[n] = c }
        }
        frames.append(cf)
        record(.call, s.range.line, cf)
        cf.pendingLine = s.range.line
        let flow = try execBlock(def.body, cf, isFunctionBody: false)
        if case .returned = flow { throw Abort("return in class body") }
        record(.return, cf.pendingLine ?? s.range.line, cf)
        frames.removeLast()
        for (_, c) in cf.cells { release(.obj(c)) }
        for _ in bases { _ = f.pop() }
        // The class takes over the namespace.
        let cls = newObject(.klass, "type")
        cls.site = s.range.line
        cls.siteRange = s.range
        cls.rc += 1   // classes are always cyclic inside the interpreter (MRO, descriptors)
        let line = s.range.line
        for n in cf.boundNames {
            guard let v = cf.unbind(n) else { continue }
            cls.attrNames.append(n)
            cls.attrs[n] = Slot(value: v, line: line)
        }
        cls.classInfo = ClassInfo(name: def.name, qualname: cf.qualname, bases: bases,
                                  hasFinalizer: classLookup(cls.id, "__del__") != nil)
        for b in bases { release(.obj(b)) }
        cls.items = bases.map { Slot(value: .obj($0), line: line) }
        for b in bases { retain(.obj(b)) }
        if cls.classInfo?.hasFinalizer == true {
            // A finalizer runs when an instance dies; one that only prints changes no reference.
            guard let d = classLookup(cls.id, "__del__"), let body = heap.object(d)?.function?.def.body,
                  body.allSatisfy(FinalizerCheck.isHarmless) else { throw Abort("__del__ with effects") }
        }
        try storeName(def.name, .obj(cls.id), f)
    }
}

/// Decides whether a `__del__` body can be ignored: it may only print names, attributes and constants.
enum FinalizerCheck {
    static func isHarmless(_ s: Stmt) -> Bool {
        switch s.kind {
        case .pass: return true
        case .expr(let e):
            if case .constant = e.kind { return true }
            guard case .call(let fn, let args, let kws) = e.kind, case .name("print", _) = fn.kind else { return false }
            return args.allSatisfy { plain($0, 0) } && kws.allSatisfy { plain($0.value, 0) }
        default: return false
        }
    }

    private static func plain(_ e: Expr, _ depth: Int) -> Bool {
        guard depth < 20 else { return false }
        switch e.kind {
        case .constant, .name: return true
        case .attribute(let v, _, _): return plain(v, depth + 1)
        case .joinedStr(let vs): return vs.allSatisfy { plain($0, depth + 1) }
        case .formattedValue(let v, _, let spec): return plain(v, depth + 1) && (spec.map { plain($0, depth + 1) } ?? true)
        default: return false
        }
    }
}
