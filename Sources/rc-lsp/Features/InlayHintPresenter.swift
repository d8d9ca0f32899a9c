import Analysis

/// One piece of a hint label; a part naming an object points at its allocation site.
struct HintPart: Equatable {
    var text: String
    var location: SourceRange?
}

/// A hint in editor-neutral terms; the LSP handler converts positions and builds `InlayHint`.
struct PresentedHint {
    var anchor: SourcePosition
    var statement: SourceRange
    var parts: [HintPart]
    /// Markdown: which object, who holds it, why the count changed.
    var tooltip: String
    var label: String { parts.map(\.text).joined() }
}

/// Turns statement facts into the hints the editor shows: `rc 2`, or `a: rc 2 · b: rc 1` when a statement
/// touches several objects. Shared values are hidden unless `showInterned`; `freed` unless `showFreed` is off.
enum InlayHintPresenter {
    static func hints(_ result: AnalysisResult, source: SourceLines, settings: Settings,
                      lines: ClosedRange<Int>? = nil) -> [PresentedHint] {
        guard settings.inlayHintsEnabled else { return [] }
        var out: [PresentedHint] = []
        var sharing: [SourcePosition: Int] = [:]
        for fact in result.statements { sharing[fact.anchor, default: 0] += 1 }
        for fact in result.statements {
            if let lines, !lines.contains(fact.anchor.line) { continue }
            // A `def` line carries the function's binding and its parameters: two hints at one place
            // each say whose count they show.
            let named = (sharing[fact.anchor] ?? 0) > 1
            if let hint = hint(fact, result: result, source: source, settings: settings, named: named) { out.append(hint) }
        }
        return out
    }

    static func hint(_ fact: StatementFact, result: AnalysisResult, source: SourceLines,
                     settings: Settings, named: Bool = false) -> PresentedHint? {
        let shown = fact.effects.filter { effect in
            if HintLabel.isShared(effect.value) { return settings.showInterned }
            if isFreed(effect) { return settings.showFreed }
            return true
        }
        guard !shown.isEmpty else { return nil }
        var parts: [HintPart] = []
        for (i, effect) in shown.enumerated() {
            if i > 0 { parts.append(HintPart(text: " · ", location: nil)) }
            let words = words(effect)
            // A lone effect of a one-object statement reads `rc 2`; otherwise each count says whose it is,
            // so hiding shared values never leaves a bare number on a `def` line of parameters.
            let text = fact.effects.count == 1 && !named ? words : "\(effect.subject): \(words)"
            parts.append(HintPart(text: text, location: location(effect, result: result)))
        }
        let total = parts.map(\.text).joined()
        if total.count > settings.maxLength {
            parts = [HintPart(text: HintLabel.truncate(total, maxLength: settings.maxLength),
                              location: parts.first?.location)]
        }
        let tooltip = shown.map { self.tooltip($0, result: result, source: source) }.joined(separator: "\n\n")
        return PresentedHint(anchor: fact.anchor, statement: fact.range, parts: parts, tooltip: tooltip)
    }

    static func isFreed(_ effect: Effect) -> Bool {
        if effect.freed { return true }
        if case .object(let s) = effect.value, case .exact(0) = s.count { return true }
        return false
    }

    static func words(_ effect: Effect) -> String {
        if isFreed(effect) { return "freed" }
        return HintLabel.text(HintLabel.count(of: effect.value) ?? .unknown)
    }

    static func location(_ effect: Effect, result: AnalysisResult) -> SourceRange? {
        guard case .object(let s) = effect.value, let o = result.object(s.object) else { return nil }
        return o.allocationExpression ?? o.allocationSite
    }

    /// "**b** → list #1, created line 4 (`[1, 2, 3]`): rc **2**, held by … — bound to b".
    static func tooltip(_ effect: Effect, result: AnalysisResult, source: SourceLines) -> String {
        var s = "**\(effect.subject)** → "
        switch effect.value {
        case .object(let state):
            s += Describe.object(state.object, in: result, source: source)
            if !state.otherObjects.isEmpty {
                let others = state.otherObjects.sorted().map { Describe.label($0, in: result) }
                s += " (other times or paths: " + Describe.list(others) + (others.count >= 4 ? " and more" : "") + ")"
            }
            s += isFreed(effect) ? ": **freed** (its count reached 0)" : ": " + Describe.count(state, in: result)
        case .shared(let t, let text, let count):
            s += Describe.shared(typeName: t, text: text, count: count)
        case .unknown:
            s += "an object the analysis cannot follow: its count is unknown"
        }
        if !effect.reason.isEmpty { s += "  \nwhy: \(effect.reason)" }
        return s
    }
}
