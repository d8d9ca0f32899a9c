/// The analyser's answer for one source text: plain data in source coordinates (1-based lines, UTF-8
/// columns), nothing about LSP. The editor layer turns it into inlay hints, hovers, diagnostics and
/// navigation; `rc-lsp facts --json` turns the interpreter's states into the oracle's `rc-facts/1`.
///
/// This file is the contract between the interpreter (which fills it) and the editor features (which read
/// it). Change it additively.

/// A point in the source: 1-based line, 0-based UTF-8 byte column (CPython's coordinates).
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var utf8Column: Int
    public init(line: Int, utf8Column: Int) { self.line = line; self.utf8Column = utf8Column }
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.utf8Column < b.utf8Column
    }
    public var description: String { "\(line):\(utf8Column)" }
}

/// Identity of a heap object within one analysis; `objects[id.raw]` is its description.
public struct ObjectID: Hashable, Sendable, Comparable {
    public var raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: ObjectID, b: ObjectID) -> Bool { a.raw < b.raw }
}

/// A reference count as the analyser can vouch for it. It never states an exact number it cannot prove.
public enum RefCount: Hashable, Sendable {
    /// Exactly n program-visible references (CPython's `sys.getrefcount(x) - 1`); 0 means freed.
    case exact(Int)
    /// Between min and max on the paths that reach this point.
    case range(min: Int, max: Int)
    /// At least n (unknown code may hold more).
    case atLeast(Int)
    /// Nothing can be said.
    case unknown
    /// Shared, not counted: small int, compile-time constant, interned string, None/True/False, module, builtin.
    case interned(reason: String)
    /// A class: its count includes interpreter-internal references.
    case opaque
}

/// One reference to an object: who holds it.
public enum Holder: Hashable, Sendable {
    /// A name bound in a frame (`frame` is CPython's co_qualname: "<module>", "f", "C.m").
    case name(String, frame: String)
    /// A slot of a container: `slot` reads like Python (`[0]`, `['key']`, `{member}`, `key of ['k']`).
    case slot(container: ObjectID, slot: String)
    /// An attribute of an instance, class, function (`__defaults__`) or cell.
    case attribute(owner: ObjectID, name: String)
    /// A reference CPython really holds that no name shows, explained in words: "the for loop's iterator",
    /// "the running frame of f", "the return value in flight", "the args tuple of Point(...)", ...
    case hidden(String)
}

/// A heap object the program made at run time.
public struct HeapObject: Sendable {
    public var id: ObjectID
    /// CPython's `type(o).__name__`: "list", "dict", "Node", "function", "cell", "method".
    public var typeName: String
    /// Short human label, unique in the file: "list #1", "Node #3".
    public var label: String
    /// The statement during which it was allocated (the oracle's allocation site).
    public var allocationSite: SourceRange
    /// The expression that made it, when known (`[1, 2, 3]`, `Node(1)`), for hovers and go-to.
    public var allocationExpression: SourceRange?
    /// True for an allocation-site summary of many run-time objects (a loop the analyser widened).
    public var isSummary: Bool
    /// True when its class defines `__del__`.
    public var hasFinalizer: Bool
    public init(id: ObjectID, typeName: String, label: String, allocationSite: SourceRange,
                allocationExpression: SourceRange? = nil, isSummary: Bool = false, hasFinalizer: Bool = false) {
        self.id = id; self.typeName = typeName; self.label = label; self.allocationSite = allocationSite
        self.allocationExpression = allocationExpression; self.isSummary = isSummary; self.hasFinalizer = hasFinalizer
    }
}

/// An object's count at one program point, with every holder that makes it up.
public struct ObjectState: Sendable {
    public var object: ObjectID
    public var count: RefCount
    /// The references, one entry each (a name bound twice in two frames is two entries). May be partial
    /// when `count` is not exact.
    public var holders: [Holder]
    /// A short view of the contents at this point: `[1, 2, [...]]`, `{'a': 1}`, `Node(value=1, next=None)`.
    public var preview: String
    /// Other objects the subject was bound to when it ran at other times or on other paths (the count
    /// covers them all; the holders are `object`'s, the last seen).
    public var otherObjects: [ObjectID]
    public init(object: ObjectID, count: RefCount, holders: [Holder], preview: String, otherObjects: [ObjectID] = []) {
        self.object = object; self.count = count; self.holders = holders; self.preview = preview
        self.otherObjects = otherObjects
    }
}

