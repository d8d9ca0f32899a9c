/// The abstract interpreter's driver: runs a module's statements over frames + heap, CPython 3.11's way,
/// and reports the state at every point the oracle observes (after each statement, at function entry and
/// return, at the end). A module statement outside the modelled subset throws `Abort`; its effects are
/// then made unknown (Havoc.swift) and the run goes on, so no exact number is ever claimed for what the
/// interpreter could not follow. Never executes user code; bounded by a step budget.

struct Abort: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
    static let budget = "work budget exhausted"
}

enum Flow {
    case normal, breakLoop, continueLoop
    case returned(Value)
}

final class Interpreter {
    let heap = Heap()
    let recorder = Recorder()
    let scopes: ScopeBuilder
    var frames: [Frame] = []
    var steps = 0
    /// The work budget: steps (statements, loop iterations, calls) before the run gives up.
    var maxSteps: Int
    /// A module statement that exhausts the budget (a loop of a million iterations) is given up like any
    /// statement the analysis cannot follow, and the rest of the module gets this much more, this often.
    let budgetExtension: Int
    var budgetExtensionsLeft = 2
    let maxCallDepth = 40
    /// Expression and block nesting right now, bounded so deeply nested input cannot overflow the stack.
    var nesting = 0
    let maxNesting = 600
    /// Set when a run starts on the thread that runs it.
    var stackGuard = StackGuard()
    /// Why the run stopped early, if it did.
    var abortReason: String?
    /// Module statements the interpreter could not follow; the state after each was made unknown.
    var havocReasons: [String] = []
    var cachedGlobalDeclarations: Set<String>?
    /// How many unknown values were made: a `try` body that made one might have raised.
    var unknownValuesMade = 0
    /// Work spent searching for cycles; past the budget cycles are no longer reported (never guessed).
    var cycleWork = 0
    let maxCycleWork = 2_000_000
    var cyclesAbandoned = false
    /// Running functions the program never called, each on its own with unknown arguments.
    var standalone = false
    /// Every def/lambda that was called at least once.
    var calledDefinitions = Set<SourceRange>()
    /// Unknown code may have changed objects: cycles and exit facts are not vouched for.
    var heapTainted = false
    /// Whether an unknown value may be one of the program's objects (whose methods are the program's code):
    /// after code the analysis gave up on (it may have handed program objects to unknown code), for the
    /// unknowns it left (`maybeProgramObjects`), and anywhere in a function run on its own.
    var anyUnknownMayBeProgramObject = false
    var maybeProgramObjects = Set<Int>()

    func unknownMayBeProgramObject(_ id: Int) -> Bool {
        standalone || anyUnknownMayBeProgramObject || maybeProgramObjects.contains(id)
    }

    /// Values just appended to a list whose contents are unknown: exact until the statement ends or the
    /// list's contents are touched (LoopGeneralization.swift).
    var pendingTaints: [Value] = []

    func flushPendingTaints() {
        guard !pendingTaints.isEmpty else { return }
        for v in pendingTaints { heap.taint(v) }
        pendingTaints.removeAll(keepingCapacity: true)
    }

    /// An unknown value that may be one of the program's objects (read from the program's own state).
    func unknownProgramValue() -> Value {
        let v = unknownValue("object")
        if case .obj(let id) = v { maybeProgramObjects.insert(id) }
        return v
    }

