/// How an `Expr` stores its kind: one heap box per node, holding the fields of the public `ExprKind` case,
/// with compact variants for the commonest shapes. A box costs 16 bytes of header and 8 of malloc's, and
/// malloc hands out 32, 48, 64... bytes, so a payload of 24 bytes fits 48 where 32 takes 64: a call without
/// keywords leaves out its empty keyword list, a str constant its nil `kind`, a Load tuple its context.
/// `ExprKind` itself is a plain enum built on demand from this (no allocation: it is the same fields).
/// Knows the tree's shape, nothing of the grammar.

enum ExprPayload: Sendable {
    indirect case boolOp(BoolOperator, [Expr])
    indirect case namedExpr(Expr, Expr)
    indirect case binOp(Expr, Operator, Expr)
    indirect case unaryOp(UnaryOperator, Expr)
    indirect case lambda(Arguments, Expr)
    indirect case ifExp(Expr, Expr, Expr)
    indirect case dict([Expr?], [Expr])
    indirect case set([Expr])
    indirect case listComp(Expr, [Comprehension])
    indirect case setComp(Expr, [Comprehension])
    indirect case dictComp(Expr, Expr, [Comprehension])
    indirect case generatorExp(Expr, [Comprehension])
    indirect case await(Expr)
    indirect case yield(Expr?)
    indirect case yieldFrom(Expr)
    indirect case compare(Expr, [CompareOperator], [Expr])
    indirect case call(Expr, [Expr], [Keyword])
    /// `call` with no keyword arguments (nine calls in ten).
    indirect case positionalCall(Expr, [Expr])
    indirect case formattedValue(Expr, Int, Expr?)
    indirect case joinedStr([Expr])
    indirect case constant(Constant, String?)
    /// `constant(.str(s), kind: nil)`.
    indirect case str(String)
    indirect case attribute(Expr, String, ExprContext)
    /// `attribute(value, attr, ctx: .load)` with an attribute name of at most 8 UTF-8 bytes, packed in a
    /// word (`ShortName`): two attribute loads in three.
    indirect case shortAttributeLoad(Expr, UInt64)
    indirect case `subscript`(Expr, Expr, ExprContext)
    indirect case starred(Expr, ExprContext)
    indirect case name(String, ExprContext)
    indirect case list([Expr], ExprContext)
    /// `list(elts, ctx: .load)`.
    indirect case listLoad([Expr])
    indirect case tuple([Expr], ExprContext)
    /// `tuple(elts, ctx: .load)`.
    indirect case tupleLoad([Expr])
    indirect case slice(Expr?, Expr?, Expr?)
    /// A node whose range does not pack into 8 bytes: its payload and full range.
    indirect case wide(ExprPayload, SourceRange)
    case error

    @inline(__always)
    init(_ kind: ExprKind) {
        switch kind {
        case .boolOp(let op, let values): self = .boolOp(op, values)
        case .namedExpr(let target, let value): self = .namedExpr(target, value)
        case .binOp(let left, let op, let right): self = .binOp(left, op, right)
        case .unaryOp(let op, let operand): self = .unaryOp(op, operand)
        case .lambda(let args, let body): self = .lambda(args, body)
        case .ifExp(let test, let body, let orelse): self = .ifExp(test, body, orelse)
        case .dict(let keys, let values): self = .dict(keys, values)
        case .set(let elts): self = .set(elts)
        case .listComp(let elt, let generators): self = .listComp(elt, generators)
        case .setComp(let elt, let generators): self = .setComp(elt, generators)
        case .dictComp(let key, let value, let generators): self = .dictComp(key, value, generators)
        case .generatorExp(let elt, let generators): self = .generatorExp(elt, generators)
        case .await(let value): self = .await(value)
        case .yield(let value): self = .yield(value)
        case .yieldFrom(let value): self = .yieldFrom(value)
        case .compare(let left, let ops, let comparators): self = .compare(left, ops, comparators)
        case .call(let function, let args, let keywords):
            self = keywords.isEmpty ? .positionalCall(function, args) : .call(function, args, keywords)
        case .formattedValue(let value, let conversion, let formatSpec): self = .formattedValue(value, conversion, formatSpec)
        case .joinedStr(let values): self = .joinedStr(values)
        case .constant(let value, let kind):
            if kind == nil, case .str(let s) = value { self = .str(s) } else { self = .constant(value, kind) }
        case .attribute(let value, let attr, let ctx):
            if ctx == .load, let short = ShortName.pack(attr) { self = .shortAttributeLoad(value, short) }
            else { self = .attribute(value, attr, ctx) }
        case .subscript(let value, let slice, let ctx): self = .subscript(value, slice, ctx)
        case .starred(let value, let ctx): self = .starred(value, ctx)
        case .name(let id, let ctx): self = .name(id, ctx)
        case .list(let elts, let ctx): self = ctx == .load ? .listLoad(elts) : .list(elts, ctx)
        case .tuple(let elts, let ctx): self = ctx == .load ? .tupleLoad(elts) : .tuple(elts, ctx)
        case .slice(let lower, let upper, let step): self = .slice(lower, upper, step)
        case .error: self = .error
        }
    }

