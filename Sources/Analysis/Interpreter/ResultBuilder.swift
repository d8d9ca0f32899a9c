/// Turns the interpreter's run into the editor's `AnalysisResult`: the program objects with labels in
/// allocation order, one fact per statement that binds, rebinds, deletes or stores a reference (joined over
/// every time it ran), what every name occurrence points to, and the cycles with the statement that
/// created each edge. Observes the interpreter through its hooks; never changes its state.

final class ResultBuilder {
    private(set) var interp: Interpreter
    let source: SourceLines
    /// Result object of each object of the attached interpreter.
    private var resultIDs: [Int: ObjectID] = [:]
    /// Result object of each allocation: objects of different paths made by the same allocation (the
    /// n-th object made at one site) are one object of the result.
    private var canonical: [AllocationKey: ObjectID] = [:]
    private var heapObjects: [HeapObject] = []
    /// Allocation order of each result object (labels are numbered in that order at the end).
    private var allocationOrder: [(run: Int, id: Int)] = []
    private var runs = 0

    /// What the path running now observes, and what the joined paths observed.
    private var sink = FactSink()
    private var committed = FactSink()
    /// Values of `del` targets captured before the statement ran.
    private var beforeDelete: [String: Value] = [:]

    private struct AllocationKey: Hashable {
        var site: SourceRange?
        var line: Int
        var ordinal: Int32
        var typeName: String
    }

    init(_ interp: Interpreter, source: String) {
        self.interp = interp
        self.source = SourceLines(source)
        attach(interp)
    }

    /// Observes `interp` from now on (each path of the module runs in an interpreter of its own).
    func attach(_ interp: Interpreter) {
        self.interp = interp
        resultIDs = [:]
        runs += 1
        interp.willRun = { [unowned self] s, f in self.willRun(s, f) }
        interp.didRun = { [unowned self] s, f in self.didRun(s, f) }
        interp.didEnter = { [unowned self] def, f in self.didEnter(def, f) }
        interp.cycleObserver = { [unowned self] comps, garbage, at in self.observeCycles(comps, garbage, at) }
        interp.unfollowedObserver = { [unowned self] u in self.markIncomplete(u) }
    }

    /// Starts a path: its facts are kept apart until `commit`.
    func beginPath() { sink = FactSink() }

    /// The facts of the path that just ran.
    func endPath() -> FactSink {
        if interp.abortReason?.contains("budget") ?? false { sink.budgetExhausted = true }
        defer { sink = FactSink() }
        return sink
    }

    /// Adds the joined facts of the paths of one run (the module, or one function run on its own).
    func commit(_ paths: [FactSink]) { committed.join(paths: paths) }