    /// An unknown value got from another (an attribute, an item): a program object if that may be one.
    func unknownDerived(from base: Int) -> Value {
        maybeProgramObjects.contains(base) ? unknownProgramValue() : unknownValue("object")
    }
    /// String constants the program has evaluated: code constants CPython interned at compile time, which
    /// `sys.intern` hands back instead of its argument.
    var stringConstantsSeen = Set<String>()
    private var lastCycleVersion = -1
    var graphVersion = 0
    private var cachedCycles: [[Int]] = []
    /// Hooks for the AnalysisResult builder: before and after a statement (a compound statement: after its
    /// header) ran, at a function's entry, and at every cycle observation.
    var willRun: ((Stmt, Frame) -> Void)?
    var didRun: ((Stmt, Frame) -> Void)?
    var didEnter: ((FunctionBody, Frame) -> Void)?
    var cycleObserver: ((_ components: [[Int]], _ garbage: Set<Int>, _ at: SourceRange?) -> Void)?
    /// Called when the rest of a statement was not followed.
    var unfollowedObserver: ((Unfollowed) -> Void)?
    /// The truth values this run gives conditions it cannot decide (PathChoices.swift).
    var choices = PathChoices()
    /// How many `try`/`with` bodies are running (in any frame): an exception there is not modelled.
    var handlersActive = 0
    /// The run ended with an exception nothing catches: the program stops there.
    var endedByException = false
    /// Module statements this run finished (a path that ended early defined less).
    var moduleStatementsRun = 0
    /// For each object, how many objects its allocation site made before it in this run: objects of
    /// different paths with the same site and ordinal are the same object of the program.
    private var ordinals: [Int32] = []
    private var siteCounters: [SourceRange: Int32] = [:]
    /// Whether every name's count is recorded at every point (the oracle's format; the editor's result
    /// does not need it, and for a large module it is the main cost).
    var recordsPoints = true
    var recordedObservations = 0
    let maxRecordedObservations = 100_000
    var recordingStopped = false
    /// Tests: re-derive every count from the state at each point and note where they differ.
    var checkCounts = false
    var countCheckFailures: [String] = []
    /// The first statement range seen on each line (edge creation sites).
    var lineRanges: [Int: SourceRange] = [:]

    /// `scopes` may be shared by runs of one module (its paths): scopes depend on the source alone.
    init(module: Module, maxSteps: Int = 60_000, scopes: ScopeBuilder = ScopeBuilder()) {
        self.scopes = scopes
        self.maxSteps = maxSteps
        budgetExtension = maxSteps / 3
        self.module = module
    }

    let module: Module

    func run() {
        stackGuard = StackGuard()
        let f = Frame(kind: .module, qualname: "<module>", scope: scopes.module, depth: 0)
        frames = [f]
        for s in module.body {
            do {
                _ = try exec(s, f)
                moduleStatementsRun += 1
            } catch is Raised {
                // Uncaught: the program ends here, with no more line events.
                endedByException = true
                frames = [f]
                f.stack.removeAll()
                return
            } catch let a as Abort {
                // The rest of this statement was not followed: points it may reach again are incomplete.
                markUnfollowed(s)
                if a.reason == Abort.budget {
                    guard budgetExtensionsLeft > 0 else {
                        // Stopped: what the rest of the module would have done, on this path, is not known.
                        abortReason = a.reason
                        markUnfollowed(lines: s.range.line...Int.max, mayCallCode: true, ownFrame: nil)
                        return
                    }
                    budgetExtensionsLeft -= 1
                    maxSteps = steps + budgetExtension
                }
                // Outside the subset: forget what this statement may have changed, then go on.
                havocReasons.append("line \(s.range.line): \(a.reason)")
                havoc(after: s)
            } catch {
                abortReason = "\(error)"
                return
            }
        }
        if let p = f.pendingLine { record(.end, p, f) }
    }

    /// After the run: the oracle's exit (globals deleted, what only the cycle collector frees).
    func finishProgram() {
        guard abortReason == nil, !endedByException, !heapTainted, !cyclesAbandoned, let f = frames.first else { return }
        exitProgram(f)
    }

    var moduleFrame: Frame { frames[0] }
    var current: Frame { frames[frames.count - 1] }

    // MARK: - Statement boundaries and events

