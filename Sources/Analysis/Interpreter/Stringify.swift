/// Turning objects into text the way CPython does when the program prints or formats them: an instance
/// whose class defines `__str__`/`__repr__` runs that method (a Python frame, with its events), containers
/// repr their items (dict repr holds each key and value while it runs). The references held meanwhile are
/// the ones CPython holds: print's *args tuple, str()'s args tuple, the formatted value on the stack.

extension Interpreter {
    enum TextKind { case str, repr }

    /// Runs whatever Python code converting `v` to text runs; the result text is not modelled.
    func stringify(_ v: Value, _ how: TextKind, _ f: Frame, depth: Int = 0) throws {
        guard depth < 20 else { throw Abort("deep repr") }
        guard let o = heap.object(v) else { return }
        // Made by unknown code: it cannot be (or hold) the program's instances, which never reach it.
        if o.kind == .unknown { return }
        if o.tainted && o.kind != .instance && o.kind != .str && o.kind != .int && o.kind != .float {
            // Stale contents: unknown code may have put anything in it, even objects with a __repr__.
            throw Abort("printing a tainted container")
        }
        switch o.kind {
        case .instance:
            guard let cls = o.classRef?.value.objectID else { return }
            var method: Value?
            if how == .str, let m = classLookup(cls, "__str__") { method = m }
            if method == nil, let m = classLookup(cls, "__repr__") { method = m }
            guard let m = method else { return }
            guard let fo = heap.object(m), fo.kind == .function else { throw Abort("__str__ not a function") }
            retain(m)
            f.push(m, "the looked-up \(how == .str ? "__str__" : "__repr__")")
            retain(m); retain(v)
            let r = try callFunction(m, [v], [], f)
            _ = f.pop()
            release(m)
            if typeName(of: r) != "str" && !isUnknown(r) { throw Abort("__str__ returned a non-string") }
            release(r)
        case .list, .tuple:
            for s in o.items { try stringify(s.value, .repr, f, depth: depth + 1) }
        case .set, .frozenset:
            // set repr goes through a temporary list of the members.
            for s in o.items { retain(s.value); f.push(s.value, "set repr's temporary list") }
            for s in o.items { try stringify(s.value, .repr, f, depth: depth + 1) }
            for _ in o.items { if let x = f.pop() { release(x) } }
        case .dict:
            for (k, val) in zip(o.keys, o.values) {
                retain(k.value); retain(val.value)
                f.push(k.value, "dict repr holds the key"); f.push(val.value, "dict repr holds the value")
                try stringify(k.value, .repr, f, depth: depth + 1)
                try stringify(val.value, .repr, f, depth: depth + 1)
                if let x = f.pop() { release(x) }
                if let x = f.pop() { release(x) }
            }
        case .unknown:
            return
        default:
            return
        }
    }

    /// `print(*args)`: 3.11 packs the arguments into a tuple, then str()s each in turn.
    func printArguments(_ args: [Value], _ f: Frame) throws {
        for v in args { retain(v); f.push(v, "print's *args tuple") }
        for v in args { try stringify(v, .str, f) }
        for _ in args { if let x = f.pop() { release(x) } }
    }
}
