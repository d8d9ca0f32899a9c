/// A running frame: its names, the cells it shares with closures, the evaluation-stack entries CPython
/// holds while a nested call runs (pending operands, a for loop's iterator, the args of a C-level call),
/// and its reference to the running function. Knows nothing about the AST walk.

final class Frame {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    /// CPython 3.11's co_qualname: "<module>", "f", "C.m", "f.<locals>.g", "<listcomp>".
    let qualname: String
    let scope: Scope
    /// Names in binding order (the oracle's order), values in `values`.
    private(set) var names: [String] = []
    private(set) var values: [String: Value] = [:]
    /// Reverse index object id -> names bound to it here, so "who holds this object" does not scan every
    /// name of a large module (hovers and hints ask it after every statement).
    private var namesByObject: [Int: [String]] = [:]
    /// When each name was first bound (binding order, for listing holders like the oracle does).
    private var bindingOrder: [String: Int] = [:]
    private var nextOrder = 0
    /// name -> cell object, for cell and free variables.
    var cells: [String: Int] = [:]
    var cellOrder: [String] = []
    /// Evaluation-stack entries that hold references (each one counted), with why, for holders.
    var stack: [(value: Value, why: String)] = []
    /// The running function (3.11 frames hold it: f_func).
    var function: Value?
    /// The statement whose state the next line event reports, and the one running now.
    var pendingLine: Int?
    var currentLine: Int?
    var currentRange: SourceRange?
    var pendingRange: SourceRange?
    /// Class bodies: the statements run so far bind into this namespace (the frame's names).
    let depth: Int

    init(kind: Kind, qualname: String, scope: Scope, depth: Int) {
        self.kind = kind; self.qualname = qualname; self.scope = scope; self.depth = depth
    }

    func lookup(_ name: String) -> Value? { values[name] }

    /// Binds `name`, taking over the caller's reference; returns the previous value (to release).
    func bind(_ name: String, _ v: Value) -> Value? {
        let old = values.updateValue(v, forKey: name)
        if old == nil {
            names.append(name)
            bindingOrder[name] = nextOrder
            nextOrder += 1
        }
        if case .obj(let id)? = old { forget(name, id) }
        if case .obj(let id) = v { namesByObject[id, default: []].append(name) }
        return old
    }

    /// Unbinds `name`; returns the value (to release).
    func unbind(_ name: String) -> Value? {
        guard let old = values.removeValue(forKey: name) else { return nil }
        if let i = names.firstIndex(of: name) { names.remove(at: i) }
        bindingOrder[name] = nil
        if case .obj(let id) = old { forget(name, id) }
        return old
    }

    private func forget(_ name: String, _ id: Int) {
        guard var list = namesByObject[id], let i = list.firstIndex(of: name) else { return }
        list.remove(at: i)
        namesByObject[id] = list.isEmpty ? nil : list
    }

    /// The names bound to object `id` in this frame, in binding order (same as filtering `boundNames`).
    func names(boundTo id: Int) -> [String] {
        guard let list = namesByObject[id] else { return [] }
        if list.count < 2 { return list }
        return list.sorted { (bindingOrder[$0] ?? 0) < (bindingOrder[$1] ?? 0) }
    }

    var boundNames: [String] { names }

    func push(_ v: Value, _ why: String) { stack.append((v, why)) }

    /// Removes the most recent stack entry holding `v` (the caller releases it).
    func pop() -> Value? { stack.popLast()?.value }
}