    /// Called when a statement (or a loop header) starts in `f`: the oracle's line event for the previous
    /// statement of `f` fires here, with the state as it is now.
    func beginStatement(line: Int, range: SourceRange, in f: Frame) throws {
        steps += 1
        if steps > maxSteps { throw Abort(Abort.budget) }
        if let p = f.pendingLine, p != line { record(.line, p, f) }
        flushPendingTaints()
        f.pendingLine = line
        f.pendingRange = range
        if lineRanges[line] == nil { lineRanges[line] = range }
        f.currentLine = line
        f.currentRange = range
    }

    /// The allocation site for an object made now: the statement running in the innermost frame that has
    /// started one (a constructor's instance belongs to the caller's statement).
    var allocationSite: (Int, SourceRange?) {
        for f in frames.reversed() { if let l = f.currentLine { return (l, f.currentRange) } }
        return (0, nil)
    }

    func newObject(_ kind: ObjKind, _ typeName: String, visible: Bool = true) -> PyObj {
        let (line, range) = allocationSite
        let o = heap.allocate(kind, typeName: typeName, site: line, visible: visible)
        o.siteRange = range
        if let range {
            let n = siteCounters[range, default: 0]
            siteCounters[range] = n + 1
            ordinals.append(n)
        } else {
            ordinals.append(0)
        }
        o.rc = 1
        // A new object has no references to it yet: no cycle can change until something stores it.
        return o
    }

    func label(_ o: PyObj) -> String { "\(o.typeName)@\(o.site)" }

    /// How many objects the site of object `id` made before it since the run (or standalone run) began.
    func allocationOrdinal(_ id: Int) -> Int32 { ordinals.indices.contains(id) ? ordinals[id] : 0 }

    /// A new standalone run counts its allocations afresh, like a new path.
    func restartAllocationOrdinals() { siteCounters.removeAll(keepingCapacity: true) }

    func observe(_ v: Value) -> BindingObservation {
        switch v {
        case .atom(let a):
            return BindingObservation(count: .interned, site: nil, typeName: a.typeName,
                                      valueText: "\(a.typeName):\(a.repr)")
        case .obj(let id):
            let o = heap[id]
            if o.kind == .unknown {
                return BindingObservation(count: .unknown, site: nil, typeName: o.typeName, valueText: nil)
            }
            if o.kind == .klass {
                return BindingObservation(count: .opaque, site: label(o), typeName: "type", valueText: nil)
            }
            if let text = Self.cachedLookingText(o) {
                return BindingObservation(count: .interned, site: nil, typeName: "str", valueText: "str:\(text)")
            }
            if o.tainted {
                return BindingObservation(count: .unknown, site: label(o), typeName: o.typeName, valueText: nil)
            }
            return BindingObservation(count: .exact(o.rc), site: label(o), typeName: o.typeName, valueText: nil)
        }
    }

    /// A one-character Latin-1 string made at run time (`str(7)`): a new object, not the cached one, yet
    /// the oracle reports every such string as interned, since it cannot tell them apart.
    static func cachedLookingText(_ o: PyObj) -> String? {
        guard o.kind == .str, case .str(let s)? = o.scalar, s.unicodeScalars.count == 1,
              let u = s.unicodeScalars.first, u.value < 256 else { return nil }
        return s
    }

    static let hiddenClassNames: Set<String> = ["__module__", "__qualname__", "__classcell__", "__doc__",
                                                "__annotations__", "__dict__", "__weakref__", "__slots__"]

    func bindings(of f: Frame) -> [(String, BindingObservation)] {
        var out: [(String, BindingObservation)] = []
        for n in f.boundNames {
            if f.kind == .classBody && Self.hiddenClassNames.contains(n) { continue }
            if f.kind == .module && n.hasPrefix("__") && n.hasSuffix("__") { continue }
            if n.hasPrefix(".") { continue }
            if let v = f.lookup(n) { out.append((n, observe(v))) }
        }
        for n in f.cellOrder {
            if let c = f.cells[n], let s = heap[c].items.first { out.append((n, observe(s.value))) }
        }
        return out
    }

