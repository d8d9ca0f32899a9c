/// Re-derives every live object's reference count from the state (frame bindings, cells, stacks, running
/// functions, heap references, the class self-reference) and compares it with the count the interpreter
/// maintains (for every object whose count is vouched for, i.e. not tainted). Used by the tests at every
/// observed point: the counts are the graph's, by construction.

extension Interpreter {
    /// Ids of live objects whose maintained count differs from the count derived from the state.
    func countMismatches() -> [Int] {
        var derived = [Int: Int]()
        func add(_ v: Value?) { if case .obj(let id)? = v { derived[id, default: 0] += 1 } }
        for f in frames {
            for n in f.boundNames { add(f.lookup(n)) }
            for (_, c) in f.cells { add(.obj(c)) }
            for s in f.stack { add(s.value) }
            add(f.function)
        }
        for o in heap.objects where o.alive {
            o.forEachTarget { derived[$0, default: 0] += 1 }
            if o.kind == .klass { derived[o.id, default: 0] += 1 }
        }
        // Tainted objects' counts are not vouched for (unknown code may hold or have dropped references).
        return heap.objects.filter { $0.alive && !$0.tainted && $0.rc != (derived[$0.id] ?? 0) }.map(\.id)
    }
}
