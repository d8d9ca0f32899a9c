/// Functions the program defines but never calls, analysed on their own for the editor: parameters are
/// unknown objects (`self` an unknown instance of its class), globals other than functions, classes and
/// modules are unknown, and every object that existed before is tainted. What the function itself makes
/// is counted exactly (`x = []` is 1 whoever calls it); everything else is unknown. Only the editor's
/// result uses this; the oracle facts describe the program's own run.

extension Interpreter {
    /// Runs every uncalled function on its own, each over the paths of its undecidable conditions, and
    /// hands `builder` the joined facts of each.
    func analyzeUncalledFunctions(into builder: ResultBuilder, maxFunctions: Int = 400, maxSteps budget: Int = 60_000,
                                  maxStepsPerRun: Int = 15_000) {
        // Functions have a budget of their own: a module that spent its budget still gets them analysed.
        guard abortReason == nil || abortReason == Abort.budget else { return }
        abortReason = nil
        steps = 0
        cyclesAbandoned = true   // what a hypothetical call links up is not reported as a cycle
        standalone = true
        stackGuard = StackGuard()
        for o in heap.objects where o.alive { o.tainted = true }
        heapTainted = true
        var done = Set<Int>()
        var analysed = 0
        var taintedUpTo = heap.objects.count
        var start = 0
        while analysed < maxFunctions {
            // Functions made by a standalone run (nested defs) come later in the heap: one forward scan.
            guard let index = heap.objects[start...].firstIndex(where: { o in
                o.alive && o.kind == .function && !done.contains(o.id)
                    && o.function.map { !calledDefinitions.contains($0.def.range) && $0.def.lambdaBody == nil } == true
            }), let info = heap.objects[index].function else { return }
            let fo = heap.objects[index]
            start = index + 1
            done.insert(fo.id)
            analysed += 1
            // What earlier runs made (an enclosing function's locals, now in this one's closure cells) may
            // have changed by the time this function is called.
            for o in heap.objects[taintedUpTo...] where o.alive { o.tainted = true }
            taintedUpTo = heap.objects.count
            let cls = owningClass(of: fo.id, qualname: info.qualname)
            let paths = PathExplorer.explore(maxPaths: FunctionPaths.maxPaths, maxDepth: FunctionPaths.maxDepth,
                                             maxSteps: FunctionPaths.maxSteps) { pathChoices in
                builder.beginPath()
                let before = steps
                choices = pathChoices
                pathChoices.startSteps = steps
                // One run may not spend the budget of all the functions after it.
                maxSteps = min(budget, steps + maxStepsPerRun)
                runStandalone(fo, info, ownerClass: cls, lastRunAllowed: maxSteps >= budget)
                return PathOutcome(pathChoices, observed: builder.endPath(), steps: steps - before)
            }
            builder.commit(paths.map(\.observed))
            calledDefinitions.insert(info.def.range)
            if abortReason != nil { return }
        }
    }

    /// One path of a function run on its own. Never throws: what it cannot follow is given up statement
    /// by statement; the work budget gives up the whole function.
    private func runStandalone(_ fo: PyObj, _ info: FunctionInfo, ownerClass: PyObj?, lastRunAllowed: Bool) {
        let def = info.def
        if def.scope.isGenerator { return }
        restartAllocationOrdinals()
        let firstNew = heap.objects.count
        frames = [moduleFrame]
        defer {
            flushPendingTaints()
            frames = [moduleFrame]
            // What this run made is unreachable once it ends (a store into an older object tainted it):
            // later runs need not scan it for holders.
            if heap.holderIDs.last.map({ $0 >= firstNew }) == true { heap.holderIDs.removeAll { $0 >= firstNew } }
        }
        let frame = Frame(kind: .function, qualname: info.qualname, scope: def.scope, depth: 1)
        retain(.obj(fo.id))
        frame.function = .obj(fo.id)
        var params = def.args.posonlyargs + def.args.args + def.args.kwonlyargs
        if let va = def.args.vararg { params.append(va) }
        if let ka = def.args.kwarg { params.append(ka) }
        var bound: [String: Value] = [:]
        for (i, p) in params.enumerated() {
            if i == 0, let cls = ownerClass {
                let inst = newObject(.instance, cls.classInfo?.name ?? "object")
                inst.classRef = Slot(value: .obj(cls.id), line: def.defLine)
                retain(.obj(cls.id))
                inst.tainted = true
                bound[p.arg] = .obj(inst.id)
            } else {
                bound[p.arg] = unknownValue("object")
            }
        }
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
        for p in params { if let v = bound[p.arg] { _ = frame.bind(p.arg, v) } }
        frames.append(frame)
        for (i, s) in def.body.enumerated() {
            if i == 0, case .expr(let e) = s.kind, case .constant(.str, _) = e.kind { continue }
            do {
                let flow = try exec(s, frame)
                if case .normal = flow { continue }
                break
            } catch is Raised {
                break   // the function raises here on this path: nothing after it runs
            } catch let a as Abort where a.reason != Abort.budget {
                // Like a module statement outside the subset: forget what it did, go on.
                markUnfollowed(s, ownFrame: frame.qualname)
                frames = [moduleFrame, frame]
                frame.stack.removeAll()
                // Everything older was tainted before this function started, and what it made since is
                // reachable from no tainted object, no global and no code it did not follow (each of those
                // taints what reaches it): whatever code runs, it reaches only what the names the statement
                // mentions reach (a nested function mentioned reaches its cells).
                var mentioned = Set<String>()
                MayCallCode.names(s, into: &mentioned)
                for n in mentioned { taintReach(ofName: n, frame) }
                var names = Set<String>()
                AssignedNames.collect(s, into: &names)
                for n in names.sorted() where frame.scope.resolve(n) == .local {
                    _ = frame.bind(n, unknownValue("object"))
                }
            } catch {
                // The work budget: what this path saw of the function is not all it would have seen. Past
                // the budget of all functions, the analysis of functions stops.
                if lastRunAllowed { abortReason = Abort.budget }
                let lines = def.range.line...max(def.range.line, def.range.endLine)
                markUnfollowed(lines: lines, ownFrame: nil)
                return
            }
        }
    }

    /// The class whose namespace holds this function, for a method's `self`.
    private func owningClass(of fn: Int, qualname: String) -> PyObj? {
        guard qualname.utf8.contains(UInt8(ascii: ".")) else { return nil }
        for id in heap.classIDs {
            let o = heap[id]
            if o.alive && o.kind == .klass && o.attrs.values.contains(where: { $0.value == .obj(fn) }) { return o }
        }
        return nil
    }
}
