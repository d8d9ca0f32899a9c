/// Operations on values: attributes, subscripts, dict/set insertion, arithmetic and comparisons, with
/// CPython's object identity rules (which results are fresh objects, which are shared).

extension Interpreter {
    // MARK: - Attributes

    /// An unmodelled function of `gc` or `sys` (gc.get_referrers, gc.get_objects, sys._getframe, ...) can
    /// reach any object: no count stays exact.
    func introspectionReaches(module m: String, attribute: String? = nil) {
        guard m == "gc" || m == "sys" else { return }
        if let attribute, Self.harmlessIntrospection.contains(m + "." + attribute) { return }
        for o in heap.objects where o.alive { o.tainted = true }
        heapTainted = true
        anyUnknownMayBeProgramObject = true
    }

    /// Values and functions of `sys` and `gc` that reach none of the program's objects.
    static let harmlessIntrospection: Set<String> = [
        "sys.argv", "sys.version", "sys.version_info", "sys.hexversion", "sys.platform", "sys.maxsize",
        "sys.maxunicode", "sys.byteorder", "sys.executable", "sys.implementation", "sys.float_info",
        "sys.int_info", "sys.flags", "sys.prefix", "sys.base_prefix", "sys.exec_prefix", "sys.api_version",
        "sys.getrecursionlimit", "sys.getdefaultencoding", "sys.getfilesystemencoding", "sys.copyright",
        "gc.isenabled", "gc.get_count", "gc.get_threshold", "gc.get_debug", "gc.get_stats",
    ]

    func loadAttribute(_ o: Value, _ attr: String, _ f: Frame) throws -> Value {
        if case .atom(.module(let m)) = o {
            let name = m + "." + attr
            if Builtins.moduleFunctions.contains(name) { return .atom(.builtin(name)) }
            introspectionReaches(module: m, attribute: attr)
            // `__main__` is the program itself.
            return m == "__main__" ? unknownProgramValue() : unknownValue("object")
        }
        if attr == "__class__" {
            if let p = heap.object(o), p.kind == .instance, let c = p.classRef?.value { retain(c); return c }
            if let p = heap.object(o), p.kind == .unknown { return unknownValue("type") }
            return .atom(.builtin(typeName(of: o)))
        }
        if attr == "__name__" {
            if case .atom(.builtin(let n)) = o { return .atom(.str(n)) }
            if let p = heap.object(o), p.kind == .klass, let n = p.classInfo?.name { return .atom(.str(n)) }
        }
        guard let p = heap.object(o) else { throw Abort("attribute of a constant") }
        switch p.kind {
        case .instance:
            if p.tainted, p.attrs[attr] != nil { return taintedRead(o) }
            if let s = p.attrs[attr] { retain(s.value); return s.value }
            guard let cls = p.classRef?.value.objectID, let v = classLookup(cls, attr) else {
                throw Abort("attribute \(attr) not found")
            }
            if let d = heap.object(v), d.kind == .descriptor { return try unwrapDescriptor(d, cls, f) }
            if let fo = heap.object(v), fo.kind == .function {
                let m = newObject(.method, "method")
                retain(v); retain(o)
                m.items = [Slot(value: v, line: f.currentLine ?? 0), Slot(value: o, line: f.currentLine ?? 0)]
                return .obj(m.id)
            }
            if let x = heap.object(v), x.kind == .unknown { throw Abort("descriptor?") }
            retain(v)
            return v
        case .klass:
            guard let v = classLookup(p.id, attr) else { throw Abort("class attribute \(attr) not found") }
            if let d = heap.object(v), d.kind == .descriptor { return try unwrapDescriptor(d, p.id, f) }
            retain(v)
            return v
        case .unknown:
            return unknownDerived(from: p.id)
        case .method:
            if attr == "__self__", p.items.count == 2 { retain(p.items[1].value); return p.items[1].value }
            if attr == "__func__", p.items.count == 2 { retain(p.items[0].value); return p.items[0].value }
            throw Abort("method attribute")
        default:
            throw Abort("attribute \(attr) of \(p.typeName)")
        }
    }

