/// Calls: Python functions (arguments move into the callee's frame; the frame holds its function), bound
/// methods, constructors (`type.__call__` holds the instance, the looked-up `__init__`, and the arguments
/// twice: args tuple and caller stack), comprehensions (a frame of their own in 3.11, holding the
/// iterator), and the dispatch to builtins.

extension Interpreter {
    func evalCall(_ fn: Expr, _ args: [Expr], _ keywords: [Keyword], _ f: Frame) throws -> Value {
        // obj.method(...) without a bound method object (LOAD_METHOD).
        if case .attribute(let recvExpr, let attr, _) = fn.kind {
            let recv = try eval(recvExpr, f)
            f.push(recv, "the receiver")
            if let p = heap.object(recv), p.kind == .instance,
               p.attrs[attr] == nil, let cls = p.classRef?.value.objectID,
               let m = classLookup(cls, attr), let mo = heap.object(m), mo.kind == .function {
                retain(m)
                f.push(m, "the method")
                let (pos, kw) = try evalArguments(args, keywords, f)
                // Arguments, self and the function move into the callee.
                for _ in 0..<(pos.count + kw.count + 2) { _ = f.pop() }
                return try callFunction(m, [recv] + pos, kw, f)
            }
            // staticmethod/classmethod through an instance or the class: LOAD_METHOD falls back to
            // getattr (the descriptor's __get__), drops the receiver and calls what it got.
            if let p = heap.object(recv), p.kind == .instance || p.kind == .klass,
               p.kind == .klass || p.attrs[attr] == nil,
               let cls = p.kind == .klass ? p.id : p.classRef?.value.objectID,
               let d = classLookup(cls, attr), heap.object(d)?.kind == .descriptor {
                let callee = try loadAttribute(recv, attr, f)
                _ = f.pop()
                release(recv)
                f.push(callee, "the callable")
                let (pos, kw) = try evalArguments(args, keywords, f)
                for _ in 0..<(pos.count + kw.count + 1) { _ = f.pop() }
                if let m = heap.object(callee), m.kind == .method, m.items.count == 2 {
                    let fnv = m.items[0].value, selfv = m.items[1].value
                    retain(fnv); retain(selfv)
                    release(callee)
                    return try callFunction(fnv, [selfv] + pos, kw, f)
                }
                return try callFunction(callee, pos, kw, f)
            }
            // An instance attribute holding a callable, or a function looked up on a class: LOAD_METHOD
            // pushes the plain value and drops the receiver.
            if let p = heap.object(recv), let v = plainCallable(p, attr), let fo = heap.object(v), fo.kind == .function {
                retain(v)
                _ = f.pop()
                release(recv)
                f.push(v, "the callable")
                let (pos, kw) = try evalArguments(args, keywords, f)
                for _ in 0..<(pos.count + kw.count + 1) { _ = f.pop() }
                return try callFunction(v, pos, kw, f)
            }
            let (pos, kw) = try evalArguments(args, keywords, f)
            let result = try callMethod(recv, attr, pos, kw, f)
            for _ in 0..<(pos.count + kw.count) { _ = f.pop() }
            _ = f.pop()
            for v in pos { release(v) }
            for (_, v) in kw { release(v) }
            release(recv)
            return result
        }
        let callee = try eval(fn, f)
        f.push(callee, "the callable")
        let (pos, kw) = try evalArguments(args, keywords, f)
        if let o = heap.object(callee) {
            switch o.kind {
            case .function:
                for _ in 0..<(pos.count + kw.count + 1) { _ = f.pop() }
                return try callFunction(callee, pos, kw, f)
            case .method:
                guard o.items.count == 2 else { throw Abort("broken method") }
                let fnv = o.items[0].value, selfv = o.items[1].value
                retain(fnv); retain(selfv)
                for _ in 0..<(pos.count + kw.count + 1) { _ = f.pop() }
                release(callee)
                return try callFunction(fnv, [selfv] + pos, kw, f)
            case .klass:
                let r = try construct(o, pos, kw, f)
                for _ in 0..<(pos.count + kw.count + 1) { _ = f.pop() }
                for v in pos { release(v) }
                for (_, v) in kw { release(v) }
                release(callee)
                return r
            case .weakref:
                guard pos.isEmpty, kw.isEmpty else { throw Abort("weakref call args") }
                for _ in 0..<1 { _ = f.pop() }
                var r = Value.none
                if let t = o.weakTarget, heap[t].tainted || o.tainted { release(callee); return unknownProgramValue() }
                if let t = o.weakTarget, heap[t].alive { r = .obj(t); retain(r) }
                release(callee)
                return r
            default:
                break
            }
        }
        let result: Value
        if case .atom(.builtin(let name)) = callee {
            result = try callBuiltin(name, pos, kw, f)
        } else {
            result = try callUnknown(pos, kw)
        }
        for _ in 0..<(pos.count + kw.count + 1) { _ = f.pop() }
        for v in pos { release(v) }
        for (_, v) in kw { release(v) }
        release(callee)
        return result
    }

