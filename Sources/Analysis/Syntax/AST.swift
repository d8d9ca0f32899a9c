/// The Python syntax tree, shaped after CPython 3.11's `Python.asdl` so that `dump-ast` can print it in
/// exactly `ast.dump(tree, include_attributes=True)` form. Node and field names follow the ASDL; every node
/// that has attributes in CPython carries a `SourceRange`.
///
/// Owned by the parser. Additive changes only (new cases, new fields with defaults): the interpreter
/// switches over these with `default:` branches.

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

/// A statement: its kind and range, in 16 bytes (the range packed, see `PackedNodeRange`).
public struct Stmt: Sendable {
    private var storage: Storage
    private enum Storage: Sendable {
        case packed(StmtKind, PackedNodeRange)
        case wide(WideRangeStmt)
    }
    @inline(__always)
    public init(_ kind: StmtKind, _ range: SourceRange) {
        if let p = PackedNodeRange(range) { storage = .packed(kind, p) } else { storage = .wide(WideRangeStmt(kind, range)) }
    }
    public var kind: StmtKind {
        @inline(__always) get {
            switch storage {
            case .packed(let k, _): return k
            case .wide(let w): return w.kind
            }
        }
        set { self = Stmt(newValue, range) }
    }
    public var range: SourceRange {
        @inline(__always) get {
            switch storage {
            case .packed(_, let p): return p.range
            case .wide(let w): return w.range
            }
        }
        set { self = Stmt(kind, newValue) }
    }
}

public indirect enum StmtKind: Sendable {
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

public struct FunctionDef: Sendable {
    public var name: String
    public var args: Arguments
    public var body: [Stmt]
    public var decoratorList: [Expr]
    public var returns: Expr?
    public var typeComment: String?
    public var typeParams: [TypeParam]
    public init(name: String, args: Arguments, body: [Stmt], decoratorList: [Expr], returns: Expr?,
                typeComment: String? = nil, typeParams: [TypeParam] = []) {
        self.name = name; self.args = args; self.body = body; self.decoratorList = decoratorList
        self.returns = returns; self.typeComment = typeComment; self.typeParams = typeParams
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

/// An expression: its kind and range, in 16 bytes (the range packed, see `PackedNodeRange`).
public struct Expr: Sendable {
    private var storage: Storage
    private enum Storage: Sendable {
        case packed(ExprKind, PackedNodeRange)
        case wide(WideRangeExpr)
    }
    @inline(__always)
    public init(_ kind: ExprKind, _ range: SourceRange) {
        if let p = PackedNodeRange(range) { storage = .packed(kind, p) } else { storage = .wide(WideRangeExpr(kind, range)) }
    }
    public var kind: ExprKind {
        @inline(__always) get {
            switch storage {
            case .packed(let k, _): return k
            case .wide(let w): return w.kind
            }
        }
        set { self = Expr(newValue, range) }
    }
    public var range: SourceRange {
        @inline(__always) get {
            switch storage {
            case .packed(_, let p): return p.range
            case .wide(let w): return w.range
            }
        }
        set { self = Expr(kind, newValue) }
    }
}

public enum ExprContext: Sendable, Hashable { case load, store, del }

public indirect enum ExprKind: Sendable {
    case boolOp(op: BoolOperator, values: [Expr])
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: Operator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    case lambda(args: Arguments, body: Expr)
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

public struct Arguments: Sendable {
    public var posonlyargs: [Arg]
    public var args: [Arg]
    public var vararg: Arg? {
        get { starred?.vararg }
        set { starred = StarredParameters(vararg: newValue, kwarg: kwarg) }
    }
    public var kwonlyargs: [Arg]
    /// One per kwonly arg; nil where it has no default (CPython prints None).
    public var kwDefaults: [Expr?]
    public var kwarg: Arg? {
        get { starred?.kwarg }
        set { starred = StarredParameters(vararg: vararg, kwarg: newValue) }
    }
    /// Defaults of the last positional parameters (posonly + args), right-aligned.
    public var defaults: [Expr]
    /// `*args` and `**kwargs`, boxed: most functions have neither, and two inline `Arg?` would make every
    /// `def` node 136 bytes larger.
    private var starred: StarredParameters?
    public init(posonlyargs: [Arg] = [], args: [Arg] = [], vararg: Arg? = nil, kwonlyargs: [Arg] = [],
                kwDefaults: [Expr?] = [], kwarg: Arg? = nil, defaults: [Expr] = []) {
        self.posonlyargs = posonlyargs; self.args = args; self.kwonlyargs = kwonlyargs
        self.kwDefaults = kwDefaults; self.defaults = defaults
        self.starred = StarredParameters(vararg: vararg, kwarg: kwarg)
    }
}

/// The immutable box behind `Arguments.vararg` and `Arguments.kwarg`; setting either makes a new one.
final class StarredParameters: Sendable {
    let vararg: Arg?
    let kwarg: Arg?
    /// nil when both are nil: no box at all.
    init?(vararg: Arg?, kwarg: Arg?) {
        if vararg == nil && kwarg == nil { return nil }
        self.vararg = vararg
        self.kwarg = kwarg
    }
}

public struct Arg: Sendable {
    public var arg: String
    public var annotation: Expr?
    public var typeComment: String?
    public var range: SourceRange
    public init(arg: String, annotation: Expr?, typeComment: String? = nil, range: SourceRange) {
        self.arg = arg; self.annotation = annotation; self.typeComment = typeComment; self.range = range
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
    public init(message: String, range: SourceRange) { self.message = message; self.range = range }
}

/// What the parser returns: always a tree, plus the errors it recovered from.
public struct ParsedModule: Sendable {
    public var module: Module
    public var errors: [SyntaxError]
    public init(module: Module, errors: [SyntaxError]) { self.module = module; self.errors = errors }
}