/// What a name or expression evaluates to: a counted heap object, or a shared value.
public enum ValueFact: Sendable {
    case object(ObjectState)
    /// A shared value: `typeName` ("int", "str", "NoneType", "module", "builtin_function_or_method", "type"),
    /// `text` (its repr, shortened), and why it is not counted.
    case shared(typeName: String, text: String, count: RefCount)
    /// The analyser cannot tell what it is.
    case unknown
}

/// One object affected by a statement: the hint's content.
public struct Effect: Sendable {
    /// What the hint names when several objects are affected: "a", "b", "a.next", "x[0]".
    public var subject: String
    public var value: ValueFact
    /// Why the count changed, in words: "bound to b", "del a", "stored in [0] of list #2", "freed: last
    /// reference dropped by del a".
    public var reason: String
    public var freed: Bool
    public init(subject: String, value: ValueFact, reason: String, freed: Bool = false) {
        self.subject = subject; self.value = value; self.reason = reason; self.freed = freed
    }
}

/// A statement that binds, rebinds, deletes or stores a reference (also a `def` line showing its
/// parameters per call context, joined), with the state of the objects it touched after it ran, joined
/// over every time it ran.
public struct StatementFact: Sendable {
    public var range: SourceRange
    /// Where the hint goes: the end of a simple statement, the end of a compound statement's header.
    public var anchor: SourcePosition
    public var frame: String
    public var effects: [Effect]
    public init(range: SourceRange, anchor: SourcePosition, frame: String, effects: [Effect]) {
        self.range = range; self.anchor = anchor; self.frame = frame; self.effects = effects
    }
}

/// An occurrence of a name in the source and what it points to there (after the statement containing it
/// ran; for `del x`, before), joined over executions. Several values where paths disagree.
public struct NameFact: Sendable {
    public var range: SourceRange
    public var name: String
    public var frame: String
    public var values: [ValueFact]
    public init(range: SourceRange, name: String, frame: String, values: [ValueFact]) {
        self.range = range; self.name = name; self.frame = frame; self.values = values
    }
}

/// One edge of a cycle: `from` holds `to` through `via` (`[0]`, `.parent`, `['k']`).
public struct CycleEdge: Sendable, Hashable {
    public var from: ObjectID
    public var to: ObjectID
    public var via: String
    /// The statement that created this reference.
    public var createdAt: SourceRange
    public init(from: ObjectID, to: ObjectID, via: String, createdAt: SourceRange) {
        self.from = from; self.to = to; self.via = via; self.createdAt = createdAt
    }
}

/// A reference cycle (a strongly connected component of the heap graph), from the statement that closed it.
public struct CycleFact: Sendable {
    /// The objects in path order: edges[i] goes from objects[i] to objects[(i + 1) % count].
    public var objects: [ObjectID]
    public var edges: [CycleEdge]
    public var closedAt: SourceRange
    /// The statement after which nothing outside the cycle reaches it any more, if that happens.
    public var becameGarbageAt: SourceRange?
    /// True when an object of the cycle has a class defining `__del__`.
    public var hasFinalizer: Bool
    public init(objects: [ObjectID], edges: [CycleEdge], closedAt: SourceRange,
                becameGarbageAt: SourceRange? = nil, hasFinalizer: Bool = false) {
        self.objects = objects; self.edges = edges; self.closedAt = closedAt
        self.becameGarbageAt = becameGarbageAt; self.hasFinalizer = hasFinalizer
    }
}

/// Everything the analyser knows about one source text.
public struct AnalysisResult: Sendable {
    public var syntaxErrors: [SyntaxError]
    /// Indexed by `ObjectID.raw`.
    public var objects: [HeapObject]
    /// In source order of `anchor`.
    public var statements: [StatementFact]
    /// In source order of `range`.
    public var names: [NameFact]
    public var cycles: [CycleFact]
    /// True when the work budget ran out: later facts may be missing or degraded, never wrong.
    public var budgetExhausted: Bool
    public init(syntaxErrors: [SyntaxError] = [], objects: [HeapObject] = [], statements: [StatementFact] = [],
                names: [NameFact] = [], cycles: [CycleFact] = [], budgetExhausted: Bool = false) {
        self.syntaxErrors = syntaxErrors; self.objects = objects; self.statements = statements
        self.names = names; self.cycles = cycles; self.budgetExhausted = budgetExhausted
    }

    public func object(_ id: ObjectID) -> HeapObject? {
        objects.indices.contains(id.raw) ? objects[id.raw] : nil
    }
}
