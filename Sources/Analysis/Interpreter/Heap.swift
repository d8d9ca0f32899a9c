/// The heap: every object the analysed program makes at run time (and the interpreter-internal holders
/// CPython has, such as iterators), with its outgoing references. Reference counts are the in-degree of
/// this graph plus the references frames hold; every store goes through `retain`/`release`, so the count
/// is right by construction and `countReferences` can re-derive it from the graph to check.
/// Knows nothing about frames, events or the AST.

enum ObjKind: Equatable {
    case list, tuple, dict, set, frozenset, str, int, float, instance, function, klass, cell, method
    case range, weakref
    /// `staticmethod` / `classmethod` wrapping a function (items[0]).
    case descriptor
    /// An interpreter-internal iterator (for loops, comprehensions, zip, enumerate): never reported.
    case iterator
    /// A dict view (`d.items()`), internal unless bound.
    case dictView
    /// Made by code the analysis does not model: nothing is known about it.
    case unknown
}

/// What an internal iterator walks over.
enum IteratorSource {
    /// list/tuple/str(as items)/set/dict keys or values or items: index into the source object.
    case sequence(dictPart: DictPart?)
    case range(start: Int, stop: Int, step: Int)
    case reversed
    case zip
    case enumerate(next: Int)
}

enum DictPart { case keys, values, items }

/// The state of an internal iterator. Its `items` slots hold the sources (the iterable, or the inner
/// iterators of zip/enumerate); `resultTuple` is the tuple zip/enumerate/dict-items reuse while nobody else
/// holds it (CPython's `lz->result`).
struct IteratorState {
    var source: IteratorSource
    var index = 0
    var exhausted = false
    /// Size of a dict or set source when iteration started (CPython raises if it changes).
    var sourceSize: Int?
    var resultTuple: Int?
}

struct FunctionInfo {
    var def: FunctionBody
    var qualname: String
    var name: String
}

struct ClassInfo {
    var name: String
    var qualname: String
    var bases: [Int]
    var hasFinalizer: Bool
}

/// One heap object.
final class PyObj {
    let id: Int
    var kind: ObjKind
    var typeName: String
    /// First line of the statement running when it was made (the oracle's allocation site).
    var site: Int
    var siteRange: SourceRange?
    var exprRange: SourceRange?
    var rc = 0
    var alive = true
    /// Reached by code the analysis does not model: its count is no longer vouched for.
    var tainted = false
    /// A list, dict or set whose count is known but whose contents are not (a loop the analysis gave up
    /// changed them; LoopGeneralization.swift): reads are unknown, what goes in is no longer counted.
    var contentsUnknown = false
    /// A program-visible object (gets a label); internal holders are not reported.
    var visible: Bool

    /// list/tuple/set/frozenset members; iterator sources; bound method [func, self]; cell [contents].
    var items: [Slot] = []
    var keys: [Slot] = []
    var values: [Slot] = []
    /// Dict lookup index (key identity -> position), rebuilt after removals.
    var keyIndex: [KeyIdentity: Int]?
    var attrNames: [String] = [] { didSet { attrSlotsInOrder = nil } }
    var attrs: [String: Slot] = [:] { didSet { attrSlotsInOrder = nil } }
    /// `attrs` in `attrNames` order, kept until either changes: graph walks visit a class's methods
    /// many times, and looking each one up by name hashes it.
    private var attrSlotsInOrder: [Slot]?

    /// The attribute slots in binding order.
    var orderedAttrSlots: [Slot] {
        if let cached = attrSlotsInOrder { return cached }
        let slots = attrNames.compactMap { attrs[$0] }
        attrSlotsInOrder = slots
        return slots
    }
    /// Runtime int/str/float: the value.
    var scalar: Atom?
    /// instance -> its class.
    var classRef: Slot?
    var function: FunctionInfo?
    var defaults: [Slot] = []
    var kwDefaults: [(String, Slot)] = []
    var closure: [(String, Slot)] = []
    var classInfo: ClassInfo?
    var iterator: IteratorState?
    var weakTarget: Int?
    var rangeValue: (start: Int, stop: Int, step: Int)?

    init(id: Int, kind: ObjKind, typeName: String, site: Int, visible: Bool) {
        self.id = id; self.kind = kind; self.typeName = typeName; self.site = site; self.visible = visible
    }

