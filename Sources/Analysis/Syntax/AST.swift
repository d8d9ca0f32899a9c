/// The Python syntax tree, shaped after CPython 3.11's `Python.asdl` so that `dump-ast` can print it in
/// exactly `ast.dump(tree, include_attributes=True)` form. Node and field names follow the ASDL; every node
/// that has attributes in CPython carries a `SourceRange`.
///
/// Owned by the parser. Additive changes only (new cases, new fields with defaults): the interpreter
/// switches over these with `default:` branches. The public fields are the contract; how a node stores
/// them is not (kinds in `ExprPayload`/`StmtPayload` boxes, ranges packed, seldom-used fields in a
/// `RareBox`), which keeps the tree near 4x the source's size.

public struct Module: Sendable {
    public var body: [Stmt]
    public var typeIgnores: [TypeIgnore]
    public init(body: [Stmt], typeIgnores: [TypeIgnore] = []) {
        self.body = body
        self.typeIgnores = typeIgnores
    }
}

public struct TypeIgnore: Sendable {
    public var lineno: Int
    public var tag: String
    public init(lineno: Int, tag: String) { self.lineno = lineno; self.tag = tag }
}

// MARK: - Statements

/// A statement: its kind and range in 16 bytes, the kind boxed compactly (`StmtPayload`), the range packed
/// (`PackedNodeRange`). `kind` is built from the box on each read, without allocating.
public struct Stmt: Sendable {
    /// The boxed kind; `.wide` when the range does not pack (then `packedRange` is unused).
    private(set) var payload: StmtPayload
    private var packedRange: UInt64

    @inline(__always)
    public init(_ kind: StmtKind, _ range: SourceRange) {
        if let p = PackedNodeRange(range) {
            switch kind {
            // A value whose range follows from the statement's is kept without a box of its own
            // (see `StmtPayload.bareExpr`); the checks make sure `kind` gives it back exactly.
            case .expr(let value) where value.packedRange == p.bits && !value.payload.isWide:
                self.init(bare: .bareExpr(value.payload), packedRange: p.bits); return
            case .return(let value?)
                where !value.payload.isWide && value.packedRange == StmtPayload.valueRange(p.bits, after: StmtPayload.returnKeyword)?.bits:
                self.init(bare: .bareReturn(value.payload), packedRange: p.bits); return
            case .return(nil):
                self.init(bare: .returnNone, packedRange: p.bits); return
            case .raise(let exc?, nil)
                where !exc.payload.isWide && exc.packedRange == StmtPayload.valueRange(p.bits, after: StmtPayload.raiseKeyword)?.bits:
                self.init(bare: .bareRaise(exc.payload), packedRange: p.bits); return
            default: break
            }
        }
        self.init(payload: StmtPayload(kind), range)
    }

    /// A statement whose payload holds no range of its own and needs the packed one.
    @inline(__always)
    private init(bare payload: StmtPayload, packedRange: UInt64) { self.payload = payload; self.packedRange = packedRange }

    /// A node from a payload, which may be shared with other nodes (boxes are immutable).
    @inline(__always)
    init(payload: StmtPayload, _ range: SourceRange) {
        if let p = PackedNodeRange(range) {
            self.payload = payload; packedRange = p.bits
        } else {
            self.payload = .wide(payload, range); packedRange = 0
        }
    }

    public var kind: StmtKind {
        get { payload.kind(packedRange: packedRange) }
        set { self = Stmt(newValue, range) }
    }

    public var range: SourceRange {
        @inline(__always) get {
            if case .wide(_, let r) = payload { return r }
            return PackedNodeRange(bits: packedRange).range
        }
        set {
            switch payload {
            case .wide(let inner, _): self = Stmt(payload: inner, newValue)
            // The value's range follows from the statement's: the value keeps its own, the statement
            // gets a box unless the new range implies the same.
            case .bareExpr, .bareReturn, .bareRaise: self = Stmt(kind, newValue)
            default: self = Stmt(payload: payload, newValue)
            }
        }
    }
}

/// Built on demand from the node's `StmtPayload` (a plain enum: reading it allocates nothing).
public enum StmtKind: Sendable {
    case functionDef(FunctionDef)
    case asyncFunctionDef(FunctionDef)
    case classDef(ClassDef)
    case `return`(value: Expr?)
    case delete(targets: [Expr])
    case assign(targets: [Expr], value: Expr, typeComment: String?)
    case augAssign(target: Expr, op: Operator, value: Expr)
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(For)
    case asyncFor(For)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt], typeComment: String?)
    case asyncWith(items: [WithItem], body: [Stmt], typeComment: String?)
    case match(subject: Expr, cases: [MatchCase])
    case raise(exc: Expr?, cause: Expr?)
    case `try`(Try)
    case tryStar(Try)
    case assert(test: Expr, msg: Expr?)
    case `import`(names: [Alias])
    case importFrom(module: String?, names: [Alias], level: Int)
    case global(names: [String])
    case nonlocal(names: [String])
    case expr(value: Expr)
    case pass
    case `break`
    case `continue`
    /// Python 3.12 `type X[T] = ...`; CPython 3.11 rejects it, we parse it so 3.12 code keeps its hints.
    case typeAlias(name: Expr, typeParams: [TypeParam], value: Expr)
    /// A statement the parser could not make sense of; the error list says why.
    case error
}

