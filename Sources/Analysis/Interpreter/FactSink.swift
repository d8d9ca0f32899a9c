/// The editor facts one path of the analysis observed (PathChoices.swift), kept apart until the paths of a
/// run are joined: a path that was refined into two is dropped, and code one path gave up on may reach
/// what the others observed, so their facts there lose their exact counts when they are joined.

struct StatementKey: Hashable { var range: SourceRange; var frame: String }
/// What a name was bound to at one observation: a shared value (by its text) or a result object.
enum ValueIdentity: Hashable { case atom(String), object(Int) }
struct NameKey: Hashable { var range: SourceRange; var frame: String }

/// Code a path gave up on (Havoc.swift): the lines it may have reached again, and whether it may have
/// called functions (whose facts are then incomplete, except those of `ownFrame`, the function the
/// path was running on its own, whose later statements saw the given-up state).
struct Unfollowed: Hashable {
    var lines: ClosedRange<Int>
    var mayCallCode: Bool
    var ownFrame: String?

    func reaches(_ line: Int, frame: String) -> Bool {
        lines.contains(line) || (mayCallCode && frame != "<module>" && frame != ownFrame)
    }
}

struct FactSink {
    var statementOrder: [StatementKey] = []
    var statementEffects: [StatementKey: [(subject: String, effect: Effect)]] = [:]
    var anchors: [StatementKey: SourcePosition] = [:]
    var nameOrder: [NameKey] = []
    var nameFacts: [NameKey: (name: String, values: [ValueIdentity: ValueFact], order: [ValueIdentity])] = [:]
    var cycleOrder: [Set<ObjectID>] = []
    var cycleFacts: [Set<ObjectID>: CycleFact] = [:]
    /// How often each statement was observed: after many runs only counts are joined.
    var observations: [StatementKey: Int] = [:]
    /// Set once code that may call functions was not followed: function facts are incomplete from then on.
    var functionFactsIncomplete = false
    var unfollowed: [Unfollowed] = []
    /// The path stopped on the work budget.
    var budgetExhausted = false

    static let maxValuesPerName = 8

    /// Facts the given-up code may have reached again lose their exact counts.
    mutating func markIncomplete(_ u: Unfollowed) {
        for key in statementOrder where u.reaches(key.range.line, frame: key.frame) {
            guard var effects = statementEffects[key] else { continue }
            for i in effects.indices { effects[i].effect = effects[i].effect.incomplete }
            statementEffects[key] = effects
        }
        for key in nameOrder where u.reaches(key.range.line, frame: key.frame) {
            guard var n = nameFacts[key] else { continue }
            for (k, v) in n.values { n.values[k] = v.incomplete }
            nameFacts[key] = n
        }
    }

    mutating func addEffect(_ effect: Effect, subject: String, at k: StatementKey, anchor: @autoclosure () -> SourcePosition?) {
        if statementEffects[k] == nil {
            statementOrder.append(k)
            statementEffects[k] = []
            anchors[k] = anchor()
        }
        if let i = statementEffects[k]?.firstIndex(where: { $0.subject == subject }) {
            statementEffects[k]![i].effect = statementEffects[k]![i].effect.joined(with: effect)
        } else {
            statementEffects[k]?.append((subject, effect))
        }
    }

    /// `fact` carries holders and a preview only while the statement is `detailed` (its first runs); the
    /// count is joined every time.
    mutating func addValue(_ fact: @autoclosure () -> ValueFact, identity: ValueIdentity, name: String, at k: NameKey) {
        if nameFacts[k] == nil { nameOrder.append(k); nameFacts[k] = (name, [:], []) }
        if let old = nameFacts[k]?.values[identity] {
            nameFacts[k]?.values[identity] = old.joined(with: fact())
            return
        }
        if (nameFacts[k]?.order.count ?? 0) >= Self.maxValuesPerName { return }
        nameFacts[k]?.order.append(identity)
        nameFacts[k]?.values[identity] = fact()
    }