    func record(_ event: PointEvent, _ line: Int, _ f: Frame) {
        // Another path records what this one saw before its last `true` choice (PathChoices.swift).
        guard choices.isRecording else { return }
        if checkCounts, !countMismatches().isEmpty { countCheckFailures.append("\(event.rawValue) \(line) \(f.qualname)") }
        if recordsPoints {
            let observed = bindings(of: f)
            recordedObservations += observed.count
            if recordedObservations > maxRecordedObservations {
                // Budget: stop recording; what was recorded may miss later values, so it becomes unknown.
                recordsPoints = false
                recorder.markIncomplete { _ in true }
                recordingStopped = true
                recorder.stoppedRecording = true
            } else {
                recorder.record(PointKey(event: event, line: line, frame: f.qualname), observed)
            }
        }
        if event != .call { recordCycles(line, at: f.pendingRange) }
    }

    // MARK: - Cycles and garbage

    func visibleSuccessors(_ id: Int) -> [Int] {
        var out: [Int] = []
        var edges = 0
        defer { cycleWork += edges }
        heap[id].forEachTarget { t in
            edges += 1
            let o = self.heap[t]
            if o.alive, o.visible, o.canHoldReferences { out.append(t) }
        }
        return out
    }

    func currentCycles() -> [[Int]] {
        if graphVersion == lastCycleVersion || cyclesAbandoned { return cachedCycles }
        heap.holderIDs.removeAll { !heap[$0].alive }
        let nodes = heap.holderIDs.filter { heap[$0].visible }
        // Budget: a search per point over a huge heap (a loop building 100,000 lists) would take minutes.
        // It counts the nodes and the references searched (a list of 100,000 ints is one node).
        cycleWork += nodes.count
        if cycleWork > maxCycleWork {
            cyclesAbandoned = true
            cachedCycles = []
            return []
        }
        cachedCycles = CycleFinder.components(nodes: nodes, successors: visibleSuccessors)
        lastCycleVersion = graphVersion
        return cachedCycles
    }

    /// Objects reachable from the live frames (names, cells, stacks, running functions).
    func reachableFromRoots() -> Set<Int> {
        var work: [Int] = []
        for f in frames {
            for n in f.boundNames { if let v = f.lookup(n), case .obj(let id) = v { work.append(id) } }
            for (_, c) in f.cells { work.append(c) }
            for s in f.stack { if case .obj(let id) = s.value { work.append(id) } }
            if let fn = f.function, case .obj(let id) = fn { work.append(id) }
        }
        var seen = Set<Int>()
        while let id = work.popLast() {
            guard heap[id].alive, seen.insert(id).inserted else { continue }
            heap[id].forEachTargetUnordered { work.append($0) }
        }
        return seen
    }

    func recordCycles(_ line: Int, at range: SourceRange?) {
        if cyclesAbandoned { return }
        let comps = currentCycles()
        guard !comps.isEmpty else {
            recorder.recordCycles(line: line, cycles: [], garbage: [])
            return
        }
        let reach = reachableFromRoots()
        var all: [[String]] = []
        var garbage: [[String]] = []
        var garbageIDs = Set<Int>()
        for c in comps {
            let labels = Array(Set(c.map { label(heap[$0]) })).sorted()
            all.append(labels)
            if !c.contains(where: { reach.contains($0) }) { garbage.append(labels); garbageIDs.formUnion(c) }
        }
        cycleObserver?(comps, garbageIDs, range)
        recorder.recordCycles(line: line, cycles: all, garbage: garbage)
    }

    /// Garbage objects (alive, unreachable from roots), for gc.collect().
    func garbageObjects() -> [Int] {
        let reach = reachableFromRoots()
        return heap.objects.filter { $0.alive && !reach.contains($0.id) && $0.kind != .klass }.map(\.id)
    }

