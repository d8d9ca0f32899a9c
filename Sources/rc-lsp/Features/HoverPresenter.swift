import Analysis

/// A hover in editor-neutral terms: the hovered name's range and Markdown text.
struct PresentedHover {
    var range: SourceRange
    var markdown: String
}

/// What a name points to at its program point: the object, where it was made, its count with every
/// holder, a short view of its contents and its cycle, or why a shared value is not counted.
enum HoverPresenter {
    static func hover(at position: SourcePosition, _ result: AnalysisResult, source: SourceLines) -> PresentedHover? {
        guard let fact = nameFact(at: position, in: result) else { return nil }
        return PresentedHover(range: fact.range, markdown: markdown(fact, result: result, source: source))
    }

    /// The innermost name occurrence containing the position (names are sorted by range).
    static func nameFact(at p: SourcePosition, in result: AnalysisResult) -> NameFact? {
        var lo = 0, hi = result.names.count
        while lo < hi {  // first name starting after p
            let mid = (lo + hi) / 2
            let r = result.names[mid].range
            if SourcePosition(line: r.line, utf8Column: r.utf8Column) <= p { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0 {
            let r = result.names[i].range
            if r.contains(line: p.line, utf8Column: p.utf8Column) { return result.names[i] }
            if r.line < p.line - 50 { break }  // names do not span that far
            i -= 1
        }
        return nil
    }

    static func markdown(_ fact: NameFact, result: AnalysisResult, source: SourceLines) -> String {
        let blocks = fact.values.map { value(fact.name, $0, at: fact.range.line, result: result, source: source) }
        switch blocks.count {
        case 0: return "**\(fact.name)** is not bound here"
        case 1: return blocks[0]
        default:
            return "**\(fact.name)** depends on the path taken (\(blocks.count) possibilities):\n\n"
                + blocks.joined(separator: "\n\n---\n\n")
        }
    }

    static func value(_ name: String, _ value: ValueFact, at line: Int, result: AnalysisResult,
                      source: SourceLines) -> String {
        switch value {
        case .unknown:
            return "**\(name)** → an object the analysis cannot follow (made or changed by code it does not interpret): its count is unknown"
        case .shared(let t, let text, let count):
            return "**\(name)** → " + Describe.shared(typeName: t, text: text, count: count)
        case .object(let state):
            var s = "**\(name)** → " + Describe.object(state.object, in: result, source: source)
            s += "\n\n" + countBlock(state, result: result)
            if !state.preview.isEmpty { s += "\n\ncontents: `\(state.preview)`" }
            if let cycle = cycle(containing: state.object, at: line, in: result) {
                let path = (cycle.objects + [cycle.objects[0]]).map { Describe.label($0, in: result) }
                s += "\n\npart of a reference cycle: " + path.joined(separator: " → ")
                if cycle.hasFinalizer { s += " (with a `__del__` finalizer)" }
            }
            return s
        }
    }

    static func countBlock(_ state: ObjectState, result: AnalysisResult) -> String {
        var head: String
        switch state.count {
        case .exact(0): return "**freed**: its count reached 0"
        case .exact(let n): head = "rc **\(n)**"
        case .range(let lo, let hi): head = "rc **\(lo)–\(hi)** (depends on the path taken)"
        case .atLeast(let n): head = "rc **≥ \(n)** (code the analysis does not follow may hold more)"
        case .unknown: head = "rc **unknown**"
        case .interned(let why): return "not counted: \(why)"
        case .opaque: return "a class: its count includes the interpreter's own references"
        }
        guard !state.holders.isEmpty else { return head }
        head += ", held by:"
        return head + "\n" + state.holders.map { "- " + Describe.holder($0, in: result) }.joined(separator: "\n")
    }

    /// A cycle the object belongs to that exists at `line` (closed at or before it, not yet garbage-only).
    static func cycle(containing id: ObjectID, at line: Int, in result: AnalysisResult) -> CycleFact? {
        result.cycles.first { c in
            c.objects.contains(id) && c.closedAt.line <= line
        }
    }
}