    /// Joins the paths of one run into `self`: each path's facts first lose what the others gave up on.
    mutating func join(paths: [FactSink]) {
        if paths.count == 1 { merge(paths[0]); return }
        for (i, path) in paths.enumerated() {
            var p = path
            var seen = Set<Unfollowed>()
            for (j, other) in paths.enumerated() where j != i {
                for u in other.unfollowed where seen.insert(u).inserted { p.markIncomplete(u) }
            }
            merge(p)
        }
    }

    private mutating func merge(_ p: FactSink) {
        for k in p.statementOrder {
            guard let effects = p.statementEffects[k] else { continue }
            if statementEffects[k] == nil {
                // Most keys are new here (a function's own statements): taken over whole.
                statementOrder.append(k)
                statementEffects[k] = effects
                if let a = p.anchors[k] { anchors[k] = a }
                if let n = p.observations[k] { observations[k] = n }
                continue
            }
            for e in effects { addEffect(e.effect, subject: e.subject, at: k, anchor: p.anchors[k]) }
            observations[k, default: 0] += p.observations[k] ?? 0
        }
        for k in p.nameOrder {
            guard let n = p.nameFacts[k] else { continue }
            if nameFacts[k] == nil {
                nameOrder.append(k)
                nameFacts[k] = n
                continue
            }
            for identity in n.order {
                if let v = n.values[identity] { addValue(v, identity: identity, name: n.name, at: k) }
            }
        }
        for key in p.cycleOrder {
            guard let c = p.cycleFacts[key] else { continue }
            if cycleFacts[key] == nil {
                cycleFacts[key] = c
                cycleOrder.append(key)
            } else if cycleFacts[key]?.becameGarbageAt == nil {
                cycleFacts[key]?.becameGarbageAt = c.becameGarbageAt
            }
        }
        unfollowed += p.unfollowed
        budgetExhausted = budgetExhausted || p.budgetExhausted
        functionFactsIncomplete = functionFactsIncomplete || p.functionFactsIncomplete
    }
}

extension Effect {
    /// The same observation with its count no longer vouched for.
    var incomplete: Effect {
        var out = self
        out.value = value.incomplete
        return out
    }

    /// Joins two observations of one subject: the latest state, with the count widened over both.
    func joined(with b: Effect) -> Effect {
        var out = b
        out.value = value.joined(with: b.value)
        out.freed = freed && b.freed
        return out
    }
}

extension ValueFact {
    var incomplete: ValueFact {
        guard case .object(var s) = self else { return self }
        switch s.count {
        case .opaque, .interned: return self
        default: s.count = .unknown
        }
        return .object(s)
    }

    /// The later observation, with the count widened over both; unknown when they are not comparable.
    func joined(with b: ValueFact) -> ValueFact {
        if case .object(let x) = self, case .object(var y) = b {
            y.count = y.count.joined(with: x.count)
            // A few are enough to say the subject is not always the same object (a loop makes thousands).
            for o in x.otherObjects + [x.object] where o != y.object && !y.otherObjects.contains(o) {
                if y.otherObjects.count < 4 { y.otherObjects.append(o) }
            }
            if y.holders.isEmpty && y.preview.isEmpty { y.holders = x.holders; y.preview = x.preview }
            return .object(y)
        }
        if case .shared = self, case .shared = b { return b }
        return .unknown
    }
}

extension RefCount {
    /// The smallest count that allows both.
    func joined(with other: RefCount) -> RefCount {
        func bounds(_ c: RefCount) -> (Int, Int?)? {
            switch c {
            case .exact(let n): return (n, n)
            case .range(let lo, let hi): return (lo, hi)
            case .atLeast(let n): return (n, nil)
            default: return nil
            }
        }
        if case .opaque = self, case .opaque = other { return .opaque }
        guard let x = bounds(self), let y = bounds(other) else { return .unknown }
        let lo = min(x.0, y.0)
        guard let h1 = x.1, let h2 = y.1 else { return .atLeast(lo) }
        let hi = max(h1, h2)
        return lo == hi ? .exact(lo) : .range(min: lo, max: hi)
    }
}
