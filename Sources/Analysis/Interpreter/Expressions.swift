/// Expression evaluation. Every `eval` returns an owned reference (CPython's stack entry); operands that
/// stay pending while a later operand is evaluated are pushed on the frame's stack, so a nested call sees
/// them as references, as it does in CPython.

extension Interpreter {
    func eval(_ e: Expr, _ f: Frame) throws -> Value {
        steps += 1
        if steps > maxSteps { throw Abort(Abort.budget) }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > maxNesting || !stackGuard.hasRoom { throw Abort("expression nested too deeply") }
        if let c = ConstantFolder.fold(e) {
            if case .str(let s) = c { stringConstantsSeen.insert(s) }
            return .atom(c)
        }
        switch e.kind {
        case .constant(let c, _):
            return .atom(ConstantFolder.atom(c))
        case .name(let id, _):
            return try loadName(id, f)
        case .list(let elts, _):
            let items = try evalElements(elts, f)
            let o = newObject(.list, "list")
            o.items = items.map { Slot(value: $0, line: f.currentLine ?? 0) }
            o.exprRange = e.range
            return .obj(o.id)
        case .tuple(let elts, _):
            let items = try evalElements(elts, f)
            if items.isEmpty { return .atom(.tuple([])) }
            let o = newObject(.tuple, "tuple")
            o.items = items.map { Slot(value: $0, line: f.currentLine ?? 0) }
            o.exprRange = e.range
            return .obj(o.id)
        case .set(let elts):
            let items = try evalElements(elts, f)
            let o = newObject(.set, "set")
            o.exprRange = e.range
            for v in items { try setAdd(o, v, f); release(v) }
            return .obj(o.id)
        case .dict(let keys, let values):
            let o = newObject(.dict, "dict")
            o.exprRange = e.range
            f.push(.obj(o.id), "the dict being built")
            for (k, v) in zip(keys, values) {
                if let k {
                    let kv = try eval(k, f)
                    f.push(kv, "a key")
                    let vv = try eval(v, f)
                    _ = f.pop()
                    try dictSet(o, kv, vv, f)
                    release(kv)
                } else {
                    let other = try eval(v, f)
                    try dictUpdate(o, other, f)
                    release(other)
                }
            }
            _ = f.pop()
            return .obj(o.id)
        case .binOp(let l, let op, let r):
            let a = try eval(l, f)
            f.push(a, "the left operand")
            let b = try eval(r, f)
            _ = f.pop()
            let v = try binary(op, a, b, inPlace: false, f)
            release(a); release(b)
            return v
        case .unaryOp(let op, let operand):
            let a = try eval(operand, f)
            defer { release(a) }
            return try unary(op, a)
        case .boolOp(let op, let values):
            guard let firstValue = values.first else { throw Abort("empty boolean operation") }
            var result = try eval(firstValue, f)
            for next in values.dropFirst() {
                let t = try truthValue(result)
                if (op == .and && !t) || (op == .or && t) { return result }
                release(result)
                result = try eval(next, f)
            }
            return result
        case .compare(let left, let ops, let comparators):
            var a = try eval(left, f)
            var result = true
            for (op, c) in zip(ops, comparators) {
                f.push(a, "the left operand")
                let b = try eval(c, f)
                _ = f.pop()
                if isUnknown(a) || isUnknown(b) {
                    // `is` runs no code; any other comparison runs the unknown value's method, which may
                    // keep what it is given.
                    defer { release(a); release(b) }
                    if op == .is || op == .isNot { return unknownValue("bool") }
                    release(try callUnknown([a, b], []))
                    return unknownValue("bool")
                }
                let r = try compare(op, a, b)
                release(a)
                a = b
                if !r { result = false; break }
            }
            release(a)
            return .atom(.bool(result))
        case .ifExp(let test, let body, let orelse):
            let t = try eval(test, f)
            let truth = try truthValue(t)
            release(t)
            return try eval(truth ? body : orelse, f)
        case .attribute(let obj, let attr, _):
            let o = try eval(obj, f)
            f.push(o, "the object")
            let v = try loadAttribute(o, attr, f)
            _ = f.pop()
            release(o)
            return v
        case .subscript(let container, let index, _):
            let c = try eval(container, f)
            f.push(c, "the container")
            let k = try eval(index, f)
            f.push(k, "the key")
            let v = try loadItem(c, k, f)
            _ = f.pop(); _ = f.pop()
            release(c); release(k)
            return v
        case .slice(let lo, let hi, let st):
            // Only reached inside a subscript: represented as a tuple-like atom of bounds.
            func bound(_ x: Expr?) throws -> Atom {
                guard let x else { return .none }
                let v = try eval(x, f)
                defer { release(v) }
                guard let s = scalar(v) else { throw Abort("slice bound") }
                return s
            }
            return .atom(.tuple([.str("<slice>"), try bound(lo), try bound(hi), try bound(st)]))
        case .call(let fn, let args, let keywords):
            return try evalCall(fn, args, keywords, f)
        case .lambda(let args, let body):
            return try makeFunction(name: "<lambda>", args: args, body: [], lambdaBody: body, range: e.range,
                                    tag: ScopeBuilder.lambdaTag, f)
        case .listComp, .setComp, .dictComp:
            return try evalComprehension(e, f)
        case .joinedStr(let values):
            for v in values {
                if case .formattedValue(let inner, let conversion, let spec) = v.kind {
                    let x = try eval(inner, f)
                    f.push(x, "the value being formatted")
                    if let spec { release(try eval(spec, f)) }
                    if let o = heap.object(x), o.kind == .instance {
                        guard spec == nil, let cls = o.classRef?.value.objectID, classLookup(cls, "__format__") == nil else {
                            throw Abort("formatting an instance with a spec or __format__")
                        }
                        if conversion == -1 {
                            // object.__format__ holds the value once more while it calls str().
                            retain(x); f.push(x, "object.__format__")
                            try stringify(x, .str, f)
                            if let y = f.pop() { release(y) }
                        } else {
                            try stringify(x, conversion == 114 ? .repr : .str, f)
                        }
                    } else {
                        try requireNoUserCode(x, method: "__format__")
                        // f"{s}" of a str is s itself: the result may alias the value.
                        heap.taint(x)
                    }
                    _ = f.pop()
                    release(x)
                }
            }
            return unknownValue("str")
        case .namedExpr(let target, let value):
            // In a comprehension `:=` binds in the enclosing function or module (PEP 572): not modelled.
            if f.kind == .comprehension { throw Abort("assignment expression in a comprehension") }
            let v = try eval(value, f)
            retain(v)
            try assign(target, v, f)
            return v
        default:
            throw Abort("expression outside the subset at line \(e.range.line)")
        }
    }

