/// Iteration as CPython does it: an iterator object holds its iterable until it is exhausted, then drops
/// it; zip, enumerate and dict items reuse one result tuple while nobody else holds it.

extension Interpreter {
    /// `iter(v)`: an owned reference to a new internal iterator.
    func makeIterator(_ v: Value) throws -> Int {
        if isStale(v) { throw Abort("iterating a tainted object") }
        let it = newObject(.iterator, "iterator", visible: false)
        switch v {
        case .atom(let a):
            switch a {
            case .str, .tuple, .bytes:
                it.iterator = IteratorState(source: .sequence(dictPart: nil))
                it.items = [Slot(value: v, line: 0)]
            default: throw Abort("iterating \(a.typeName)")
            }
        case .obj(let id):
            let o = heap[id]
            switch o.kind {
            case .list, .tuple, .str:
                it.iterator = IteratorState(source: .sequence(dictPart: nil))
            case .set, .frozenset:
                if o.items.count > 1 { throw Abort("set iteration order") }
                it.iterator = IteratorState(source: .sequence(dictPart: nil))
            case .dict:
                it.iterator = IteratorState(source: .sequence(dictPart: .keys))
                it.iterator?.sourceSize = o.keys.count
            case .dictView:
                guard let part = o.scalar, case .str(let p) = part, let d = o.items.first?.value else {
                    throw Abort("dict view")
                }
                let dp: DictPart = p == "items" ? .items : p == "values" ? .values : .keys
                it.iterator = IteratorState(source: .sequence(dictPart: dp))
                retain(d)
                it.items = [Slot(value: d, line: 0)]
                if dp == .items { it.iterator?.resultTuple = makeResultTuple(2) }
                it.iterator?.sourceSize = heap.object(d)?.keys.count
                return it.id
            case .range:
                guard let r = o.rangeValue else { throw Abort("range") }
                it.iterator = IteratorState(source: .range(start: r.start, stop: r.stop, step: r.step))
                return it.id
            case .iterator:
                // iter(iterator) is the iterator itself.
                it.alive = false
                retain(v)
                return id
            default:
                throw Abort("iterating \(o.typeName)")
            }
            retain(v)
            it.items = [Slot(value: v, line: 0)]
        }
        return it.id
    }

    /// The (None, ...) tuple zip/enumerate/dict items start with.
    func makeResultTuple(_ n: Int) -> Int {
        let t = newObject(.tuple, "tuple")
        t.items = Array(repeating: Slot(value: .none, line: 0), count: n)
        return t.id
    }

    /// Returns a fresh tuple, or the reused result tuple when only the iterator holds it.
    func resultTuple(_ it: PyObj, _ values: [Value]) -> Value {
        if let t = it.iterator?.resultTuple, heap[t].rc == 1 {
            let tup = heap[t]
            let old = tup.items.map(\.value)
            tup.items = values.map { Slot(value: $0, line: current.currentLine ?? 0) }
            retain(.obj(t))
            for v in old { release(v) }
            graphVersion += 1
            return .obj(t)
        }
        let t = newObject(.tuple, "tuple")
        t.items = values.map { Slot(value: $0, line: current.currentLine ?? 0) }
        return .obj(t.id)
    }

    func exhaust(_ it: PyObj) {
        it.iterator?.exhausted = true
        let srcs = it.items.map(\.value)
        if case .sequence = it.iterator?.source { it.items = [] }
        if case .reversed = it.iterator?.source { it.items = [] }
        if case .sequence = it.iterator?.source { for s in srcs { release(s) } }
        if case .reversed = it.iterator?.source { for s in srcs { release(s) } }
        graphVersion += 1
    }