    /// `staticmethod.__get__` gives the function; `classmethod.__get__` a method bound to the class.
    func unwrapDescriptor(_ d: PyObj, _ cls: Int, _ f: Frame) throws -> Value {
        guard let fn = d.items.first?.value else { throw Abort("empty descriptor") }
        retain(fn)
        if d.typeName == "staticmethod" { return fn }
        let m = newObject(.method, "method")
        retain(.obj(cls))
        m.items = [Slot(value: fn, line: f.currentLine ?? 0), Slot(value: .obj(cls), line: f.currentLine ?? 0)]
        return .obj(m.id)
    }

    func storeAttribute(_ o: Value, _ attr: String, _ v: Value, _ f: Frame) throws {
        guard let p = heap.object(o), p.kind == .instance || p.kind == .klass else {
            throw Abort("attribute store on this object")
        }
        if p.kind == .klass, attr.hasPrefix("__"), attr.hasSuffix("__") {
            // A special method set after the class was made (`C.__del__ = f`) changes what its instances do.
            throw Abort("special attribute set on a class")
        }
        if p.kind == .instance, let cls = p.classRef?.value.objectID {
            if classLookup(cls, "__setattr__") != nil { throw Abort("__setattr__") }
            if let d = classLookup(cls, attr), let x = heap.object(d), x.kind == .unknown { throw Abort("descriptor") }
        }
        let old = p.attrs[attr]?.value
        if old == nil { p.attrNames.append(attr) }
        p.attrs[attr] = Slot(value: v, line: f.currentLine ?? 0)
        graphVersion += 1
        if p.tainted {
            // What a tainted object holds is unknown: so is the fate of what goes in or comes out.
            heap.taint(v)
            if let old { heap.taint(old) }
            return
        }
        if let old { release(old) }
    }

    // MARK: - Subscripts

    func intIndex(_ k: Value, count: Int) throws -> Int {
        guard case .int(let i)? = scalar(k) else {
            if case .bool(let b)? = scalar(k) { return b ? 1 : 0 }
            throw Abort("non-int index")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw Abort("index out of range") }
        return j
    }

    /// Slice bounds resolved like PySlice_AdjustIndices.
    func sliceIndices(_ k: Value, count: Int) -> [Int]? {
        guard case .atom(.tuple(let parts)) = k, parts.count == 4, parts[0] == .str("<slice>") else { return nil }
        func n(_ a: Atom) -> Int?? { if case .none = a { return .some(nil) }; if case .int(let i) = a { return .some(i) }; return nil }
        guard let lo = n(parts[1]), let hi = n(parts[2]), let st = n(parts[3]) else { return [] }
        let step = st ?? 1
        if step == 0 { return [] }
        func adjust(_ x: Int?, _ dflt: Int) -> Int {
            guard var x else { return dflt }
            if x < 0 { x += count; if x < 0 { x = step < 0 ? -1 : 0 } } else if x >= count { x = step < 0 ? count - 1 : count }
            return x
        }
        let start = adjust(lo, step < 0 ? count - 1 : 0)
        let stop = adjust(hi, step < 0 ? -1 : count)
        var out: [Int] = []
        var i = start
        while step > 0 ? i < stop : i > stop { out.append(i); i += step }
        return out
    }

    func loadItem(_ c: Value, _ k: Value, _ f: Frame) throws -> Value {
        if isStale(c) { return taintedRead(c) }
        if case .atom(.tuple(let t)) = c {
            if let idx = sliceIndices(k, count: t.count) {
                return idx.isEmpty ? .atom(.tuple([])) : tupleFrom(idx.map { .atom(t[$0]) }, f)
            }
            return .atom(t[try intIndex(k, count: t.count)])
        }
        if case .atom(.str(let s)) = c {
            let sc = Array(s.unicodeScalars)
            if let idx = sliceIndices(k, count: sc.count) {
                return makeStr(String(String.UnicodeScalarView(idx.map { sc[$0] })))
            }
            return makeStr(String(sc[try intIndex(k, count: sc.count)]))
        }
        guard let o = heap.object(c) else { throw Abort("subscript of a constant") }
        switch o.kind {
        case .list, .tuple:
            if let idx = sliceIndices(k, count: o.items.count) {
                let vals = idx.map { o.items[$0].value }
                for v in vals { retain(v) }
                if o.kind == .tuple {
                    if vals.isEmpty { return .atom(.tuple([])) }
                    if idx.count == o.items.count && idx == Array(0..<o.items.count) {
                        for v in vals { release(v) }
                        retain(c)
                        return c
                    }
                    return tupleFrom(vals, f)
                }
                let l = newObject(.list, "list")
                l.items = vals.map { Slot(value: $0, line: f.currentLine ?? 0) }
                return .obj(l.id)
            }
            let v = o.items[try intIndex(k, count: o.items.count)].value
            retain(v)
            return v
        case .dict:
            guard let i = try dictIndex(o, k) else { throw Abort("KeyError") }
            retain(o.values[i].value)
            return o.values[i].value
        case .str:
            guard case .str(let s)? = o.scalar else { throw Abort("str") }
            let sc = Array(s.unicodeScalars)
            if let idx = sliceIndices(k, count: sc.count) {
                if idx == Array(0..<sc.count) { retain(c); return c }
                return makeStr(String(String.UnicodeScalarView(idx.map { sc[$0] })))
            }
            return makeStr(String(sc[try intIndex(k, count: sc.count)]))
        case .unknown:
            return unknownDerived(from: o.id)
        default:
            throw Abort("subscript of \(o.typeName)")
        }
    }

