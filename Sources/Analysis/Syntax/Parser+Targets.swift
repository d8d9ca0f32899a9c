/// Assignment, deletion and loop targets: turning a parsed expression into a Store/Del target and
/// CPython's messages for what cannot be one.

extension Parser {
    enum TargetContext { case assign, forTarget, with, del, augmented, annotated, comprehension }

    /// Returns `e` with `ctx` set on it and its Tuple/List/Starred elements; reports an invalid target.
    func toStore(_ e: Expr, _ ctx: ExprContext, context: TargetContext) -> Expr {
        var e = e
        switch e.kind {
        case .name(let id, _): e = Expr(payload: shared.name(id, ctx), e.range)
        case .attribute(let v, let a, _): e.kind = .attribute(value: v, attr: a, ctx: ctx)
        case .subscript(let v, let s, _): e.kind = .subscript(value: v, slice: s, ctx: ctx)
        case .starred(let v, _):
            if context == .del { reportTarget(e, context); return e }
            e.kind = .starred(value: toStore(v, ctx, context: context), ctx: ctx)
        case .tuple(let elts, _):
            e.kind = .tuple(elts: elts.map { toStore($0, ctx, context: context) }, ctx: ctx)
        case .list(let elts, _):
            e.kind = .list(elts: elts.map { toStore($0, ctx, context: context) }, ctx: ctx)
        case .error:
            break
        default:
            reportTarget(e, context)
        }
        return e
    }

    private func reportTarget(_ e: Expr, _ context: TargetContext) {
        let name = exprName(e)
        switch context {
        case .del:
            report("cannot delete \(name)", e.range)
        case .assign:
            switch e.kind {
            case .constant, .compare, .call, .boolOp, .binOp, .unaryOp:
                report("cannot assign to \(name) here. Maybe you meant '==' instead of '='?", e.range)
            default:
                report("cannot assign to \(name)", e.range)
            }
        default:
            report("cannot assign to \(name)", e.range)
        }
    }

    /// CPython's name for an expression kind in error messages (`_PyPegen_get_expr_name`).
    func exprName(_ e: Expr) -> String {
        switch e.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .constant(let v, _):
            switch v {
            case .none: return "None"
            case .bool(true): return "True"
            case .bool(false): return "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        case .error: return "expression"
        }
    }
}