/// A `def`. Decorators, return annotation, type comment and type parameters sit in one box that most
/// functions do not have (the stdlib: 1 in 12 has any), keeping the node's box at 80 bytes.
public struct FunctionDef: Sendable {
    public var name: String
    public var args: Arguments
    public var body: [Stmt]
    public var decoratorList: [Expr] { get { rare.decoratorList } set { rare.decoratorList = newValue } }
    public var returns: Expr? { get { rare.returns } set { rare.returns = newValue } }
    public var typeComment: String? { get { rare.typeComment } set { rare.typeComment = newValue } }
    public var typeParams: [TypeParam] { get { rare.typeParams } set { rare.typeParams = newValue } }

    struct RareFields: Sendable, RareFieldSet {
        var decoratorList: [Expr] = []
        var returns: Expr? = nil
        var typeComment: String? = nil
        var typeParams: [TypeParam] = []
        var isEmpty: Bool { decoratorList.isEmpty && returns == nil && typeComment == nil && typeParams.isEmpty }
    }
    private var rareBox: RareBox<RareFields>?
    private var rare: RareFields {
        get { rareBox?.fields ?? RareFields() }
        set { rareBox = RareBox.make(newValue) }
    }

    public init(name: String, args: Arguments, body: [Stmt], decoratorList: [Expr], returns: Expr?,
                typeComment: String? = nil, typeParams: [TypeParam] = []) {
        self.name = name; self.args = args; self.body = body
        rareBox = RareBox.make(RareFields(decoratorList: decoratorList, returns: returns, typeComment: typeComment, typeParams: typeParams))
    }
}


public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expr]
    public var keywords: [Keyword]
    public var body: [Stmt]
    public var decoratorList: [Expr]
    public var typeParams: [TypeParam]
    public init(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decoratorList: [Expr],
                typeParams: [TypeParam] = []) {
        self.name = name; self.bases = bases; self.keywords = keywords; self.body = body
        self.decoratorList = decoratorList; self.typeParams = typeParams
    }
}

public struct For: Sendable {
    public var target: Expr
    public var iter: Expr
    public var body: [Stmt]
    public var orelse: [Stmt]
    public var typeComment: String?
    public init(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], typeComment: String? = nil) {
        self.target = target; self.iter = iter; self.body = body; self.orelse = orelse; self.typeComment = typeComment
    }
}

public struct Try: Sendable {
    public var body: [Stmt]
    public var handlers: [ExceptHandler]
    public var orelse: [Stmt]
    public var finalbody: [Stmt]
    public init(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt]) {
        self.body = body; self.handlers = handlers; self.orelse = orelse; self.finalbody = finalbody
    }
}

public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type; self.name = name; self.body = body; self.range = range
    }
}

public struct WithItem: Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?
    public init(contextExpr: Expr, optionalVars: Expr?) { self.contextExpr = contextExpr; self.optionalVars = optionalVars }
}

public struct Alias: Sendable {
    public var name: String
    public var asname: String?
    public var range: SourceRange
    public init(name: String, asname: String?, range: SourceRange) { self.name = name; self.asname = asname; self.range = range }
}

public struct TypeParam: Sendable {
    public enum Kind: Sendable { case typeVar(bound: Expr?), paramSpec, typeVarTuple }
    public var name: String
    public var kind: Kind
    public var range: SourceRange
    public init(name: String, kind: Kind, range: SourceRange) { self.name = name; self.kind = kind; self.range = range }
}

// MARK: - Expressions

/// An expression: its kind and range in 16 bytes, the kind boxed compactly (`ExprPayload`), the range packed
/// (`PackedNodeRange`). `kind` is built from the box on each read, without allocating.
public struct Expr: Sendable {
    /// The boxed kind; `.wide` when the range does not pack (then `packedRange` is unused).
    private(set) var payload: ExprPayload
    private(set) var packedRange: UInt64

    /// A node from a payload that is not `.wide` and a range already packed.
    @inline(__always)
    init(payload: ExprPayload, packedRange: PackedNodeRange) { self.payload = payload; self.packedRange = packedRange.bits }

    @inline(__always)
    public init(_ kind: ExprKind, _ range: SourceRange) { self.init(payload: ExprPayload(kind), range) }