    func tupleFrom(_ vals: [Value], _ f: Frame) -> Value {
        let t = newObject(.tuple, "tuple")
        t.items = vals.map { Slot(value: $0, line: f.currentLine ?? 0) }
        return .obj(t.id)
    }

    /// Stores `v` (owned) at `c[k]`.
    func storeItem(_ c: Value, _ k: Value, _ v: Value, _ f: Frame) throws {
        guard let o = heap.object(c) else { throw Abort("item store on a constant") }
        if isStale(c) {
            // The slot's old value is unknown: keep the reference (uncounted from now on) and taint it all.
            heap.taint(v); heap.taint(k)
            o.items.append(Slot(value: v, line: f.currentLine ?? 0))
            graphVersion += 1
            return
        }
        switch o.kind {
        case .list:
            if let idx = sliceIndices(k, count: o.items.count) {
                let new = try iterateAll(v)
                release(v)
                guard case .atom(.tuple(let parts)) = k, parts[3] == .none || parts[3] == .int(1) else {
                    throw Abort("extended slice assignment")
                }
                let lo = idx.first ?? min(max(0, { if case .int(let i) = parts[1] { return i < 0 ? i + o.items.count : i }; return 0 }()), o.items.count)
                let old = idx.map { o.items[$0].value }
                o.items.replaceSubrange(lo..<(lo + idx.count), with: new.map { Slot(value: $0, line: f.currentLine ?? 0) })
                graphVersion += 1
                for x in old { release(x) }
                return
            }
            let i = try intIndex(k, count: o.items.count)
            let old = o.items[i].value
            o.items[i] = Slot(value: v, line: f.currentLine ?? 0)
            graphVersion += 1
            release(old)
        case .dict:
            try dictSet(o, k, v, f)
        default:
            throw Abort("item store on \(o.typeName)")
        }
    }

    func deleteItem(_ c: Value, _ k: Value, _ f: Frame) throws {
        guard let o = heap.object(c) else { throw Abort("del item of a constant") }
        if isStale(c) { throw Abort("del item of a tainted container") }
        switch o.kind {
        case .list:
            if let idx = sliceIndices(k, count: o.items.count) {
                let old = idx.map { o.items[$0].value }
                let set = Set(idx)
                o.items = o.items.enumerated().filter { !set.contains($0.offset) }.map(\.element)
                graphVersion += 1
                for x in old { release(x) }
                return
            }
            let i = try intIndex(k, count: o.items.count)
            let old = o.items.remove(at: i).value
            graphVersion += 1
            release(old)
        case .dict:
            guard let i = try dictIndex(o, k) else { throw Abort("KeyError") }
            o.keyIndex = nil
            let ok = o.keys.remove(at: i).value, ov = o.values.remove(at: i).value
            graphVersion += 1
            release(ov); release(ok)
        default:
            throw Abort("del item of \(o.typeName)")
        }
    }

    // MARK: - Hashing, dicts and sets