    /// `recv.attr` when it is called without binding: an instance's own attribute, or a class's function.
    func plainCallable(_ p: PyObj, _ attr: String) -> Value? {
        if p.kind == .instance { return p.attrs[attr]?.value }
        if p.kind == .klass { return classLookup(p.id, attr) }
        return nil
    }

    /// Evaluates call arguments left to right, each pushed on the caller's stack (they stay there: the
    /// caller pops them).
    func evalArguments(_ args: [Expr], _ keywords: [Keyword], _ f: Frame) throws -> ([Value], [(String, Value)]) {
        var pos: [Value] = []
        for a in args {
            if case .starred = a.kind { throw Abort("*args call") }
            let v = try eval(a, f)
            f.push(v, "an argument")
            pos.append(v)
        }
        var kw: [(String, Value)] = []
        for k in keywords {
            guard let name = k.arg else { throw Abort("**kwargs call") }
            let v = try eval(k.value, f)
            f.push(v, "an argument")
            kw.append((name, v))
        }
        return (pos, kw)
    }

    /// Code we do not model: it may keep or drop references to what it is given.
    func callUnknown(_ pos: [Value], _ kw: [(String, Value)]) throws -> Value {
        // An unknown value can be the program's code only once the program's objects may have reached
        // unknown code (unknownMayBeProgramObject). In a function run on its own, code reached that way
        // finds only tainted objects and what it is given (tainted below): it is not refused.
        if !standalone {
            for v in pos + kw.map(\.1) {
                if heap.reachesCode(v, unknownMayBeCode: unknownMayBeProgramObject) { throw Abort("program objects passed to unknown code") }
            }
        }
        for v in pos + kw.map(\.1) {
            guard let o = heap.object(v) else { continue }
            // Unknown code may return its argument itself (math.floor(n) is n): no value keeps its count.
            heap.taint(v)
            // It may change what it is given; an unknown value holds none of the program's objects.
            if o.kind != .str, o.kind != .int, o.kind != .float, o.kind != .unknown { heapTainted = true }
        }
        return unknownValue("object")
    }