    func result(syntaxErrors: [SyntaxError]) -> AnalysisResult {
        var counters: [String: Int] = [:]
        for i in heapObjects.indices.sorted(by: { (allocationOrder[$0].run, allocationOrder[$0].id) < (allocationOrder[$1].run, allocationOrder[$1].id) }) {
            let t = heapObjects[i].typeName
            let n = (counters[t] ?? 0) + 1
            counters[t] = n
            heapObjects[i].label = "\(t) #\(n)"
        }
        var statements: [StatementFact] = []
        for key in committed.statementOrder {
            guard let effects = committed.statementEffects[key], !effects.isEmpty else { continue }
            statements.append(StatementFact(range: key.range, anchor: committed.anchors[key] ?? SourcePosition(
                line: key.range.endLine, utf8Column: key.range.endUTF8Column), frame: key.frame,
                effects: effects.map(\.effect)))
        }
        statements.sort { $0.anchor < $1.anchor }
        var names: [NameFact] = []
        for key in committed.nameOrder {
            guard let n = committed.nameFacts[key] else { continue }
            // Objects in the order they were made, whichever path saw them first.
            let values = n.order.compactMap { n.values[$0] }.enumerated().sorted { a, b in
                let x = allocationRank(a.element) ?? (Int.max, a.offset), y = allocationRank(b.element) ?? (Int.max, b.offset)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
            names.append(NameFact(range: key.range, name: n.name, frame: key.frame, values: values))
        }
        names.sort { ($0.range.line, $0.range.utf8Column) < ($1.range.line, $1.range.utf8Column) }
        return AnalysisResult(syntaxErrors: syntaxErrors, objects: heapObjects, statements: statements,
                              names: names, cycles: committed.cycleOrder.compactMap { committed.cycleFacts[$0] },
                              budgetExhausted: committed.budgetExhausted)
    }

    // MARK: - Objects

    private func allocationRank(_ v: ValueFact) -> (Int, Int)? {
        guard case .object(let s) = v, allocationOrder.indices.contains(s.object.raw) else { return nil }
        let o = allocationOrder[s.object.raw]
        return (o.run, o.id)
    }

    func objectID(_ id: Int) -> ObjectID {
        if let r = resultIDs[id] { return r }
        let o = interp.heap[id]
        let key = AllocationKey(site: o.siteRange, line: o.site, ordinal: interp.allocationOrdinal(id), typeName: o.typeName)
        if let r = canonical[key] { resultIDs[id] = r; return r }
        let r = ObjectID(heapObjects.count)
        allocationOrder.append((runs, id))
        let site = o.siteRange ?? interp.lineRanges[o.site] ?? SourceRange(line: o.site, utf8Column: 0,
                                                                            endLine: o.site, endUTF8Column: 0)
        heapObjects.append(HeapObject(id: r, typeName: o.typeName, label: o.typeName,
                                      allocationSite: site, allocationExpression: o.exprRange,
                                      hasFinalizer: o.classRef.flatMap { interp.heap.object($0.value)?.classInfo?.hasFinalizer } ?? false))
        resultIDs[id] = r
        canonical[key] = r
        return r
    }

    func holders(of target: Int) -> [Holder] {
        var out: [Holder] = []
        let heap = interp.heap
        for f in interp.frames {
            for n in f.names(boundTo: target) { out.append(.name(n, frame: f.qualname)) }
            for s in f.stack where s.value == .obj(target) { out.append(.hidden(s.why)) }
            if f.function == .obj(target) { out.append(.hidden("the running frame of \(f.qualname)")) }
            for n in f.cellOrder where f.cells[n] == target { out.append(.hidden("the frame of \(f.qualname) (cell \(n))")) }
        }
        // The count is kept exact by construction: when the frames account for all of it, no object of
        // the heap can hold it and the scan (the cost of a hover in a large module) is skipped.
        let t = heap[target]
        var heapReferences = t.rc - out.count
        let exact = !t.tainted && t.kind != .klass && t.kind != .unknown
        if exact && heapReferences <= 0 { return out }
        // A count that is not vouched for has holders that are not all known either: the names above are
        // what is sure, and a scan of the whole heap for the rest (per observation) is not worth its cost.
        if !exact {
            if t.kind == .klass { out.append(.hidden("the class's own internal references")) }
            return out
        }
        heap.holderIDs.removeAll { !heap[$0].alive }
        for id in heap.holderIDs {
            if exact && heapReferences <= 0 { break }
            let o = heap[id]
            guard o.refersTo(target) else { continue }
            o.forEachReference { v, slot, _ in
                guard v == .obj(target) else { return }
                heapReferences -= 1
                if o.visible {
                    let owner = self.objectID(o.id)
                    if slot.hasPrefix(".") {
                        out.append(.attribute(owner: owner, name: String(slot.dropFirst())))
                    } else if o.kind == .cell {
                        out.append(.attribute(owner: owner, name: "cell_contents"))
                    } else if slot == "__class__" {
                        out.append(.attribute(owner: owner, name: "__class__"))
                    } else {
                        out.append(.slot(container: owner, slot: self.slotText(o, slot, target)))
                    }
                } else {
                    out.append(.hidden(o.typeName == "iterator" ? "an iterator" : "a \(o.typeName) object"))
                }
            }
        }
        if heap[target].kind == .klass { out.append(.hidden("the class's own internal references")) }
        return out
    }

    private func slotText(_ o: PyObj, _ slot: String, _ target: Int) -> String {
        if slot == "{}" { return "{member}" }
        if slot.hasPrefix("key[") { return "key of " + String(slot.dropFirst(3)) }
        return slot
    }

    func preview(_ v: Value, depth: Int = 0) -> String {
        switch v {
        case .atom(let a): return a.repr
        case .obj(let id):
            let o = interp.heap[id]
            if depth > 1 || o.contentsUnknown { return o.kind == .list ? "[...]" : o.kind == .dict ? "{...}" : "…" }
            let items = o.items.prefix(4).map { preview($0.value, depth: depth + 1) }
            let more = o.items.count > 4 ? ", …" : ""
            switch o.kind {
            case .list: return "[" + items.joined(separator: ", ") + more + "]"
            case .tuple: return "(" + items.joined(separator: ", ") + (o.items.count == 1 ? ",)" : more + ")")
            case .set, .frozenset: return "{" + items.joined(separator: ", ") + more + "}"
            case .dict:
                let kv = zip(o.keys, o.values).prefix(4).map { preview($0.value, depth: depth + 1) + ": " + preview($1.value, depth: depth + 1) }
                return "{" + kv.joined(separator: ", ") + (o.keys.count > 4 ? ", …" : "") + "}"
            case .instance:
                let fields = o.attrNames.prefix(4).compactMap { n in o.attrs[n].map { n + "=" + preview($0.value, depth: depth + 1) } }
                return o.typeName + "(" + fields.joined(separator: ", ") + ")"
            case .function: return "<function \(o.function?.qualname ?? "?")>"
            case .klass: return "<class \(o.classInfo?.name ?? "?")>"
            case .str, .int, .float: return o.scalar?.repr ?? o.typeName
            default: return "<\(o.typeName)>"
            }
        }
    }

    func valueFact(_ v: Value, withHolders: Bool = true) -> ValueFact {
        switch v {
        case .atom(let a):
            return .shared(typeName: a.typeName, text: a.repr, count: .interned(reason: internReason(a)))
        case .obj(let id):
            let o = interp.heap[id]
            if o.kind == .unknown { return .unknown }
            if let text = Interpreter.cachedLookingText(o), o.alive {
                return .shared(typeName: "str", text: Atom.str(text).repr, count: .interned(reason: "one-character string"))
            }
            let count: RefCount
            if !o.alive { count = .exact(0) }
            else if o.kind == .klass { count = .opaque }
            else if o.tainted { count = .unknown }
            else { count = .exact(o.rc) }
            return .object(ObjectState(object: objectID(id), count: count,
                                       holders: o.alive && withHolders ? holders(of: id) : [],
                                       preview: withHolders ? preview(v) : ""))
        }
    }

    func internReason(_ a: Atom) -> String {
        switch a {
        case .int(let i) where i >= -5 && i <= 256: return "small int"
        case .none, .bool, .ellipsis: return "singleton"
        case .str(let s) where s.unicodeScalars.count <= 1: return "cached one-character string"
        case .module: return "module"
        case .builtin, .foreign: return "pre-existing object"
        default: return "compile-time constant"
        }
    }

    // MARK: - Statements

    /// Facts the unfollowed rest of a statement may have reached again lose their exact counts.
    func markIncomplete(_ u: Unfollowed) {
        if u.mayCallCode && u.ownFrame == nil { sink.functionFactsIncomplete = true }
        sink.unfollowed.append(u)
        sink.markIncomplete(u)
    }

    private func key(_ s: Stmt, _ f: Frame) -> StatementKey { StatementKey(range: s.range, frame: f.qualname) }

    func willRun(_ s: Stmt, _ f: Frame) {
        if case .delete(let targets) = s.kind {
            beforeDelete = [:]
            for t in targets { if case .name(let id, _) = t.kind, let v = peekName(id, f) { beforeDelete[id] = v } }
        }
    }

    /// Names written as elements of a display (`[row, row]`, `(a, b)`, `{"k": v}`) gain a reference that the
    /// new container holds: the statement touches their objects too, so the hint names them.
    private func displayed(_ value: Expr, into target: Expr?, _ subjects: inout [(String, Value, String, Bool)], _ f: Frame) {
        let into = target.flatMap { source.text($0.range) } ?? "a new container"
        var seen = Set(subjects.map(\.0))
        func walk(_ e: Expr, depth: Int) {
            guard depth < 32 else { return }
            switch e.kind {
            case .list(let es, _), .tuple(let es, _), .set(let es):
                for x in es { walk(x, depth: depth + 1) }
            case .dict(let ks, let vs):
                for k in ks { if let k { walk(k, depth: depth + 1) } }
                for v in vs { walk(v, depth: depth + 1) }
            case .starred(let x, _):
                walk(x, depth: depth + 1)
            case .name(let id, _) where depth > 0:
                if !seen.contains(id), let v = peekName(id, f), v.objectID != nil {
                    seen.insert(id)
                    subjects.append((id, v, "stored in \(into)", false))
                }
            default: break
            }
        }
        walk(value, depth: 0)
    }

    func didRun(_ s: Stmt, _ f: Frame) {
        guard interp.choices.isRecording else { return }
        var subjects: [(String, Value, String, Bool)] = []   // subject, value, reason, freed
        func targets(_ e: Expr, reason: (String) -> String) {
            switch e.kind {
            case .name(let id, _): if let v = peekName(id, f) { subjects.append((id, v, reason(id), false)) }
            case .tuple(let es, _), .list(let es, _): for x in es { targets(x, reason: reason) }
            case .starred(let x, _): targets(x, reason: reason)
            case .attribute, .subscript:
                if let text = source.text(e.range), let v = peek(e, f) { subjects.append((text, v, "stored in \(text)", false)) }
            default: break
            }
        }
        switch s.kind {
        case .assign(let ts, let value, _):
            for t in ts { targets(t) { "bound to \($0)" } }
            displayed(value, into: ts.first, &subjects, f)
        case .annAssign(let t, _, let v, _):
            if let v { targets(t) { "bound to \($0)" }; displayed(v, into: t, &subjects, f) }
        case .augAssign(let t, _, _): targets(t) { "rebound \($0)" }
        case .for(let loop): targets(loop.target) { "loop variable \($0)" }
        case .functionDef(let d): if let v = peekName(d.name, f) { subjects.append((d.name, v, "def binds \(d.name)", false)) }
        case .classDef(let d): if let v = peekName(d.name, f) { subjects.append((d.name, v, "class binds \(d.name)", false)) }
        case .import(let names):
            for a in names {
                let n = a.asname ?? String(a.name.split(separator: ".").first ?? "")
                if let v = peekName(n, f) { subjects.append((n, v, "import binds \(n)", false)) }
            }
        case .delete(let ts):
            for t in ts {
                if case .name(let id, _) = t.kind, let v = beforeDelete[id] {
                    let freed = v.objectID.map { !interp.heap[$0].alive } ?? false
                    subjects.append((id, v, freed ? "freed: last reference dropped by del \(id)" : "del \(id)", freed))
                } else if let text = source.text(t.range) {
                    _ = text
                }
            }
        case .expr(let e):
            if case .call(let fn, let args, _) = e.kind, case .attribute(_, let m, _) = fn.kind {
                for a in args {
                    if case .name(let id, _) = a.kind, let v = peekName(id, f), v.objectID != nil {
                        subjects.append((id, v, "passed to .\(m)()", false))
                    }
                }
            }
        default: break
        }
        let k = key(s, f)
        sink.observations[k, default: 0] += 1
        let detailed = sink.observations[k, default: 0] <= 64
        recordNames(in: s, f, detailed: detailed)
        guard !subjects.isEmpty else { return }
        for (subject, v, reason, freed) in subjects {
            let fact = valueFact(v, withHolders: detailed)
            var effect = Effect(subject: subject, value: fact, reason: reason, freed: freed)
            if sink.functionFactsIncomplete && f.qualname != "<module>" && !interp.standalone { effect = effect.incomplete }
            sink.addEffect(effect, subject: subject, at: k, anchor: anchor(s))
        }
    }

    func didEnter(_ def: FunctionBody, _ f: Frame) {
        guard interp.choices.isRecording else { return }
        let k = StatementKey(range: def.range, frame: f.qualname)
        let headerEnd = def.lambdaBody == nil ? source.headerEnd(def.range) : nil
        if sink.statementEffects[k] == nil {
            sink.statementOrder.append(k)
            sink.statementEffects[k] = []
            sink.anchors[k] = headerEnd
        }
        let params = def.args.posonlyargs + def.args.args + def.args.kwonlyargs
        for p in params {
            let v: Value? = f.lookup(p.arg) ?? f.cells[p.arg].flatMap { interp.heap[$0].items.first?.value }
            guard let v else { continue }
            var effect = Effect(subject: p.arg, value: valueFact(v), reason: "parameter of \(f.qualname)")
            if sink.functionFactsIncomplete { effect = effect.incomplete }
            sink.addEffect(effect, subject: p.arg, at: k, anchor: headerEnd)
        }
    }

    private func anchor(_ s: Stmt) -> SourcePosition {
        switch s.kind {
        case .for, .while, .if, .functionDef, .classDef, .with, .try, .asyncFor, .asyncWith, .asyncFunctionDef, .match:
            return source.headerEnd(s.range) ?? SourcePosition(line: s.range.line, utf8Column: s.range.utf8Column)
        default:
            return SourcePosition(line: s.range.endLine, utf8Column: s.range.endUTF8Column)
        }
    }

    // MARK: - Names

    func peekName(_ id: String, _ f: Frame) -> Value? { interp.peekName(id, f) }

    /// The value of a simple expression without running anything: names, attributes, constant subscripts.
    func peek(_ e: Expr, _ f: Frame, depth: Int = 0) -> Value? {
        guard depth < 20 else { return nil }
        switch e.kind {
        case .name(let id, _): return peekName(id, f)
        case .attribute(let base, let attr, _):
            guard let b = peek(base, f, depth: depth + 1), let o = interp.heap.object(b) else { return nil }
            if let s = o.attrs[attr] { return s.value }
            return nil
        case .subscript(let base, let index, _):
            guard let b = peek(base, f, depth: depth + 1), let o = interp.heap.object(b), !o.contentsUnknown else { return nil }
            let k: Value?
            if case .constant(let c, _) = index.kind { k = .atom(ConstantFolder.atom(c)) } else { k = peek(index, f, depth: depth + 1) }
            guard let k else { return nil }
            if o.kind == .list || o.kind == .tuple, case .int(var i)? = interp.scalar(k) {
                if i < 0 { i += o.items.count }
                return o.items.indices.contains(i) ? o.items[i].value : nil
            }
            if o.kind == .dict, let i = try? interp.dictIndex(o, k) { return o.values[i].value }
            return nil
        default: return nil
        }
    }

    private func recordNames(in s: Stmt, _ f: Frame, detailed: Bool) {
        var found: [(SourceRange, String)] = []
        NameCollector.collect(s, into: &found)
        for (range, id) in found {
            let v: Value?
            if case .delete = s.kind { v = beforeDelete[id] ?? peekName(id, f) } else { v = peekName(id, f) }
            guard let v else { continue }
            let identity: ValueIdentity
            switch v {
            case .atom(let a): identity = .atom(a.repr)
            case .obj(let o): identity = .object(objectID(o).raw)
            }
            sink.addValue(valueFact(v, withHolders: detailed), identity: identity, name: id,
                          at: NameKey(range: range, frame: f.qualname))
        }
    }

    // MARK: - Cycles

    func observeCycles(_ comps: [[Int]], _ garbage: Set<Int>, _ at: SourceRange?) {
        guard interp.choices.isRecording else { return }
        // A cycle through a tainted object may be stale: only vouched-for cycles are reported.
        for c in comps where !c.contains(where: { interp.heap[$0].tainted || interp.heap[$0].contentsUnknown }) {
            let key = Set(c.map(objectID))
            if sink.cycleFacts[key] == nil {
                let path = cyclePath(c)
                var edges: [CycleEdge] = []
                for (i, from) in path.enumerated() {
                    let to = path[(i + 1) % path.count]
                    var via = "?", line = 0
                    interp.heap[from].forEachReference { v, slot, l in
                        if via == "?" && v == .obj(to) { via = slot; line = l }
                    }
                    let created = interp.lineRanges[line] ?? at ?? SourceRange(line: line, utf8Column: 0, endLine: line, endUTF8Column: 0)
                    edges.append(CycleEdge(from: objectID(from), to: objectID(to), via: via, createdAt: created))
                }
                let closed = at ?? SourceRange(line: 0, utf8Column: 0, endLine: 0, endUTF8Column: 0)
                let finalizer = c.contains { id in
                    interp.heap[id].classRef.flatMap { interp.heap.object($0.value)?.classInfo?.hasFinalizer } ?? false
                }
                sink.cycleFacts[key] = CycleFact(objects: path.map(objectID), edges: edges, closedAt: closed,
                                                 hasFinalizer: finalizer)
                sink.cycleOrder.append(key)
            }
            if garbage.contains(c[0]), sink.cycleFacts[key]?.becameGarbageAt == nil {
                sink.cycleFacts[key]?.becameGarbageAt = at
            }
        }
    }

    /// Orders a component as a path that follows references (greedy walk, closed back to the start).
    private func cyclePath(_ comp: [Int]) -> [Int] {
        let members = Set(comp)
        guard let start = comp.first else { return [] }
        var path = [start]
        var seen: Set<Int> = [start]
        var cur = start
        while true {
            guard let next = interp.visibleSuccessors(cur).first(where: { members.contains($0) && !seen.contains($0) }) else { break }
            path.append(next); seen.insert(next); cur = next
        }
        // Trim to the part that closes back to the start.
        while path.count > 1, !interp.visibleSuccessors(path[path.count - 1]).contains(start) { path.removeLast() }
        return path
    }
}

/// Collects the Name occurrences of a statement that belong to its own frame (not nested function or
/// class bodies, lambdas or comprehensions); compound statements contribute their header only.
enum NameCollector {
    static func collect(_ s: Stmt, into out: inout [(SourceRange, String)]) {
        switch s.kind {
        case .assign(let ts, let v, _): for t in ts { expr(t, &out, 0) }; expr(v, &out, 0)
        case .augAssign(let t, _, let v): expr(t, &out, 0); expr(v, &out, 0)
        case .annAssign(let t, _, let v, _): expr(t, &out, 0); if let v { expr(v, &out, 0) }
        case .delete(let ts): for t in ts { expr(t, &out, 0) }
        case .expr(let v): expr(v, &out, 0)
        case .return(let v): if let v { expr(v, &out, 0) }
        case .for(let f): expr(f.target, &out, 0); expr(f.iter, &out, 0)
        case .while(let t, _, _), .if(let t, _, _): expr(t, &out, 0)
        case .assert(let t, _): expr(t, &out, 0)
        default: break
        }
    }