    func keyIdentity(_ v: Value, depth: Int = 0) throws -> KeyIdentity {
        guard depth < 30 else { throw Abort("deep key") }
        switch v {
        case .atom(let a): return try atomKey(a)
        case .obj(let id):
            let o = heap[id]
            switch o.kind {
            case .int, .str, .float:
                guard let s = o.scalar else { throw Abort("unknown scalar key") }
                return try atomKey(s)
            case .tuple: return .tuple(try o.items.map { try keyIdentity($0.value, depth: depth + 1) })
            case .instance:
                if let c = o.classRef?.value.objectID, classLookup(c, "__hash__") != nil || classLookup(c, "__eq__") != nil {
                    throw Abort("user-defined __hash__/__eq__")
                }
                return .object(id)
            case .function, .klass, .method, .cell, .range, .weakref: return .object(id)
            default: throw Abort("unhashable or unknown key")
            }
        }
    }

    private func atomKey(_ a: Atom) throws -> KeyIdentity {
        switch a {
        case .none: return .none
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .bigInt(let s): return .big(s)
        case .float(let d): return d == d.rounded() && abs(d) < 1e18 ? .int(Int(d)) : .float(d)
        case .str(let s): return .str(s)
        case .bytes(let b): return .bytes(b)
        case .ellipsis: return .ellipsis
        case .tuple(let t): return .tuple(try t.map { try atomKey($0) })
        case .module(let m): return .other("module " + m)
        case .builtin(let b): return .other("builtin " + b)
        case .complex, .foreign: throw Abort("key")
        }
    }

    func dictIndex(_ d: PyObj, _ k: Value) throws -> Int? {
        if d.tainted || d.contentsUnknown { throw Abort("lookup in a tainted dict") }
        let key = try keyIdentity(k)
        if d.keyIndex == nil || d.keyIndex?.count != d.keys.count {
            var index = [KeyIdentity: Int]()
            for (i, s) in d.keys.enumerated() { index[try keyIdentity(s.value)] = i }
            d.keyIndex = index
        }
        return d.keyIndex?[key]
    }

    /// `d[k] = v`: `v` is owned; the key is retained when it is new.
    func dictSet(_ d: PyObj, _ k: Value, _ v: Value, _ f: Frame) throws {
        let line = f.currentLine ?? 0
        if d.tainted || d.contentsUnknown {
            heap.taint(k); heap.taint(v); retain(k)
            d.keys.append(Slot(value: k, line: line)); d.values.append(Slot(value: v, line: line))
            d.keyIndex = nil
            graphVersion += 1
            return
        }
        if let i = try dictIndex(d, k) {
            let old = d.values[i].value
            d.values[i] = Slot(value: v, line: line)
            graphVersion += 1
            release(old)
        } else {
            retain(k)
            d.keyIndex?[try keyIdentity(k)] = d.keys.count
            d.keys.append(Slot(value: k, line: line))
            d.values.append(Slot(value: v, line: line))
            graphVersion += 1
        }
    }

    func dictUpdate(_ d: PyObj, _ other: Value, _ f: Frame) throws {
        guard let o = heap.object(other) else { throw Abort("dict update from a constant") }
        if isStale(other) { throw Abort("update from a tainted container") }
        if o.kind == .dict {
            for (k, v) in zip(o.keys, o.values) { retain(v.value); try dictSet(d, k.value, v.value, f) }
            return
        }
        let pairs = try iterateAll(other)
        for p in pairs {
            let kv = try iterateAll(p)
            guard kv.count == 2 else { throw Abort("dict update item") }
            try dictSet(d, kv[0], kv[1], f)
            release(kv[0]); release(p)
        }
    }

    /// Adds `v` (not owned) to a set.
    func setAdd(_ s: PyObj, _ v: Value, _ f: Frame) throws {
        if s.tainted || s.contentsUnknown {
            heap.taint(v); retain(v)
            s.items.append(Slot(value: v, line: f.currentLine ?? 0))
            graphVersion += 1
            return
        }
        let key = try keyIdentity(v)
        for m in s.items where try keyIdentity(m.value) == key { return }
        retain(v)
        s.items.append(Slot(value: v, line: f.currentLine ?? 0))
        graphVersion += 1
    }

    // MARK: - Arithmetic

