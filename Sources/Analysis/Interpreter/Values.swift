/// The values the interpreter moves around: shared constants that CPython never counts for the program
/// (`Atom`: small ints, code constants, interned strings, None, modules, builtins) and references to
/// counted heap objects (`Value.obj`). Knows nothing about frames or events.

/// A value that is shared, not counted: the oracle shows it as "interned" (why: small int, constant, ...).
enum Atom: Hashable {
    case none
    case bool(Bool)
    case int(Int)
    case bigInt(String)
    case float(Double)
    case complex(Double)
    case str(String)
    case bytes([UInt8])
    case ellipsis
    /// A tuple of constants (`(1, 2)`): a code constant.
    indirect case tuple([Atom])
    case module(String)
    /// A builtin function or a function of a known module, `"len"`, `"sys.getrefcount"`.
    case builtin(String)
    /// A pre-existing object the analysis does not model (a builtin type, an imported name).
    case foreign(String)

    var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .complex: return "complex"
        case .str: return "str"
        case .bytes: return "bytes"
        case .ellipsis: return "ellipsis"
        case .tuple: return "tuple"
        case .module: return "module"
        case .builtin: return "builtin_function_or_method"
        case .foreign(let t): return t == "int" ? "int" : "object"
        }
    }

    /// Python's truth value, when the atom has a known one.
    var truth: Bool? {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigInt: return true
        case .float(let d): return d != 0
        case .complex(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .ellipsis, .module, .builtin: return true
        case .foreign: return nil
        }
    }

    /// A short repr for value labels and previews.
    var repr: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let s): return s
        case .float(let d): return String(d)
        case .complex(let d): return "\(d)j"
        case .str(let s):
            // At most 20 UTF-8 bytes is at most 20 characters: no need to count them (a long docstring).
            return "'" + (s.utf8.count > 20 && s.count > 20 ? String(s.prefix(20)) + "…" : s) + "'"
        case .bytes: return "b'…'"
        case .ellipsis: return "Ellipsis"
        case .tuple(let t): return "(" + t.map(\.repr).joined(separator: ", ") + (t.count == 1 ? ",)" : ")")
        case .module(let m): return "<module '\(m)'>"
        case .builtin(let b): return "<built-in function \(b)>"
        case .foreign(let f): return f
        }
    }
}

/// What a name, slot or stack entry holds.
enum Value: Hashable {
    case atom(Atom)
    case obj(Int)

    static let none = Value.atom(.none)

    var objectID: Int? {
        if case .obj(let id) = self { return id }
        return nil
    }
}

/// A heap reference stored in an object, with the statement line that stored it (for cycle edges).
struct Slot {
    var value: Value
    var line: Int
}

/// A hashable identity for dict keys and set members: value equality for scalars, identity otherwise.
enum KeyIdentity: Hashable {
    case int(Int)
    case big(String)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case none
    case ellipsis
    case tuple([KeyIdentity])
    case object(Int)
    case other(String)
}