    /// Evaluates display elements left to right, each held on the stack while the next one runs; starred
    /// elements are unpacked. Returns owned references (already popped).
    func evalElements(_ elts: [Expr], _ f: Frame) throws -> [Value] {
        var out: [Value] = []
        for x in elts {
            if case .starred(let inner, _) = x.kind {
                let v = try eval(inner, f)
                let items = try iterateAll(v)
                release(v)
                for i in items { f.push(i, "a display element"); out.append(i) }
            } else {
                let v = try eval(x, f)
                f.push(v, "a display element")
                out.append(v)
            }
        }
        for _ in out { _ = f.pop() }
        return out
    }

    /// A value whose content the analysis does not know (it may still know it is shared, not counted).
    func isUnknown(_ v: Value) -> Bool {
        if case .atom(.foreign) = v { return true }
        return heap.object(v)?.kind == .unknown
    }

    func unknownValue(_ typeName: String) -> Value {
        unknownValuesMade += 1
        let o = newObject(.unknown, typeName)
        o.tainted = true
        return .obj(o.id)
    }

    /// The scalar value of an atom or a runtime int/str/float.
    func scalar(_ v: Value) -> Atom? {
        switch v {
        case .atom(let a): return a
        case .obj(let id):
            let o = heap[id]
            if o.kind == .tuple {
                var parts: [Atom] = []
                for s in o.items { guard let a = scalar(s.value) else { return nil }; parts.append(a) }
                return .tuple(parts)
            }
            return o.scalar
        }
    }