    func binary(_ op: Operator, _ a: Value, _ b: Value, inPlace: Bool, _ f: Frame) throws -> Value {
        let pa = heap.object(a), pb = heap.object(b)
        // An unknown operand's method runs, like unknown code given both operands.
        if isUnknown(a) || isUnknown(b) { return try callUnknown([a, b], []) }
        if isStale(a) || isStale(b) { throw Abort("operator on a tainted object") }
        for p in [pa, pb] {
            if let p, p.kind == .instance { throw Abort("operator on an instance") }
            if let p, p.kind == .unknown { return unknownValue("object") }
        }
        // Sequences.
        if let pa, pa.kind == .list {
            if op == .add, let pb, pb.kind == .list {
                if inPlace {
                    for s in pb.items { retain(s.value); pa.items.append(Slot(value: s.value, line: f.currentLine ?? 0)) }
                    graphVersion += 1
                    retain(a)
                    return a
                }
                let l = newObject(.list, "list")
                l.items = (pa.items + pb.items).map { Slot(value: $0.value, line: f.currentLine ?? 0) }
                for s in l.items { retain(s.value) }
                return .obj(l.id)
            }
            if op == .add, inPlace {
                let new = try iterateAll(b)
                for v in new { pa.items.append(Slot(value: v, line: f.currentLine ?? 0)) }
                graphVersion += 1
                retain(a)
                return a
            }
            if op == .mult, case .int(let n)? = scalar(b) {
                let reps = max(0, n)
                if inPlace {
                    let base = pa.items
                    pa.items = []
                    for _ in 0..<reps { for s in base { retain(s.value); pa.items.append(s) } }
                    for s in base { release(s.value) }
                    graphVersion += 1
                    retain(a); return a
                }
                let l = newObject(.list, "list")
                for _ in 0..<reps { for s in pa.items { retain(s.value); l.items.append(Slot(value: s.value, line: f.currentLine ?? 0)) } }
                return .obj(l.id)
            }
            throw Abort("list operator")
        }
        if let pa, let pb, pa.kind == .set || pa.kind == .frozenset, pb.kind == .set || pb.kind == .frozenset,
           [.bitOr, .bitAnd, .sub, .bitXor].contains(op) {
            // Which of two equal-but-distinct members survives depends on table sizes: only sets whose
            // members are unique by identity (instances, shared constants) are modelled.
            for s in pa.items + pb.items {
                if let m = heap.object(s.value), m.kind != .instance, m.kind != .function, m.kind != .klass {
                    throw Abort("set operation on value-equal members")
                }
            }
            var members: [Value] = []
            func has(_ s: PyObj, _ v: Value) throws -> Bool {
                let k = try keyIdentity(v)
                return try s.items.contains { try keyIdentity($0.value) == k }
            }
            switch op {
            case .bitOr: members = pa.items.map(\.value) + pb.items.map(\.value)
            case .bitAnd: for s in pa.items where try has(pb, s.value) { members.append(s.value) }
            case .sub: for s in pa.items where !(try has(pb, s.value)) { members.append(s.value) }
            default:
                for s in pa.items where !(try has(pb, s.value)) { members.append(s.value) }
                for s in pb.items where !(try has(pa, s.value)) { members.append(s.value) }
            }
            if inPlace && pa.kind == .set {
                // s |= t and friends change s itself.
                let old = pa.items.map(\.value)
                pa.items = []
                for v in members { try setAdd(pa, v, f) }
                for v in old { release(v) }
                graphVersion += 1
                retain(a)
                return a
            }
            let s = newObject(pa.kind, pa.typeName)
            for v in members { try setAdd(s, v, f) }
            return .obj(s.id)
        }
        let ta: [Value]? = tupleItems(a), tb: [Value]? = tupleItems(b)
        if let ta, let tb, op == .add {
            if tb.isEmpty { retain(a); return a }
            if ta.isEmpty { retain(b); return b }
            for v in ta + tb { retain(v) }
            return tupleFrom(ta + tb, f)
        }
        if let ta, op == .mult, case .int(let n)? = scalar(b) {
            if n == 1 || ta.isEmpty { retain(a); return a }
            if n <= 0 { return .atom(.tuple([])) }
            var all: [Value] = []
            for _ in 0..<n { all += ta }
            for v in all { retain(v) }
            return tupleFrom(all, f)
        }
        guard let x = scalar(a), let y = scalar(b) else { throw Abort("operator on \(pa?.typeName ?? "?")") }
        switch (x, y) {
        case (.str(let s), .str(let t)) where op == .add:
            if t.isEmpty { retain(a); return a }
            if s.isEmpty { retain(b); return b }
            return makeStr(s + t)
        case (.str(let s), .int(let n)) where op == .mult:
            if n == 1 { retain(a); return a }
            guard n < 1_000_000 else { throw Abort("big string") }
            return makeStr(String(repeating: s, count: max(0, n)))
        case (.str, _) where op == .mod:
            // `"%s" % s` and `s % ()` may return s itself (or an operand): they may alias.
            heap.taint(a); heap.taint(b)
            return unknownValue("str")
        default: break
        }
        func asInt(_ a: Atom) -> Int? {
            if case .int(let i) = a { return i }
            if case .bool(let b) = a { return b ? 1 : 0 }
            return nil
        }
        func asDouble(_ a: Atom) -> Double? {
            if let i = asInt(a) { return Double(i) }
            if case .float(let d) = a { return d }
            return nil
        }
        if let i = asInt(x), let j = asInt(y) {
            guard let r = ConstantFolder.foldBinary(op, .int(i), .int(j)) else {
                if op == .div || op == .floorDiv || op == .mod { throw Abort("ZeroDivisionError") }
                return unknownValue("int")
            }
            switch r {
            case .int(let n): return makeInt(n)
            case .float(let d): return makeFloat(d)
            default: return unknownValue("int")
            }
        }
        if let i = asDouble(x), let j = asDouble(y) {
            switch op {
            case .add: return makeFloat(i + j)
            case .sub: return makeFloat(i - j)
            case .mult: return makeFloat(i * j)
            case .div: guard j != 0 else { throw Abort("ZeroDivisionError") }; return makeFloat(i / j)
            default: throw Abort("float operation")
            }
        }
        throw Abort("binary operation")
    }