    /// Calls a Python function. `fnValue`, `pos` and `kw` are owned and move into the new frame.
    func callFunction(_ fnValue: Value, _ pos: [Value], _ kw: [(String, Value)], _ caller: Frame) throws -> Value {
        guard let fo = heap.object(fnValue), let info = fo.function else { throw Abort("not a function") }
        if standalone {
            // Inside a function analysed on its own, calls are not followed: the callee's facts describe
            // the program's real calls only.
            // The callee may change what it is given and what its closure cells hold.
            for v in pos + kw.map(\.1) { heap.taint(v) }
            heap.taint(fnValue)
            return unknownValue("object")
        }
        let def = info.def
        if def.scope.isGenerator { throw Abort("generator or coroutine") }
        guard frames.count < maxCallDepth else { throw Abort("call depth") }
        let frame = Frame(kind: .function, qualname: info.qualname, scope: def.scope, depth: frames.count)
        frame.function = fnValue
        // Bind parameters.
        let params = def.args.posonlyargs + def.args.args
        guard pos.count <= params.count || def.args.vararg != nil else { throw Abort("too many arguments") }
        var bound: [String: Value] = [:]
        for (p, v) in zip(params, pos) { bound[p.arg] = v }
        var extraKeywords: [(String, Value)] = []
        for (name, v) in kw {
            guard params.contains(where: { $0.arg == name }) || def.args.kwonlyargs.contains(where: { $0.arg == name }) else {
                guard def.args.kwarg != nil else { throw Abort("bad keyword argument \(name)") }
                extraKeywords.append((name, v))
                continue
            }
            guard bound[name] == nil else { throw Abort("argument \(name) given twice") }
            bound[name] = v
        }
        // *args: the extra positional arguments move into a new tuple (the shared () when none).
        if let va = def.args.vararg {
            let extra = Array(pos.dropFirst(params.count))
            if extra.isEmpty {
                bound[va.arg] = .atom(.tuple([]))
            } else {
                let t = newObject(.tuple, "tuple")
                t.items = extra.map { Slot(value: $0, line: def.defLine) }
                bound[va.arg] = .obj(t.id)
            }
        }
        // **kwargs: a new dict of the extra keyword arguments, every call.
        if let ka = def.args.kwarg {
            let d = newObject(.dict, "dict")
            for (name, v) in extraKeywords { try dictSet(d, .atom(.str(name)), v, caller) }
            bound[ka.arg] = .obj(d.id)
        }
        let firstDefault = params.count - fo.defaults.count
        for (i, p) in params.enumerated() where bound[p.arg] == nil {
            guard i >= firstDefault else { throw Abort("missing argument \(p.arg)") }
            let d = fo.defaults[i - firstDefault].value
            retain(d)
            bound[p.arg] = d
        }
        for p in def.args.kwonlyargs where bound[p.arg] == nil {
            guard let d = fo.kwDefaults.first(where: { $0.0 == p.arg })?.1.value else {
                throw Abort("missing keyword-only argument")
            }
            retain(d)
            bound[p.arg] = d
        }
        // Cells for captured locals, shared cells for free variables.
        for n in def.scope.cellVars.sorted() {
            let c = newObject(.cell, "cell", visible: false)
            c.site = -1
            frame.cells[n] = c.id
            frame.cellOrder.append(n)
            if let v = bound.removeValue(forKey: n) { c.items = [Slot(value: v, line: def.defLine)] }
        }
        for (n, s) in fo.closure {
            retain(s.value)
            if case .obj(let c) = s.value { frame.cells[n] = c; frame.cellOrder.append(n) }
        }
        var order = params
        if let va = def.args.vararg { order.append(va) }
        order += def.args.kwonlyargs
        if let ka = def.args.kwarg { order.append(ka) }
        for p in order {
            if let v = bound[p.arg] { _ = frame.bind(p.arg, v) }
        }
        graphVersion += 1
        frames.append(frame)
        record(.call, def.defLine, frame)
        calledDefinitions.insert(def.range)
        didEnter?(def, frame)
        var result: Value = .none
        if let lambdaBody = def.lambdaBody {
            try beginStatement(line: lambdaBody.range.line, range: lambdaBody.range, in: frame)
            frame.pendingLine = def.defLine
            result = try eval(lambdaBody, frame)
        } else {
            let flow = try execBlock(def.body, frame, isFunctionBody: true)
            if case .returned(let v) = flow { result = v }
        }
        frame.push(result, "the return value in flight")
        record(.return, frame.pendingLine ?? def.defLine, frame)
        _ = frame.pop()
        try leave(frame)
        return result
    }

    /// Pops a finished frame, dropping everything it held.
    func leave(_ frame: Frame) throws {
        frames.removeLast()
        for n in frame.boundNames { if let v = frame.unbind(n) { release(v) } }
        for n in frame.cellOrder { if let c = frame.cells[n] { release(.obj(c)) } }
        frame.cells = [:]
        while let v = frame.pop() { release(v) }
        if let fn = frame.function { frame.function = nil; release(fn) }
    }

    /// `C(args)`: type.__call__ with object.__new__ and the class's __init__.
    func construct(_ cls: PyObj, _ pos: [Value], _ kw: [(String, Value)], _ f: Frame) throws -> Value {
        if classLookup(cls.id, "__new__") != nil { throw Abort("__new__") }
        // The args tuple (and, with keywords, the kwargs dict and its unpacked copy) hold the arguments.
        var held: [Value] = []
        for v in pos { retain(v); f.push(v, "the args tuple of \(cls.classInfo?.name ?? "?")(...)"); held.append(v) }
        for (_, v) in kw { retain(v); f.push(v, "the kwargs dict of \(cls.classInfo?.name ?? "?")(...)"); held.append(v) }
        let inst = newObject(.instance, cls.classInfo?.name ?? "object")
        inst.classRef = Slot(value: .obj(cls.id), line: f.currentLine ?? 0)
        retain(.obj(cls.id))
        // With keywords, __init__ is called through a copy of (self, *args, *kwvalues) (_PyStack_UnpackDict).
        if !kw.isEmpty, classLookup(cls.id, "__init__") != nil {
            for v in [.obj(inst.id)] + pos + kw.map(\.1) {
                retain(v); f.push(v, "the unpacked arguments of __init__"); held.append(v)
            }
        }
        f.push(.obj(inst.id), "type.__call__ holds the new instance")
        if let initFn = classLookup(cls.id, "__init__") {
            guard let io = heap.object(initFn), io.kind == .function else { throw Abort("__init__ not a function") }
            retain(initFn)
            f.push(initFn, "type.__call__ holds __init__")
            retain(initFn)   // the frame's own reference
            retain(.obj(inst.id))
            for v in pos { retain(v) }
            for (_, v) in kw { retain(v) }
            let r = try callFunction(initFn, [.obj(inst.id)] + pos, kw, f)
            if r != .none { throw Abort("__init__ returned a value") }
            _ = f.pop()
            release(initFn)
        } else if !pos.isEmpty || !kw.isEmpty {
            throw Abort("arguments to a class without __init__")
        }
        _ = f.pop()   // the instance: ownership goes to the caller
        for v in held.reversed() { _ = f.pop(); release(v) }
        return .obj(inst.id)
    }

