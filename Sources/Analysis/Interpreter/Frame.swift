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
    /// Each bound name's value and when it was first bound (binding order, for listing holders like the
    /// oracle does): one table, so binding a name hashes it once.
    private var values: [String: Binding] = [:]
    private struct Binding { var value: Value; var order: Int }
    /// Reverse index object id -> names bound to it here, so "who holds this object" does not scan every
    /// name of a large module (hovers and hints ask it after every statement).
    private var namesByObject: [Int: [String]] = [:]
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
        // Sized for the names the scope binds (a module's are not recorded: a guess), so binding them
        // does not rehash the tables as they grow.
        let expected = scope.kind == .module ? 64 : scope.bound.count
        if expected > 0 {
            values.reserveCapacity(expected)
            namesByObject.reserveCapacity(expected)
        }
    }

    func lookup(_ name: String) -> Value? { values[name]?.value }

    /// Binds `name`, taking over the caller's reference; returns the previous value (to release).
    func bind(_ name: String, _ v: Value) -> Value? {
        var old: Value?
        let order = nextOrder
        // One lookup: the entry is updated in place, or inserted with the next binding order.
        Self.update(&values[name, default: Binding(value: v, order: -1)], v, order, &old)
        if old == nil {
            names.append(name)
            nextOrder += 1
        }
        if case .obj(let id)? = old { forget(name, id) }
        if case .obj(let id) = v { namesByObject[id, default: []].append(name) }
        return old
    }

    private static func update(_ b: inout Binding, _ v: Value, _ order: Int, _ old: inout Value?) {
        if b.order < 0 { b.order = order } else { old = b.value }
        b.value = v
    }

    /// Unbinds `name`; returns the value (to release).
    func unbind(_ name: String) -> Value? {
        guard let old = values.removeValue(forKey: name)?.value else { return nil }
        if let i = names.firstIndex(of: name) { names.remove(at: i) }
        if case .obj(let id) = old { forget(name, id) }
        return old
    }

    private func forget(_ name: String, _ id: Int) {
        guard let at = namesByObject.index(forKey: id), let i = namesByObject.values[at].firstIndex(of: name)
        else { return }
        namesByObject.values[at].remove(at: i)
        if namesByObject.values[at].isEmpty { namesByObject.remove(at: at) }
    }

    /// The names bound to object `id` in this frame, in binding order (same as filtering `boundNames`).
    func names(boundTo id: Int) -> [String] {
        guard let list = namesByObject[id] else { return [] }
        if list.count < 2 { return list }
        return list.sorted { (values[$0]?.order ?? 0) < (values[$1]?.order ?? 0) }
    }

    var boundNames: [String] { names }

    func push(_ v: Value, _ why: String) { stack.append((v, why)) }

    /// Removes the most recent stack entry holding `v` (the caller releases it).
    func pop() -> Value? { stack.popLast()?.value }
}