    func tupleItems(_ v: Value) -> [Value]? {
        if case .atom(.tuple(let t)) = v { return t.map { .atom($0) } }
        if let o = heap.object(v), o.kind == .tuple { return o.items.map(\.value) }
        return nil
    }

    func unary(_ op: UnaryOperator, _ a: Value) throws -> Value {
        if op == .not { return .atom(.bool(!(try truthValue(a)))) }
        guard let x = scalar(a) else { throw Abort("unary operator") }
        switch (op, x) {
        case (.uSub, .int(let i)): return makeInt(-i)
        case (.uAdd, .int): retain(a); return a
        case (.invert, .int(let i)): return makeInt(~i)
        case (.uSub, .float(let d)): return makeFloat(-d)
        default: throw Abort("unary operator")
        }
    }

    // MARK: - Comparisons

    func equal(_ a: Value, _ b: Value, depth: Int = 0) throws -> Bool {
        guard depth < 30 else { throw Abort("deep comparison") }
        if a == b, heap.object(a)?.kind != .float { return true }
        if isStale(a) || isStale(b) { throw Abort("comparison with a tainted object") }
        let pa = heap.object(a), pb = heap.object(b)
        for p in [pa, pb] {
            if let p, p.kind == .instance, let c = p.classRef?.value.objectID, classLookup(c, "__eq__") != nil {
                throw Abort("user-defined __eq__")
            }
            if let p, p.kind == .unknown { throw Abort("comparison with an unknown value") }
        }
        if let pa, let pb, pa.kind == pb.kind, pa.kind == .list || pa.kind == .tuple {
            guard pa.items.count == pb.items.count else { return false }
            for (x, y) in zip(pa.items, pb.items) where !(try equal(x.value, y.value, depth: depth + 1)) { return false }
            return true
        }
        if let pa, let pb, pa.kind == .dict || pa.kind == .set || pb.kind == .dict || pb.kind == .set {
            throw Abort("container equality")
        }
        if let pa, pa.kind == .instance || pa.kind == .function || pa.kind == .klass { return a == b }
        if let pb, pb.kind == .instance || pb.kind == .function || pb.kind == .klass { return a == b }
        if let pa, let pb, pa.kind == .range, pb.kind == .range, let x = pa.rangeValue, let y = pb.rangeValue {
            // Ranges are equal when they give the same sequence.
            let n = rangeLength(x)
            guard n == rangeLength(y) else { return false }
            return n == 0 || (x.start == y.start && (n == 1 || x.step == y.step))
        }
        if let x = scalar(a), let y = scalar(b) {
            return try keyIdentityOrNil(x) == keyIdentityOrNil(y)
        }
        // Values of different built-in types with no equality across them are unequal; anything else
        // (bound methods, weak references, views, a str whose text is unknown, ...) is not modelled.
        if isPlainValue(a), isPlainValue(b), typeName(of: a) != typeName(of: b),
           !(numericTypes.contains(typeName(of: a)) && numericTypes.contains(typeName(of: b))) {
            return false
        }
        throw Abort("equality of \(typeName(of: a)) and \(typeName(of: b))")
    }