    /// The truth of a condition. When the analysis cannot know it (an unknown or tainted value), the
    /// run's plan decides (PathChoices.swift); past the plan, or when `mayFork` is false (a `while` test:
    /// forking every iteration never ends), the statement is given up as before.
    func truthValue(_ v: Value, mayFork: Bool = true) throws -> Bool {
        if isStale(v) { return try undecided("condition on a tainted object", mayFork) }
        switch v {
        case .atom(let a):
            if let t = a.truth { return t }
            return try undecided("truth of a foreign value", mayFork)
        case .obj(let id):
            let o = heap[id]
            switch o.kind {
            case .list, .tuple, .set, .frozenset: return !o.items.isEmpty
            case .dict: return !o.keys.isEmpty
            case .str, .int, .float:
                if let t = o.scalar?.truth { return t }
                return try undecided("truth of unknown scalar", mayFork)
            case .function, .klass, .method, .weakref, .cell, .iterator, .descriptor: return true
            case .range:
                if let r = o.rangeValue { return rangeLength(r) > 0 }
                return true
            case .instance:
                if classLookup(o.classRef?.value.objectID ?? -1, "__bool__") != nil
                    || classLookup(o.classRef?.value.objectID ?? -1, "__len__") != nil {
                    throw Abort("__bool__/__len__")
                }
                return true
            case .dictView:
                return !(heap.object(o.items.first?.value ?? .none)?.keys.isEmpty ?? true)
            case .unknown:
                return try undecided("condition on an unknown value", mayFork)
            }
        }
    }

    /// A condition the analysis cannot decide: the plan's next choice, or give up on the statement.
    private func undecided(_ reason: String, _ mayFork: Bool) throws -> Bool {
        if mayFork, let choice = choices.next(line: allocationSite.0, steps: steps) { return choice }
        throw Abort(reason)
    }

    /// Makes a runtime int: small ints are shared, others are fresh heap objects.
    func makeInt(_ n: Int) -> Value {
        if n >= -5 && n <= 256 { return .atom(.int(n)) }
        let o = newObject(.int, "int")
        o.scalar = .int(n)
        return .obj(o.id)
    }

    func makeFloat(_ d: Double) -> Value {
        let o = newObject(.float, "float")
        o.scalar = .float(d)
        return .obj(o.id)
    }

    /// Makes a runtime str: empty and one-character (latin-1) strings are shared.
    func makeStr(_ s: String) -> Value {
        if s.isEmpty { return .atom(.str("")) }
        if s.unicodeScalars.count == 1, let u = s.unicodeScalars.first, u.value < 256 { return .atom(.str(s)) }
        let o = newObject(.str, "str")
        o.scalar = .str(s)
        return .obj(o.id)
    }

    /// A str object made at run time by code that does not use the one-character cache.
    func makeFreshStr(_ s: String) -> Value {
        if s.isEmpty { return .atom(.str("")) }
        let o = newObject(.str, "str")
        o.scalar = .str(s)
        return .obj(o.id)
    }

    /// Refuses values whose class would run Python code for the given special method.
    func requireNoUserCode(_ v: Value, method: String) throws {
        guard let o = heap.object(v) else { return }
        if o.kind == .instance, let c = o.classRef?.value.objectID {
            for m in [method, "__str__", "__repr__"] where classLookup(c, m) != nil {
                throw Abort("user-defined \(m)")
            }
        }
        if o.kind == .unknown { return }
        if o.kind == .list || o.kind == .tuple || o.kind == .dict || o.kind == .set {
            for s in o.items { try requireNoUserCode(s.value, method: method) }
            for s in o.values { try requireNoUserCode(s.value, method: method) }
        }
    }
}

/// The compiler's constant folding (CPython's AST optimiser): literals and operations on literals become
/// code constants, shared with the code object and never counted.
enum ConstantFolder {
    static func atom(_ c: Constant) -> Atom {
        switch c {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .ellipsis: return .ellipsis
        case .int(let i): return .int(i)
        case .bigInt(let d): return .bigInt(d)
        case .float(let d): return .float(d)
        case .complex(let d): return .complex(d)
        case .str(let s): return .str(s)
        case .strScalars(let s): return .str(s.map(String.init).joined())
        case .bytes(let b): return .bytes(b)
        }
    }