    /// A node from a payload, which may be shared with other nodes (boxes are immutable).
    @inline(__always)
    init(payload: ExprPayload, _ range: SourceRange) {
        if let p = PackedNodeRange(range) {
            self.payload = payload; packedRange = p.bits
        } else {
            self.payload = .wide(payload, range); packedRange = 0
        }
    }

    public var kind: ExprKind {
        get { payload.kind }
        set { self = Expr(newValue, range) }
    }

    public var range: SourceRange {
        @inline(__always) get {
            if case .wide(_, let r) = payload { return r }
            return PackedNodeRange(bits: packedRange).range
        }
        set {
            if case .wide(let inner, _) = payload { self = Expr(payload: inner, newValue) } else { self = Expr(payload: payload, newValue) }
        }
    }
}

public enum ExprContext: Sendable, Hashable { case load, store, del }

/// Built on demand from the node's `ExprPayload` (a plain enum: reading it allocates nothing but `lambda`).
public enum ExprKind: Sendable {
    case boolOp(op: BoolOperator, values: [Expr])
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: Operator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    indirect case lambda(args: Arguments, body: Expr)
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `keys[i] == nil` is a `**mapping` entry, as in CPython.
    case dict(keys: [Expr?], values: [Expr])
    case set(elts: [Expr])
    case listComp(elt: Expr, generators: [Comprehension])
    case setComp(elt: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(elt: Expr, generators: [Comprehension])
    case await(value: Expr)
    case yield(value: Expr?)
    case yieldFrom(value: Expr)
    case compare(left: Expr, ops: [CompareOperator], comparators: [Expr])
    case call(func: Expr, args: [Expr], keywords: [Keyword])
    /// conversion: -1 none, 115 's', 114 'r', 97 'a' (CPython's numbers).
    case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
    case joinedStr(values: [Expr])
    case constant(value: Constant, kind: String?)
    case attribute(value: Expr, attr: String, ctx: ExprContext)
    case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
    case starred(value: Expr, ctx: ExprContext)
    case name(id: String, ctx: ExprContext)
    case list(elts: [Expr], ctx: ExprContext)
    case tuple(elts: [Expr], ctx: ExprContext)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// An expression the parser could not make sense of; the error list says why.
    case error
}

/// A literal's value. Integers too large for `Int` keep their decimal digits; strings keep their exact
/// code points (a lone surrogate from `"\ud800"` is representable as a scalar list).
public enum Constant: Sendable, Hashable {
    case none
    case bool(Bool)
    case ellipsis
    case int(Int)
    case bigInt(decimal: String)
    case float(Double)
    case complex(imag: Double)
    case str(String)
    /// A str with code points Swift's String cannot hold (lone surrogates).
    case strScalars([UInt32])
    case bytes([UInt8])
}

public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target; self.iter = iter; self.ifs = ifs; self.isAsync = isAsync
    }
}

/// A parameter list. Positional-only and keyword-only parameters, `*args` and `**kwargs` sit in one box
/// that most functions do not have, so the list is 24 bytes inline in its `def`.
public struct Arguments: Sendable {
    public var posonlyargs: [Arg] { get { rare.posonlyargs } set { rare.posonlyargs = newValue } }
    public var args: [Arg]
    public var vararg: Arg? { get { rare.vararg } set { rare.vararg = newValue } }
    public var kwonlyargs: [Arg] { get { rare.kwonlyargs } set { rare.kwonlyargs = newValue } }
    /// One per kwonly arg; nil where it has no default (CPython prints None).
    public var kwDefaults: [Expr?] { get { rare.kwDefaults } set { rare.kwDefaults = newValue } }
    public var kwarg: Arg? { get { rare.kwarg } set { rare.kwarg = newValue } }
    /// Defaults of the last positional parameters (posonly + args), right-aligned.
    public var defaults: [Expr]

    struct RareFields: Sendable, RareFieldSet {
        var posonlyargs: [Arg] = []
        var vararg: Arg? = nil
        var kwonlyargs: [Arg] = []
        var kwDefaults: [Expr?] = []
        var kwarg: Arg? = nil
        var isEmpty: Bool { posonlyargs.isEmpty && vararg == nil && kwonlyargs.isEmpty && kwDefaults.isEmpty && kwarg == nil }
    }
    private var rareBox: RareBox<RareFields>?
    private var rare: RareFields {
        get { rareBox?.fields ?? RareFields() }
        set { rareBox = RareBox.make(newValue) }
    }

    public init(posonlyargs: [Arg] = [], args: [Arg] = [], vararg: Arg? = nil, kwonlyargs: [Arg] = [],
                kwDefaults: [Expr?] = [], kwarg: Arg? = nil, defaults: [Expr] = []) {
        self.args = args; self.defaults = defaults
        rareBox = RareBox.make(RareFields(posonlyargs: posonlyargs, vararg: vararg, kwonlyargs: kwonlyargs, kwDefaults: kwDefaults, kwarg: kwarg))
    }
}

