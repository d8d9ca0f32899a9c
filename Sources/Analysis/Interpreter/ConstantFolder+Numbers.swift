#if canImport(Glibc)
import Glibc
#endif

/// The float and tuple arithmetic CPython 3.11's compiler folds into constants (Python/ast_opt.c): a
/// folded result is a code constant, shared, never a new heap object. Operations that would raise
/// (division by zero) or give a complex number are not folded, as CPython leaves them to run time.
extension ConstantFolder {
    static func foldFloat(_ op: Operator, _ x: Double, _ y: Double) -> Atom? {
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mult: return .float(x * y)
        case .div: return y == 0 ? nil : .float(x / y)
        case .floorDiv, .mod:
            guard y != 0 else { return nil }
            // float_divmod in Objects/floatobject.c.
            var mod = fmod(x, y)
            var div = (x - mod) / y
            if mod != 0 {
                if (y < 0) != (mod < 0) { mod += y; div -= 1 }
            } else {
                mod = copysign(0, y)
            }
            var floordiv: Double
            if div != 0 {
                floordiv = floor(div)
                if div - floordiv > 0.5 { floordiv += 1 }
            } else {
                floordiv = copysign(0, x / y)
            }
            return .float(op == .mod ? mod : floordiv)
        case .pow:
            // A negative base with a fractional exponent gives a complex number; 0 to a negative power raises.
            if x < 0 && y != y.rounded() { return nil }
            if x == 0 && y < 0 { return nil }
            let r = pow(x, y)
            return r.isFinite || !x.isFinite || !y.isFinite ? .float(r) : nil
        default: return nil
        }
    }

    /// `(1, 2) * n`: folded while the result has at most 256 items (ast_opt.c's MAX_COLLECTION_SIZE).
    static func foldRepeat(_ items: [Atom], _ n: Int) -> Atom? {
        guard n >= 0 else { return .tuple([]) }
        if !items.isEmpty && n > 256 / items.count { return nil }
        var out: [Atom] = []
        for _ in 0..<n { out += items }
        return .tuple(out)
    }
}