    /// Every outgoing reference with the oracle's slot name, in a stable order.
    func forEachReference(_ body: (Value, String, Int) -> Void) {
        switch kind {
        case .list, .tuple:
            for (i, s) in items.enumerated() { body(s.value, "[\(i)]", s.line) }
        case .set, .frozenset:
            for s in items { body(s.value, "{}", s.line) }
        case .dict:
            for (k, v) in zip(keys, values) {
                let name = Self.keyText(k.value)
                body(k.value, "key[\(name)]", k.line)
                body(v.value, "[\(name)]", v.line)
            }
        case .method:
            if items.count == 2 {
                body(items[0].value, ".__func__", items[0].line)
                body(items[1].value, ".__self__", items[1].line)
            }
        case .cell:
            for s in items { body(s.value, "cell_contents", s.line) }
        case .iterator, .dictView:
            for s in items { body(s.value, "<ref>", s.line) }
            if let t = iterator?.resultTuple { body(.obj(t), "<ref>", 0) }
        default:
            for s in items { body(s.value, "<ref>", s.line) }
        }
        if let c = classRef { body(c.value, "__class__", c.line) }
        for n in attrNames { if let s = attrs[n] { body(s.value, ".\(n)", s.line) } }
        for (i, s) in defaults.enumerated() { body(s.value, ".__defaults__[\(i)]", s.line) }
        for (n, s) in kwDefaults { body(s.value, ".__kwdefaults__[\(n)]", s.line) }
        for (n, s) in closure { body(s.value, ".__closure__[\(n)]", s.line) }
    }

    /// Every outgoing reference, without slot names (the fast path for counting and graph walks).
    @inline(__always)
    func forEachTarget(_ body: (Int) -> Void) {
        for s in items { if case .obj(let t) = s.value { body(t) } }
        for s in keys { if case .obj(let t) = s.value { body(t) } }
        for s in values { if case .obj(let t) = s.value { body(t) } }
        if let t = iterator?.resultTuple { body(t) }
        if case .obj(let t)? = classRef?.value { body(t) }
        if !attrNames.isEmpty { for s in orderedAttrSlots { if case .obj(let t) = s.value { body(t) } } }
        for s in defaults { if case .obj(let t) = s.value { body(t) } }
        for (_, s) in kwDefaults { if case .obj(let t) = s.value { body(t) } }
        for (_, s) in closure { if case .obj(let t) = s.value { body(t) } }
    }

    /// The same targets as `forEachTarget`, attributes in the dictionary's order instead of binding order
    /// (no name is hashed): for walks whose result does not depend on the order (taint, reachability).
    @inline(__always)
    func forEachTargetUnordered(_ body: (Int) -> Void) {
        for s in items { if case .obj(let t) = s.value { body(t) } }
        for s in keys { if case .obj(let t) = s.value { body(t) } }
        for s in values { if case .obj(let t) = s.value { body(t) } }
        if let t = iterator?.resultTuple { body(t) }
        if case .obj(let t)? = classRef?.value { body(t) }
        for s in attrs.values { if case .obj(let t) = s.value { body(t) } }
        for s in defaults { if case .obj(let t) = s.value { body(t) } }
        for (_, s) in kwDefaults { if case .obj(let t) = s.value { body(t) } }
        for (_, s) in closure { if case .obj(let t) = s.value { body(t) } }
    }

    /// Whether this object holds a reference to `target` (what `forEachTarget` would report), stopping at
    /// the first one and hashing no attribute name: the test "who holds this object" runs on every holder.
    func refersTo(_ target: Int) -> Bool {
        @inline(__always) func hit(_ s: Slot) -> Bool {
            if case .obj(let t) = s.value { return t == target }
            return false
        }
        for s in items where hit(s) { return true }
        for s in keys where hit(s) { return true }
        for s in values where hit(s) { return true }
        if iterator?.resultTuple == target { return true }
        if let c = classRef, hit(c) { return true }
        for s in attrs.values where hit(s) { return true }
        for s in defaults where hit(s) { return true }
        for (_, s) in kwDefaults where hit(s) { return true }
        for (_, s) in closure where hit(s) { return true }
        return false
    }