/// A parameter, in 32 bytes: its name, its range packed (`PackedNodeRange`), and one box, seldom there,
/// for an annotation, a type comment or a range that does not pack.
public struct Arg: Sendable {
    public var arg: String
    public var annotation: Expr? { get { rare.annotation } set { rare.annotation = newValue } }
    public var typeComment: String? { get { rare.typeComment } set { rare.typeComment = newValue } }
    public var range: SourceRange {
        get {
            if let wide = rareBox?.fields.wideRange { return wide }
            return PackedNodeRange(bits: packedRange).range
        }
        set {
            if let p = PackedNodeRange(newValue) {
                packedRange = p.bits
                if rareBox?.fields.wideRange != nil { rare.wideRange = nil }
            } else {
                packedRange = 0
                rare.wideRange = newValue
            }
        }
    }

    struct RareFields: Sendable, RareFieldSet {
        var annotation: Expr? = nil
        var typeComment: String? = nil
        var wideRange: SourceRange? = nil
        var isEmpty: Bool { annotation == nil && typeComment == nil && wideRange == nil }
    }
    private var packedRange: UInt64
    private var rareBox: RareBox<RareFields>?
    private var rare: RareFields {
        get { rareBox?.fields ?? RareFields() }
        set { rareBox = RareBox.make(newValue) }
    }

    public init(arg: String, annotation: Expr?, typeComment: String? = nil, range: SourceRange) {
        self.arg = arg
        let packed = PackedNodeRange(range)
        packedRange = packed?.bits ?? 0
        rareBox = RareBox.make(RareFields(annotation: annotation, typeComment: typeComment, wideRange: packed == nil ? range : nil))
    }
}


public struct Keyword: Sendable {
    /// nil for `**kwargs`.
    public var arg: String?
    public var value: Expr
    public var range: SourceRange
    public init(arg: String?, value: Expr, range: SourceRange) { self.arg = arg; self.value = value; self.range = range }
}

public enum BoolOperator: String, Sendable { case and = "And", or = "Or" }

public enum Operator: String, Sendable {
    case add = "Add", sub = "Sub", mult = "Mult", matMult = "MatMult", div = "Div", mod = "Mod", pow = "Pow"
    case lShift = "LShift", rShift = "RShift", bitOr = "BitOr", bitXor = "BitXor", bitAnd = "BitAnd"
    case floorDiv = "FloorDiv"
}

public enum UnaryOperator: String, Sendable { case invert = "Invert", not = "Not", uAdd = "UAdd", uSub = "USub" }

public enum CompareOperator: String, Sendable {
    case eq = "Eq", notEq = "NotEq", lt = "Lt", ltE = "LtE", gt = "Gt", gtE = "GtE"
    case `is` = "Is", isNot = "IsNot", `in` = "In", notIn = "NotIn"
}

// MARK: - Pattern matching

public struct MatchCase: Sendable {
    public var pattern: Pattern
    public var guard_: Expr?
    public var body: [Stmt]
    public init(pattern: Pattern, guard_: Expr?, body: [Stmt]) { self.pattern = pattern; self.guard_ = guard_; self.body = body }
}

public struct Pattern: Sendable {
    public var kind: PatternKind
    public var range: SourceRange
    public init(_ kind: PatternKind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

public indirect enum PatternKind: Sendable {
    case matchValue(value: Expr)
    case matchSingleton(value: Constant)
    case matchSequence(patterns: [Pattern])
    case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
    case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    case matchStar(name: String?)
    case matchAs(pattern: Pattern?, name: String?)
    case matchOr(patterns: [Pattern])
}

// MARK: - Parse result

/// A syntax error with CPython's wording where CPython has one.
public struct SyntaxError: Sendable, Hashable {
    public var message: String
    public var range: SourceRange
    /// True for the errors CPython's tokenizer raises with the position it is at (unterminated strings, bad
    /// characters and literals, unmatched brackets): their `offset` counts characters of the line, where the
    /// parser's count UTF-8 bytes when the source is given as bytes. See `cpythonOffset(in:)`.
    public var offsetCountsCharacters: Bool
    public init(message: String, range: SourceRange, offsetCountsCharacters: Bool = false) {
        self.message = message; self.range = range; self.offsetCountsCharacters = offsetCountsCharacters
    }
}

/// What the parser returns: always a tree, plus the errors it recovered from.
public struct ParsedModule: Sendable {
    public var module: Module
    public var errors: [SyntaxError]
    public init(module: Module, errors: [SyntaxError]) { self.module = module; self.errors = errors }
}
