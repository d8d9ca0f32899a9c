import Analysis

/// A diagnostic in editor-neutral terms; the LSP handler converts positions.
struct PresentedDiagnostic: Equatable {
    enum Severity: Int { case error = 1, warning = 2, information = 3, hint = 4 }
    struct Related: Equatable { var range: SourceRange; var message: String }
    var range: SourceRange
    var severity: Severity
    var code: String?
    var message: String
    var related: [Related]
}

/// Words and places for reference cycles: a warning where a cycle closes (each edge as related
/// information where it was made), an information where it becomes garbage, and a stronger warning when
/// an object in it has a `__del__` finalizer. Also the parser's syntax errors, as they are.
enum CycleDiagnostics {
    static func diagnostics(_ result: AnalysisResult, settings: Settings) -> [PresentedDiagnostic] {
        var out = result.syntaxErrors.map {
            PresentedDiagnostic(range: $0.range, severity: .error, code: "syntax-error", message: $0.message, related: [])
        }
        guard settings.diagnosticsCycles else { return out }
        for cycle in result.cycles where !cycle.objects.isEmpty {
            out.append(contentsOf: diagnostics(for: cycle, result))
        }
        return out
    }

    static func diagnostics(for cycle: CycleFact, _ result: AnalysisResult) -> [PresentedDiagnostic] {
        let related = cycle.edges.map { edge in
            PresentedDiagnostic.Related(
                range: edge.createdAt,
                message: "\(Describe.label(edge.from, in: result)) → \(Describe.label(edge.to, in: result)): "
                    + "reference `\(edgeName(edge, result, closedAt: cycle.closedAt))` made here")
        }
        var out = [PresentedDiagnostic(range: cycle.closedAt, severity: .warning, code: "reference-cycle",
                                       message: cycleMessage(cycle, result), related: related)]
        if cycle.hasFinalizer {
            let finalizers = cycle.objects.filter { result.object($0)?.hasFinalizer == true }
            let names = Describe.list(finalizers.map { Describe.label($0, in: result) })
            let classes = Describe.list(Array(Set(finalizers.compactMap { result.object($0)?.typeName })).sorted())
            out.append(PresentedDiagnostic(
                range: cycle.closedAt, severity: .warning, code: "cycle-finalizer",
                message: "\(names) in this reference cycle \(finalizers.count == 1 ? "has" : "have") a finalizer "
                    + "(\(classes).__del__): it runs only when the cyclic garbage collector frees the cycle, "
                    + "at a time the program does not control",
                related: related))
        }
        if let garbage = cycle.becameGarbageAt {
            let labels = cycle.objects.map { Describe.label($0, in: result) }
            let one = labels.count == 1
            out.append(PresentedDiagnostic(
                range: garbage, severity: .information, code: "cycle-garbage",
                message: "\(Describe.list(labels)) \(one ? "is" : "are") now garbage held only by "
                    + "\(one ? "its" : "their") cycle; the cyclic garbage collector must free \(one ? "it" : "them")",
                related: []))
        }
        return out
    }

    /// `reference cycle: list #1 → list #2 → list #1 (b[0] → a[0]); reference counting alone never frees it`:
    /// the path, then for each object the reference inside the cycle that holds it.
    static func cycleMessage(_ cycle: CycleFact, _ result: AnalysisResult) -> String {
        let path = (cycle.objects + [cycle.objects[0]]).map { Describe.label($0, in: result) }
        let incoming = cycle.objects.map { id -> String in
            guard let edge = cycle.edges.first(where: { $0.to == id }) else { return Describe.label(id, in: result) }
            return edgeName(edge, result, closedAt: cycle.closedAt)
        }
        return "reference cycle: " + path.joined(separator: " → ") + " (" + incoming.joined(separator: " → ")
            + "); reference counting alone never frees it"
    }

    /// `a[0]`, `head.next`: the holder's name (the variable that last named it where and before the cycle
    /// closed, else its label) followed by the slot or attribute.
    static func edgeName(_ edge: CycleEdge, _ result: AnalysisResult, closedAt: SourceRange) -> String {
        let owner = ownerName(edge.from, result, before: closedAt) ?? Describe.label(edge.from, in: result)
        if edge.via.hasPrefix("[") || edge.via.hasPrefix(".") { return owner + edge.via }
        return owner + "." + edge.via
    }

    /// The user's word for an object at the statement that closed a cycle: the last name bound to it up to
    /// that statement, preferring names of the frame that statement runs in.
    static func ownerName(_ id: ObjectID, _ result: AnalysisResult, before closedAt: SourceRange) -> String? {
        let frame = result.names.first { closedAt.contains(line: $0.range.line, utf8Column: $0.range.utf8Column) }?.frame
        var best: NameFact?
        for fact in result.names where fact.range.line <= closedAt.endLine {
            guard fact.values.contains(where: { if case .object(let s) = $0 { return s.object == id }; return false }) else { continue }
            if best == nil || (fact.frame == frame) || best?.frame != frame { best = fact }
        }
        return best?.name
    }
}