    /// Kinds that can hold references to other objects (only they can be part of a cycle).
    var canHoldReferences: Bool {
        switch kind {
        case .str, .int, .float, .range, .weakref, .unknown: return false
        default: return true
        }
    }

    static func keyText(_ v: Value) -> String {
        if case .atom(let a) = v { return a.repr }
        return "…"
    }
}

/// The object store with CPython's reference counting: objects die when their count reaches 0, and
/// everything they hold is released in turn (iteratively, so deep structures cannot overflow the stack).
final class Heap {
    private(set) var objects: [PyObj] = []
    /// Objects that can hold references (cycle candidates, holders), dead ones pruned lazily.
    var holderIDs: [Int] = []
    /// Every class object ever made, in allocation order (dead ones included): finding the class that holds
    /// a method need not walk the whole heap.
    private(set) var classIDs: [Int] = []

    func allocate(_ kind: ObjKind, typeName: String, site: Int, visible: Bool = true) -> PyObj {
        let o = PyObj(id: objects.count, kind: kind, typeName: typeName, site: site, visible: visible)
        objects.append(o)
        if o.canHoldReferences { holderIDs.append(o.id) }
        if kind == .klass { classIDs.append(o.id) }
        return o
    }

    subscript(_ id: Int) -> PyObj { objects[id] }

    func object(_ v: Value) -> PyObj? {
        if case .obj(let id) = v, objects.indices.contains(id) { return objects[id] }
        return nil
    }

    func retain(_ v: Value) {
        if case .obj(let id) = v { objects[id].rc += 1 }
    }

    /// Drops one reference; frees what reaches 0.
    func release(_ v: Value) {
        guard case .obj(let first) = v else { return }
        var work = [first]
        while let id = work.popLast() {
            let o = objects[id]
            o.rc -= 1
            guard o.rc <= 0, o.alive else { continue }
            o.alive = false
            freedFlag = true
            o.forEachTarget { work.append($0) }
            clearReferences(o)
        }
    }

    /// Removes an object's outgoing references without releasing them (the caller already did).
    private func clearReferences(_ o: PyObj) {
        o.items = []; o.keys = []; o.values = []; o.attrs = [:]; o.attrNames = []; o.keyIndex = nil
        o.classRef = nil; o.defaults = []; o.kwDefaults = []; o.closure = []
        if o.iterator != nil { o.iterator?.resultTuple = nil }
    }

    /// Frees a set of objects that only reference each other (what `gc.collect()` does to garbage).
    func collect(_ ids: [Int]) {
        let set = Set(ids)
        for id in ids where objects[id].alive {
            let o = objects[id]
            var outgoing: [Value] = []
            o.forEachReference { value, _, _ in outgoing.append(value) }
            clearReferences(o)
            o.alive = false
            for v in outgoing {
                if case .obj(let t) = v, set.contains(t) { objects[t].rc -= 1; continue }
                release(v)
            }
        }
    }

    /// True once, after a release freed something (read by the cycle cache).
    var freedAnything: Bool {
        defer { freedFlag = false }
        return freedFlag
    }
    private var freedFlag = false

    /// Marks an object and everything it reaches as tainted (unknown code may have changed them).
    func taint(_ v: Value) {
        guard case .obj(let first) = v else { return }
        var work = [first]
        var seen = Set<Int>()
        while let id = work.popLast() {
            guard seen.insert(id).inserted else { continue }
            let o = objects[id]
            o.tainted = true
            o.forEachTargetUnordered { work.append($0) }
        }
    }

    /// True when `v` reaches a function, class, instance, method or unknown object: code handed such a
    /// value could call back into the program.
    func reachesCode(_ v: Value, unknownMayBeCode: (Int) -> Bool = { _ in true }) -> Bool {
        guard case .obj(let first) = v else { return false }
        var work = [first]
        var seen = Set<Int>()
        while let id = work.popLast() {
            guard seen.insert(id).inserted else { continue }
            let o = objects[id]
            switch o.kind {
            case .function, .klass, .instance, .method: return true
            case .unknown: if unknownMayBeCode(id) { return true }
            default: break
            }
            o.forEachTargetUnordered { work.append($0) }
        }
        return false
    }
}