    static func expr(_ e: Expr, _ out: inout [(SourceRange, String)], _ depth: Int) {
        guard depth < 100 else { return }
        switch e.kind {
        case .name(let id, _): out.append((e.range, id))
        case .boolOp(_, let vs): for v in vs { expr(v, &out, depth + 1) }
        case .binOp(let l, _, let r): expr(l, &out, depth + 1); expr(r, &out, depth + 1)
        case .unaryOp(_, let o): expr(o, &out, depth + 1)
        case .ifExp(let t, let b, let o): expr(t, &out, depth + 1); expr(b, &out, depth + 1); expr(o, &out, depth + 1)
        case .dict(let ks, let vs): for k in ks { if let k { expr(k, &out, depth + 1) } }; for v in vs { expr(v, &out, depth + 1) }
        case .set(let es), .list(let es, _), .tuple(let es, _): for x in es { expr(x, &out, depth + 1) }
        case .compare(let l, _, let cs): expr(l, &out, depth + 1); for c in cs { expr(c, &out, depth + 1) }
        case .call(let f, let args, let kws):
            expr(f, &out, depth + 1); for a in args { expr(a, &out, depth + 1) }; for k in kws { expr(k.value, &out, depth + 1) }
        case .attribute(let v, _, _), .starred(let v, _): expr(v, &out, depth + 1)
        case .subscript(let v, let s, _): expr(v, &out, depth + 1); expr(s, &out, depth + 1)
        case .joinedStr(let vs): for v in vs { expr(v, &out, depth + 1) }
        case .formattedValue(let v, _, _): expr(v, &out, depth + 1)
        default: break
        }
    }
}

/// The source as UTF-8 lines, for statement text and header ends.
struct SourceLines {
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ s: String) {
        bytes = Array(s.utf8)
        var st = [0]
        for (i, b) in bytes.enumerated() where b == 10 { st.append(i + 1) }
        starts = st
    }

