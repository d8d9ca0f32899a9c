/// Strongly connected components of the heap graph (iterative Tarjan, so deep structures cannot overflow
/// the stack): the reference cycles among program objects.

enum CycleFinder {
    /// Components with a cycle (two or more objects, or one object referring to itself), each in a stable
    /// order, over the given nodes and successor lists.
    static func components(nodes: [Int], successors: (Int) -> [Int]) -> [[Int]] {
        var index = [Int: Int]()
        var low = [Int: Int]()
        var onStack = Set<Int>()
        var stack: [Int] = []
        var next = 0
        var result: [[Int]] = []
        for root in nodes where index[root] == nil {
            // (node, its successors, position in them)
            var work: [(Int, [Int], Int)] = [(root, successors(root), 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack.insert(root)
            while !work.isEmpty {
                let top = work.count - 1
                let (v, succ, pos) = work[top]
                if pos < succ.count {
                    work[top].2 += 1
                    let w = succ[pos]
                    if index[w] == nil {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack.insert(w)
                        work.append((w, successors(w), 0))
                    } else if onStack.contains(w) {
                        low[v] = min(low[v] ?? 0, index[w] ?? 0)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last {
                    low[parent.0] = min(low[parent.0] ?? 0, low[v] ?? 0)
                }
                if low[v] == index[v] {
                    var comp: [Int] = []
                    while let w = stack.popLast() {
                        onStack.remove(w)
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