    private var numericTypes: Set<String> { ["int", "float", "bool", "complex"] }

    private func isPlainValue(_ v: Value) -> Bool {
        guard let o = heap.object(v) else {
            if case .atom(.foreign) = v { return false }
            return true
        }
        switch o.kind {
        case .list, .tuple, .str, .int, .float, .range: return true
        default: return false
        }
    }

    private func keyIdentityOrNil(_ a: Atom) throws -> KeyIdentity? {
        try? keyIdentity(.atom(a))
    }

    func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .is: return try identical(a, b)
        case .isNot: return !(try identical(a, b))
        case .eq: return try equal(a, b)
        case .notEq: return !(try equal(a, b))
        case .in, .notIn:
            let r = try contains(b, a)
            return op == .in ? r : !r
        case .lt, .ltE, .gt, .gtE:
            guard let x = scalar(a), let y = scalar(b) else { throw Abort("ordering of objects") }
            let c = try order(x, y)
            switch op {
            case .lt: return c < 0
            case .ltE: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        }
    }

    func identical(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.obj(let x), .obj(let y)): return x == y
        case (.atom(let x), .atom(let y)):
            if x != y { return false }
            // Singletons, small ints and interned (identifier-like) strings are one object; other equal
            // constants are one object only within one code object, which is not tracked here.
            switch x {
            case .none, .bool, .ellipsis, .module, .builtin: return true
            case .int(let i) where i >= -5 && i <= 256: return true
            case .str(let s) where s.unicodeScalars.count <= 1 || Self.isIdentifierLike(s): return true
            default: throw Abort("identity of equal constants")
            }
        default: return false
        }
    }

    static func isIdentifierLike(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90)
            || ($0.value >= 97 && $0.value <= 122) || $0.value == 95 }
    }

    func order(_ x: Atom, _ y: Atom) throws -> Int {
        func d(_ a: Atom) -> Double? {
            switch a {
            case .int(let i): return Double(i)
            case .bool(let b): return b ? 1 : 0
            case .float(let f): return f
            default: return nil
            }
        }
        if case .int(let i) = x, case .int(let j) = y { return i < j ? -1 : (i == j ? 0 : 1) }
        if let i = d(x), let j = d(y) { return i < j ? -1 : (i == j ? 0 : 1) }
        if case .str(let s) = x, case .str(let t) = y {
            let a = Array(s.unicodeScalars.map(\.value)), b = Array(t.unicodeScalars.map(\.value))
            return a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
        }
        if case .tuple(let s) = x, case .tuple(let t) = y {
            for (p, q) in zip(s, t) { let c = try order(p, q); if c != 0 { return c } }
            return s.count < t.count ? -1 : (s.count == t.count ? 0 : 1)
        }
        throw Abort("ordering")
    }

    func contains(_ container: Value, _ v: Value) throws -> Bool {
        if isStale(container) { throw Abort("membership in a tainted container") }
        if case .atom(.str(let s)) = container, case .str(let t)? = scalar(v) { return t.isEmpty || s.contains(t) }
        if case .atom(.tuple(let t)) = container {
            for x in t where try equal(.atom(x), v) { return true }
            return false
        }
        guard let o = heap.object(container) else { throw Abort("in on a constant") }
        switch o.kind {
        case .list, .tuple:
            for s in o.items where try equal(s.value, v) { return true }
            return false
        case .dict: return try dictIndex(o, v) != nil
        case .set, .frozenset:
            let k = try keyIdentity(v)
            for s in o.items where try keyIdentity(s.value) == k { return true }
            return false
        case .str:
            guard case .str(let s)? = o.scalar, case .str(let t)? = scalar(v) else { throw Abort("in str") }
            return t.isEmpty || s.contains(t)
        case .range:
            guard let r = o.rangeValue, case .int(let i)? = scalar(v) else { throw Abort("in range") }
            if r.step > 0 { return i >= r.start && i < r.stop && (i - r.start) % r.step == 0 }
            return i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
        default:
            throw Abort("in on \(o.typeName)")
        }
    }
}