    /// `next(it)`: an owned item, or nil when exhausted.
    func next(_ id: Int) throws -> Value? {
        let it = heap[id]
        guard var state = it.iterator else { throw Abort("not an iterator") }
        if state.exhausted { return nil }
        switch state.source {
        case .range(let start, let stop, let step):
            let v = start + state.index * step
            if (step > 0 && v >= stop) || (step < 0 && v <= stop) {
                it.iterator?.exhausted = true
                return nil
            }
            it.iterator?.index += 1
            return makeInt(v)
        case .sequence(let part):
            guard let src = it.items.first?.value else { return nil }
            let i = state.index
            switch src {
            case .atom(.str(let s)):
                let scalars = Array(s.unicodeScalars)
                guard i < scalars.count else { exhaust(it); return nil }
                it.iterator?.index += 1
                return makeStr(String(scalars[i]))
            case .atom(.tuple(let t)):
                guard i < t.count else { exhaust(it); return nil }
                it.iterator?.index += 1
                return .atom(t[i])
            case .atom:
                throw Abort("iterating a constant")
            case .obj(let sid):
                let s = heap[sid]
                if s.kind == .str {
                    guard case .str(let str)? = s.scalar else { throw Abort("str") }
                    let scalars = Array(str.unicodeScalars)
                    guard i < scalars.count else { exhaust(it); return nil }
                    it.iterator?.index += 1
                    return makeStr(String(scalars[i]))
                }
                if s.kind == .dict {
                    if let n = state.sourceSize, n != s.keys.count { throw Abort("dict changed size during iteration") }
                    guard i < s.keys.count else { exhaust(it); return nil }
                    it.iterator?.index += 1
                    switch part ?? .keys {
                    case .keys: retain(s.keys[i].value); return s.keys[i].value
                    case .values: retain(s.values[i].value); return s.values[i].value
                    case .items:
                        let k = s.keys[i].value, v = s.values[i].value
                        retain(k); retain(v)
                        return resultTuple(it, [k, v])
                    }
                }
                guard i < s.items.count else { exhaust(it); return nil }
                it.iterator?.index += 1
                retain(s.items[i].value)
                return s.items[i].value
            }
        case .reversed:
            guard let src = heap.object(it.items.first?.value ?? .none) else { return nil }
            let i = src.items.count - 1 - state.index
            guard i >= 0 else { exhaust(it); return nil }
            it.iterator?.index += 1
            retain(src.items[i].value)
            return src.items[i].value
        case .zip:
            let inner = it.items.map(\.value)
            var got: [Value] = []
            for sub in inner {
                guard case .obj(let sid) = sub, let v = try next(sid) else {
                    for g in got { release(g) }
                    state.exhausted = true
                    it.iterator?.exhausted = true
                    return nil
                }
                got.append(v)
            }
            if inner.isEmpty { it.iterator?.exhausted = true; return nil }
            return resultTuple(it, got)
        case .enumerate(let n):
            guard case .obj(let sid)? = it.items.first?.value, let v = try next(sid) else {
                it.iterator?.exhausted = true
                return nil
            }
            it.iterator?.source = .enumerate(next: n + 1)
            return resultTuple(it, [makeInt(n), v])
        }
    }

    /// All items of an iterable, owned.
    func iterateAll(_ v: Value) throws -> [Value] {
        if isStale(v) { throw Abort("iterating a tainted object") }
        if let o = heap.object(v), o.kind == .list || o.kind == .tuple {
            for s in o.items { retain(s.value) }
            return o.items.map(\.value)
        }
        let it = try makeIterator(v)
        var out: [Value] = []
        while let x = try next(it) {
            out.append(x)
            steps += 1
            if steps > maxSteps { throw Abort(Abort.budget) }
        }
        release(.obj(it))
        return out
    }

    func rangeLength(_ r: (start: Int, stop: Int, step: Int)) -> Int {
        if r.step > 0 { return r.stop > r.start ? (r.stop - r.start + r.step - 1) / r.step : 0 }
        return r.start > r.stop ? (r.start - r.stop - r.step - 1) / (-r.step) : 0
    }
}