    /// Line `n` (1-based) without its newline.
    private func line(_ n: Int) -> ArraySlice<UInt8> {
        let start = starts[n - 1]
        var end = n < starts.count ? starts[n] - 1 : bytes.count
        if end < start { end = start }
        return bytes[start..<end]
    }

    private var lines: LinesView { LinesView(source: self) }

    private struct LinesView {
        let source: SourceLines
        var indices: Range<Int> { 0..<source.starts.count }
        subscript(_ i: Int) -> [UInt8] { Array(source.line(i + 1)) }
    }

    func text(_ r: SourceRange) -> String? {
        guard r.line == r.endLine, lines.indices.contains(r.line - 1) else { return nil }
        let l = lines[r.line - 1]
        guard r.utf8Column <= r.endUTF8Column, r.endUTF8Column <= l.count else { return nil }
        return String(decoding: l[r.utf8Column..<r.endUTF8Column], as: UTF8.self)
    }

    /// The position just after the ':' that ends a compound statement's header.
    func headerEnd(_ r: SourceRange) -> SourcePosition? {
        var depth = 0
        var quote: UInt8? = nil
        var line = r.line
        var col = r.utf8Column
        while lines.indices.contains(line - 1), line <= r.endLine {
            let l = lines[line - 1]
            while col < l.count {
                let c = l[col]
                if let q = quote {
                    if c == 92 { col += 2; continue }
                    if c == q { quote = nil }
                } else if c == 34 || c == 39 {
                    quote = c
                } else if c == 35 {
                    break
                } else if c == 40 || c == 91 || c == 123 {
                    depth += 1
                } else if c == 41 || c == 93 || c == 125 {
                    depth -= 1
                } else if c == 58 && depth == 0 {
                    return SourcePosition(line: line, utf8Column: col + 1)
                }
                col += 1
            }
            line += 1
            col = 0
        }
        return nil
    }
}
