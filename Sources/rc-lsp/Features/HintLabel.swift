import Analysis

/// The short words a hint shows: `rc 2`, `rc 1–2`, `rc ≥1`, `rc ?`, `freed`, `interned`, `opaque`.
enum HintLabel {
    static func text(_ count: RefCount, freed: Bool = false) -> String {
        if freed { return "freed" }
        switch count {
        case .exact(0): return "freed"
        case .exact(let n): return "rc \(n)"
        case .range(let lo, let hi): return lo == hi ? "rc \(lo)" : "rc \(lo)–\(hi)"
        case .atLeast(let n): return "rc ≥\(n)"
        case .unknown: return "rc ?"
        case .interned: return "interned"
        case .opaque: return "opaque"
        }
    }

    /// The count an effect shows; nil when it is a shared value (hidden unless `showInterned`).
    static func count(of value: ValueFact) -> RefCount? {
        switch value {
        case .object(let state): return state.count
        case .shared(_, _, let count): return count
        case .unknown: return .unknown
        }
    }

    /// True for values that are shared or opaque, not counted.
    static func isShared(_ value: ValueFact) -> Bool {
        switch value {
        case .shared: return true
        case .object(let s): if case .opaque = s.count { return true }; if case .interned = s.count { return true }; return false
        case .unknown: return false
        }
    }

    /// Cuts a label to `maxLength` characters with a trailing "…".
    static func truncate(_ s: String, maxLength: Int) -> String {
        guard maxLength > 1, s.count > maxLength else { return s }
        return String(s.prefix(maxLength - 1)) + "…"
    }
}