    /// The public form of this payload (for `.wide`, of the payload inside).
    var kind: ExprKind {
        switch self {
        case .boolOp(let op, let values): return .boolOp(op: op, values: values)
        case .namedExpr(let target, let value): return .namedExpr(target: target, value: value)
        case .binOp(let left, let op, let right): return .binOp(left: left, op: op, right: right)
        case .unaryOp(let op, let operand): return .unaryOp(op: op, operand: operand)
        case .lambda(let args, let body): return .lambda(args: args, body: body)
        case .ifExp(let test, let body, let orelse): return .ifExp(test: test, body: body, orelse: orelse)
        case .dict(let keys, let values): return .dict(keys: keys, values: values)
        case .set(let elts): return .set(elts: elts)
        case .listComp(let elt, let generators): return .listComp(elt: elt, generators: generators)
        case .setComp(let elt, let generators): return .setComp(elt: elt, generators: generators)
        case .dictComp(let key, let value, let generators): return .dictComp(key: key, value: value, generators: generators)
        case .generatorExp(let elt, let generators): return .generatorExp(elt: elt, generators: generators)
        case .await(let value): return .await(value: value)
        case .yield(let value): return .yield(value: value)
        case .yieldFrom(let value): return .yieldFrom(value: value)
        case .compare(let left, let ops, let comparators): return .compare(left: left, ops: ops, comparators: comparators)
        case .call(let function, let args, let keywords): return .call(func: function, args: args, keywords: keywords)
        case .positionalCall(let function, let args): return .call(func: function, args: args, keywords: [])
        case .formattedValue(let value, let conversion, let formatSpec):
            return .formattedValue(value: value, conversion: conversion, formatSpec: formatSpec)
        case .joinedStr(let values): return .joinedStr(values: values)
        case .constant(let value, let kind): return .constant(value: value, kind: kind)
        case .str(let s): return .constant(value: .str(s), kind: nil)
        case .attribute(let value, let attr, let ctx): return .attribute(value: value, attr: attr, ctx: ctx)
        case .shortAttributeLoad(let value, let short): return .attribute(value: value, attr: ShortName.unpack(short), ctx: .load)
        case .subscript(let value, let slice, let ctx): return .subscript(value: value, slice: slice, ctx: ctx)
        case .starred(let value, let ctx): return .starred(value: value, ctx: ctx)
        case .name(let id, let ctx): return .name(id: id, ctx: ctx)
        case .list(let elts, let ctx): return .list(elts: elts, ctx: ctx)
        case .listLoad(let elts): return .list(elts: elts, ctx: .load)
        case .tuple(let elts, let ctx): return .tuple(elts: elts, ctx: ctx)
        case .tupleLoad(let elts): return .tuple(elts: elts, ctx: .load)
        case .slice(let lower, let upper, let step): return .slice(lower: lower, upper: upper, step: step)
        case .wide(let inner, _): return inner.kind
        case .error: return .error
        }
    }

    var isWide: Bool {
        if case .wide = self { return true }
        return false
    }

    static let sharedNone = ExprPayload.constant(.none, nil)
    static let sharedTrue = ExprPayload.constant(.bool(true), nil)
    static let sharedFalse = ExprPayload.constant(.bool(false), nil)
    static let sharedEllipsis = ExprPayload.constant(.ellipsis, nil)
}
