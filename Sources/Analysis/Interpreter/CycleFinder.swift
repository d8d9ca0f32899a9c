/// Strongly connected components of the heap graph (iterative Tarjan, so deep structures cannot overflow
/// the stack): the reference cycles among program objects.

enum CycleFinder {
    /// Components with a cycle (two or more objects, or one object referring to itself), each in a stable
    /// order, over the given nodes and successor lists.
    static func components(nodes: [Int], successors: (Int) -> [Int]) -> [[Int]] {
        // Heap ids are small and dense: per-node state lives in arrays indexed by id (grown on demand).
        var index: [Int] = []
        var low: [Int] = []
        var onStack: [Bool] = []
        func ensure(_ id: Int) {
            guard id >= index.count else { return }
            let n = max(id + 1, index.count * 2)
            index.append(contentsOf: repeatElement(-1, count: n - index.count))
            low.append(contentsOf: repeatElement(0, count: n - low.count))
            onStack.append(contentsOf: repeatElement(false, count: n - onStack.count))
        }
        ensure(nodes.max() ?? 0)
        var stack: [Int] = []
        var next = 0
        var result: [[Int]] = []
        for root in nodes where root >= 0 && index[root] < 0 {
            // (node, its successors, position in them)
            var work: [(Int, [Int], Int)] = [(root, successors(root), 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while !work.isEmpty {
                let top = work.count - 1
                let v = work[top].0
                let pos = work[top].2
                if pos < work[top].1.count {
                    work[top].2 += 1
                    let w = work[top].1[pos]
                    guard w >= 0 else { continue }
                    ensure(w)
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, successors(w), 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                let succ = work.removeLast().1
                if let parent = work.last {
                    low[parent.0] = min(low[parent.0], low[v])
                }
                if low[v] == index[v] {
                    var comp: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        comp.append(w)
                        if w == v { break }
                    }
                    if comp.count > 1 || succ.contains(v) { result.append(comp.sorted()) }
                }
            }
        }
        return result
    }
}

extension CycleFinder {
    /// `components(nodes:successors:)` over the heap's program-visible graph (a successor is a target
    /// that is alive, visible and can hold references, in `forEachTarget` order: the same result as
    /// with `Interpreter.visibleSuccessors`), without an array per node: the successors of the nodes on
    /// the search path live in one buffer used as a stack.
    static func components(in heap: Heap, nodes: [Int]) -> [[Int]] {
        let count = heap.objects.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var succ: [Int] = []
        func pushSuccessors(of id: Int) {
            heap[id].forEachTarget { t in
                let o = heap[t]
                if o.alive, o.visible, o.canHoldReferences { succ.append(t) }
            }
        }
        var stack: [Int] = []
        var next = 0
        var result: [[Int]] = []
        // (node, start and end of its successors in `succ`, position in them)
        var work: [(node: Int, start: Int, end: Int, pos: Int)] = []
        for root in nodes where root >= 0 && root < count && index[root] < 0 {
            pushSuccessors(of: root)
            work.append((root, 0, succ.count, 0))
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let top = work.last {
                let v = top.node
                if top.pos < top.end {
                    work[work.count - 1].pos += 1
                    let w = succ[top.pos]
                    guard w >= 0 && w < count else { continue }
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        let start = succ.count
                        pushSuccessors(of: w)
                        work.append((w, start, succ.count, start))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                let selfLoop = succ[top.start..<top.end].contains(v)
                succ.removeSubrange(top.start...)
                if let parent = work.last {
                    low[parent.node] = min(low[parent.node], low[v])
                }
                if low[v] == index[v] {
                    var comp: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        comp.append(w)
                        if w == v { break }
                    }
                    if comp.count > 1 || selfLoop { result.append(comp.sorted()) }
                }
            }
            succ.removeAll(keepingCapacity: true)
        }
        return result
    }
}