    static func fold(_ e: Expr, depth: Int = 0) -> Atom? {
        guard depth < 50 else { return nil }
        switch e.kind {
        case .constant(let c, _): return atom(c)
        case .tuple(let elts, let ctx):
            guard ctx == .load else { return nil }
            var parts: [Atom] = []
            for x in elts { guard let a = fold(x, depth: depth + 1) else { return nil }; parts.append(a) }
            return .tuple(parts)
        case .unaryOp(let op, let operand):
            guard let a = fold(operand, depth: depth + 1) else { return nil }
            switch (op, a) {
            case (.uSub, .int(let i)): return i == Int.min ? nil : .int(-i)
            case (.uSub, .float(let d)): return .float(-d)
            case (.uAdd, .int), (.uAdd, .float): return a
            case (.invert, .int(let i)): return .int(~i)
            case (.not, _): return a.truth.map { .bool(!$0) }
            default: return nil
            }
        case .binOp(let l, let op, let r):
            guard let a = fold(l, depth: depth + 1), let b = fold(r, depth: depth + 1) else { return nil }
            return foldBinary(op, a, b)
        default: return nil
        }
    }

    static func foldBinary(_ op: Operator, _ a: Atom, _ b: Atom) -> Atom? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            func bits(_ v: Int) -> Int { v == 0 ? 0 : Int.bitWidth - v.magnitude.leadingZeroBitCount }
            switch op {
            case .add: let (r, o) = x.addingReportingOverflow(y); return o ? .bigInt("<big>") : .int(r)
            case .sub: let (r, o) = x.subtractingReportingOverflow(y); return o ? .bigInt("<big>") : .int(r)
            case .mult:
                let (r, o) = x.multipliedReportingOverflow(by: y)
                return o ? (bits(x) + bits(y) <= 128 ? .bigInt("<big>") : nil) : .int(r)
            case .floorDiv:
                guard y != 0 else { return nil }
                var q = x / y; if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }; return .int(q)
            case .mod:
                guard y != 0 else { return nil }
                var m = x % y; if m != 0 && ((m < 0) != (y < 0)) { m += y }; return .int(m)
            case .pow:
                guard y >= 0 else { return nil }
                var r = 1
                for _ in 0..<min(y, 200) {
                    let (p, o) = r.multipliedReportingOverflow(by: x)
                    if o { return bits(x) * y <= 128 ? .bigInt("<big>") : nil }
                    r = p
                }
                return .int(r)
            case .lShift: return (y >= 0 && y < 62 && abs(x) < (1 << (62 - y))) ? .int(x << y) : nil
            case .rShift: return y >= 0 ? .int(x >> min(y, 63)) : nil
            case .bitAnd: return .int(x & y)
            case .bitOr: return .int(x | y)
            case .bitXor: return .int(x ^ y)
            case .div: return y == 0 ? nil : .float(Double(x) / Double(y))
            default: return nil
            }
        case (.str(let x), .str(let y)) where op == .add:
            return x.unicodeScalars.count + y.unicodeScalars.count <= 4096 ? .str(x + y) : nil
        case (.str(let x), .int(let n)) where op == .mult:
            return n >= 0 && x.unicodeScalars.count * n <= 4096 ? .str(String(repeating: x, count: n)) : nil
        case (.int(let n), .str(let x)) where op == .mult:
            return n >= 0 && x.unicodeScalars.count * n <= 4096 ? .str(String(repeating: x, count: n)) : nil
        case (.float(let x), .float(let y)):
            return foldFloat(op, x, y)
        case (.float(let x), .int(let y)):
            return foldFloat(op, x, Double(y))
        case (.int(let x), .float(let y)):
            return foldFloat(op, Double(x), y)
        case (.tuple(let x), .tuple(let y)) where op == .add:
            return .tuple(x + y)
        case (.tuple(let x), .int(let n)) where op == .mult:
            return foldRepeat(x, n)
        case (.int(let n), .tuple(let x)) where op == .mult:
            return foldRepeat(x, n)
        default: return nil
        }
    }
}
