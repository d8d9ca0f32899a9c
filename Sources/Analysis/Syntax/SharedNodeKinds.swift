/// Sharing the heap boxes of the commonest leaves. An `ExprPayload` value is a pointer to an immutable box
/// holding its fields, so every `self` in a file can point at one `.name("self", .load)` box and
/// every `None` at one process-wide `.constant(.none, nil)` (`ExprPayload.sharedNone`): the tree's values are unchanged
/// (a node still has its own range, and assigning a new kind makes a new box), only the copies are gone.
/// Names are a fifth of all nodes; without this each one costs a 48-byte box.

import Glibc

/// The payloads one parse shares (a file's names and number literals); dropped with the parser.
struct SharedNodeKinds {
    /// Load names and numbers, found by the token's bytes: a hit costs a short hash and a byte compare,
    /// no String.
    var loads = TokenKeyedKinds()
    var numbers = TokenKeyedKinds()
    /// Plain one-token str literals (no escapes, no f/b prefix), by the token's bytes, prefix and quotes included.
    var strings = TokenKeyedKinds()
    private var stores: [String: ExprPayload] = [:]

    /// `.name(id: id, ctx: ctx)`, one box per Store name in this parse (Load names go through `loads`).
    mutating func name(_ id: String, _ ctx: ExprContext) -> ExprPayload {
        switch ctx {
        case .store:
            if let k = stores[id] { return k }
            let k = ExprPayload.name(id, .store)
            stores[id] = k
            return k
        case .load, .del:
            return .name(id, ctx)
        }
    }
}

/// An open-addressing table from a token's text (a run of source bytes) to the kind made for it. The
/// slots are plain numbers (probing copies no references); the kinds sit in their own array.
struct TokenKeyedKinds {
    private struct Slot {
        var hash: UInt32
        var start: Int32
        /// -1: empty.
        var length: Int32
        var kindIndex: Int32
    }
    private static let empty = Slot(hash: 0, start: 0, length: -1, kindIndex: 0)
    private var slots: [Slot] = []
    private var kinds: [ExprPayload] = []

    /// The kind stored for the bytes `src[start..<end]`, or the one `make` builds (then stored).
    mutating func kind(_ src: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ make: () -> ExprPayload) -> ExprPayload {
        let length = end - start
        guard length > 0, end <= src.count, end < Int(Int32.max), let base = src.baseAddress else { return make() }
        var h: UInt32 = 0x811c_9dc5
        for j in start..<end { h = (h ^ UInt32(base[j])) &* 0x0100_0193 }
        if kinds.count * 2 >= slots.count { grow() }
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var at = Int(h) & mask
            while true {
                let s = table[at]
                if s.length < 0 { return nil }
                if s.hash == h && Int(s.length) == length && memcmp(base + Int(s.start), base + start, length) == 0 {
                    return s.kindIndex
                }
                at = (at &+ 1) & mask
            }
        }
        if let found { return kinds[Int(found)] }
        let k = make()
        insert(Slot(hash: h, start: Int32(start), length: Int32(length), kindIndex: Int32(kinds.count)))
        kinds.append(k)
        return k
    }

    private mutating func insert(_ slot: Slot) {
        slots.withUnsafeMutableBufferPointer { table in
            let mask = table.count - 1
            var at = Int(slot.hash) & mask
            while table[at].length >= 0 { at = (at &+ 1) & mask }
            table[at] = slot
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Self.empty, count: max(64, old.count * 2))
        for s in old where s.length >= 0 { insert(s) }
    }
}

/// One-operator lists for `Compare` nodes, shared by every `a == b` of the process (appending to one
/// copies it, as for any array): a one-byte list still costs a 48-byte heap block.
enum SharedCompareOperators {
    static let eq: [CompareOperator] = [.eq], notEq: [CompareOperator] = [.notEq]
    static let lt: [CompareOperator] = [.lt], ltE: [CompareOperator] = [.ltE]
    static let gt: [CompareOperator] = [.gt], gtE: [CompareOperator] = [.gtE]
    static let `is`: [CompareOperator] = [.is], isNot: [CompareOperator] = [.isNot]
    static let `in`: [CompareOperator] = [.in], notIn: [CompareOperator] = [.notIn]

    static func list(_ op: CompareOperator) -> [CompareOperator] {
        switch op {
        case .eq: return eq
        case .notEq: return notEq
        case .lt: return lt
        case .ltE: return ltE
        case .gt: return gt
        case .gtE: return gtE
        case .is: return `is`
        case .isNot: return isNot
        case .in: return `in`
        case .notIn: return notIn
        }
    }
}