    /// Looks an attribute up on a class and its bases (no new reference).
    func classLookup(_ cls: Int, _ name: String, depth: Int = 0) -> Value? {
        guard heap.objects.indices.contains(cls), depth < 50 else { return nil }
        let c = heap[cls]
        if let s = c.attrs[name] { return s.value }
        for b in c.classInfo?.bases ?? [] {
            if let v = classLookup(b, name, depth: depth + 1) { return v }
        }
        return nil
    }

    // MARK: - Comprehensions

    func evalComprehension(_ e: Expr, _ f: Frame) throws -> Value {
        let gens: [Comprehension]
        let kind: ObjKind
        let name: String
        switch e.kind {
        case .listComp(_, let g): gens = g; kind = .list; name = "<listcomp>"
        case .setComp(_, let g): gens = g; kind = .set; name = "<setcomp>"
        case .dictComp(_, _, let g): gens = g; kind = .dict; name = "<dictcomp>"
        default: throw Abort("comprehension")
        }
        guard let scope = scopes.scopes[ScopeKey(range: e.range, tag: ScopeBuilder.compTag)], !gens.isEmpty else {
            throw Abort("no comprehension scope")
        }
        if gens.contains(where: \.isAsync) { throw Abort("async comprehension") }
        guard frames.count < maxCallDepth else { throw Abort("call depth") }
        let first = try eval(gens[0].iter, f)
        if isUnknown(first) || isStale(first) {
            defer { release(first) }
            return try genericComprehension(e, kind, first, f)
        }
        let it = try makeIterator(first)
        release(first)
        let prefix: String
        switch f.kind {
        case .module, .classBody: prefix = ""
        case .function, .comprehension: prefix = f.qualname + ".<locals>."
        }
        let frame = Frame(kind: .comprehension, qualname: prefix + name, scope: scope, depth: frames.count)
        for n in scope.freeVars.sorted() {
            if let c = f.cells[n] { retain(.obj(c)); frame.cells[n] = c; frame.cellOrder.append(n) }
        }
        for n in scope.cellVars.sorted() {
            let c = newObject(.cell, "cell", visible: false); c.site = -1
            frame.cells[n] = c.id; frame.cellOrder.append(n)
        }
        frame.push(.obj(it), "the comprehension's iterator (.0)")
        frames.append(frame)
        record(.call, e.range.line, frame)
        try beginStatement(line: e.range.line, range: e.range, in: frame)
        let result = newObject(kind, kind == .list ? "list" : kind == .set ? "set" : "dict")
        result.exprRange = e.range
        frame.push(.obj(result.id), "the \(name) result being built")
        try runGenerators(e, gens, 0, it, result, frame)
        // The result is in flight at the return event.
        record(.return, frame.pendingLine ?? e.range.line, frame)
        _ = frame.pop()
        try leave(frame)
        return .obj(result.id)
    }

    private func runGenerators(_ e: Expr, _ gens: [Comprehension], _ level: Int, _ it: Int, _ result: PyObj,
                               _ f: Frame) throws {
        let g = gens[level]
        while let item = try next(it) {
            steps += 1
            if steps > maxSteps { throw Abort(Abort.budget) }
            try assign(g.target, item, f)
            var keep = true
            for cond in g.ifs {
                let c = try eval(cond, f)
                let t = try truthValue(c)
                release(c)
                if !t { keep = false; break }
            }
            guard keep else { continue }
            if level + 1 < gens.count {
                let inner = try eval(gens[level + 1].iter, f)
                let innerIt = try makeIterator(inner)
                release(inner)
                f.push(.obj(innerIt), "an inner iterator")
                try runGenerators(e, gens, level + 1, innerIt, result, f)
                popIterator(innerIt, f)
                continue
            }
            switch e.kind {
            case .listComp(let elt, _):
                let v = try eval(elt, f)
                result.items.append(Slot(value: v, line: f.currentLine ?? 0))
                graphVersion += 1
            case .setComp(let elt, _):
                let v = try eval(elt, f)
                try setAdd(result, v, f)
                release(v)
            case .dictComp(let k, let v, _):
                let kv = try eval(k, f)
                f.push(kv, "a key")
                let vv = try eval(v, f)
                _ = f.pop()
                try dictSet(result, kv, vv, f)
                release(kv)
            default: break
            }
        }
    }
}