    /// After the module body: the oracle deletes the globals; what survives only the cycle collector frees.
    func exitProgram(_ f: Frame) {
        for n in f.boundNames {
            if let v = f.unbind(n) { heap.release(v) }
        }
        graphVersion += 1
        var freed = Set<String>()
        for o in heap.objects where o.alive && o.visible { freed.insert(label(o)) }
        recorder.freedByGC = freed
    }

    // MARK: - Names

    func release(_ v: Value) {
        heap.release(v)
        // Freeing can only remove cycles: the cached ones must be recomputed only if there are any.
        if !cachedCycles.isEmpty, heap.freedAnything { graphVersion += 1 }
    }

    func retain(_ v: Value) { heap.retain(v) }

    /// A name's value in `f` as its scope resolves it, without touching counts.
    func peekName(_ id: String, _ f: Frame) -> Value? {
        switch f.scope.resolve(id) {
        case .local: return f.lookup(id)
        case .cell, .free: return f.cells[id].flatMap { heap[$0].items.first?.value } ?? f.lookup(id)
        case .classNamespace: return f.lookup(id) ?? moduleFrame.lookup(id)
        case .global: return moduleFrame.lookup(id) ?? Builtins.value(named: id)
        }
    }

    func cell(_ name: String, _ f: Frame) -> PyObj? {
        guard let id = f.cells[name] else { return nil }
        return heap[id]
    }

    func loadName(_ name: String, _ f: Frame) throws -> Value {
        switch f.scope.resolve(name) {
        case .local:
            if let v = f.lookup(name) { retain(v); return v }
            throw Abort("unbound local \(name)")
        case .cell, .free:
            if let c = cell(name, f), c.tainted { return unknownProgramValue() }
            if let c = cell(name, f), let s = c.items.first { retain(s.value); return s.value }
            if f.kind == .classBody, let v = f.lookup(name) { retain(v); return v }
            throw Abort("unbound cell \(name)")
        case .classNamespace:
            if let v = f.lookup(name) { retain(v); return v }
            return try loadGlobal(name)
        case .global:
            return try loadGlobal(name)
        }
    }

    func loadGlobal(_ name: String) throws -> Value {
        if standalone, let v = moduleFrame.lookup(name) {
            // A function run on its own: a global may hold anything by the time it is called, except the
            // program's functions, classes and imported modules.
            if case .atom(.module) = v { return v }
            if let o = heap.object(v), o.kind == .function || o.kind == .klass { retain(v); return v }
            return unknownValue("object")
        }
        if let v = moduleFrame.lookup(name) { retain(v); return v }
        if let b = Builtins.value(named: name) { return b }
        throw Abort("name \(name) is not defined")
    }

    /// Binds `name` in `f` according to its scope, taking over the reference in `v`.
    func storeName(_ name: String, _ v: Value, _ f: Frame) throws {
        switch f.scope.resolve(name) {
        case .local, .classNamespace:
            if let old = f.bind(name, v) { release(old) }
        case .global:
            // A function run on its own does not know who else reads its globals.
            if standalone { heap.taint(v) }
            if let old = moduleFrame.bind(name, v) { release(old) }
        case .cell, .free:
            guard let c = cell(name, f) else { throw Abort("no cell for \(name)") }
            let old = c.items.first?.value
            c.items = [Slot(value: v, line: f.currentLine ?? 0)]
            graphVersion += 1
            if let old { release(old) }
        }
    }

    func deleteName(_ name: String, _ f: Frame) throws {
        switch f.scope.resolve(name) {
        case .local, .classNamespace:
            guard let old = f.unbind(name) else { throw Abort("del of unbound \(name)") }
            release(old)
        case .global:
            guard let old = moduleFrame.unbind(name) else { throw Abort("del of unbound \(name)") }
            release(old)
        case .cell, .free:
            guard let c = cell(name, f), let old = c.items.first?.value else { throw Abort("del of unbound \(name)") }
            c.items = []
            release(old)
        }
    }
}
