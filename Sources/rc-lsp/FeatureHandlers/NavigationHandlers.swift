import Analysis
import LSPTransport

/// Navigation by heap object: definition → where the object a name points to was allocated; references
/// and highlights → every place in the file that holds the same object.
enum ObjectNavigation {
    /// The objects the name at `position` may point to.
    static func objects(at position: Position, _ snapshot: AnalysisService.Snapshot, _ encoding: PositionEncoding) -> [ObjectID] {
        let at = snapshot.lines.sourcePosition(of: position, in: encoding)
        guard let fact = HoverPresenter.nameFact(at: at, in: snapshot.result) else { return [] }
        return fact.values.compactMap { if case .object(let s) = $0 { return s.object } else { return nil } }
    }

    /// Names bound to one of `objects` and statements that store one of them, in source order, each once.
    static func holders(of objects: [ObjectID], _ result: AnalysisResult) -> [(range: SourceRange, isStatement: Bool)] {
        let wanted = Set(objects)
        func points(_ v: ValueFact) -> Bool { if case .object(let s) = v { return wanted.contains(s.object) }; return false }
        var seen = Set<SourceRange>()
        var out: [(SourceRange, Bool)] = []
        for n in result.names where n.values.contains(where: points) && seen.insert(n.range).inserted {
            out.append((n.range, false))
        }
        for s in result.statements where s.effects.contains(where: { effect in
            guard points(effect.value), case .object(let st) = effect.value else { return false }
            return st.holders.contains { if case .name = $0 { return false }; if case .hidden = $0 { return false }; return true }
        }) {
            if !out.contains(where: { $0.0.line == s.range.line && $0.1 == false }), seen.insert(s.range).inserted {
                out.append((s.range, true))
            }
        }
        return out.sorted { ($0.0.line, $0.0.utf8Column) < ($1.0.line, $1.0.utf8Column) }
    }
}

enum DefinitionHandler: RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.definitionProvider = true
    }

    static func handle(_ request: DefinitionRequest, in context: HandlerContext) throws -> [Location]? {
        guard let snapshot = context.analysis(request.textDocument.uri) else { return [] }
        return ObjectNavigation.objects(at: request.position, snapshot, context.encoding).compactMap { id in
            snapshot.result.object(id).map { snapshot.location($0.allocationExpression ?? $0.allocationSite, context.encoding) }
        }
    }
}

enum ReferencesHandler: RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.referencesProvider = true
    }

    static func handle(_ request: ReferencesRequest, in context: HandlerContext) throws -> [Location]? {
        guard let snapshot = context.analysis(request.textDocument.uri) else { return [] }
        let objects = ObjectNavigation.objects(at: request.position, snapshot, context.encoding)
        var ranges = ObjectNavigation.holders(of: objects, snapshot.result).map(\.range)
        if request.includeDeclaration {
            for id in objects {
                if let o = snapshot.result.object(id) {
                    let site = o.allocationExpression ?? o.allocationSite
                    if !ranges.contains(site) { ranges.insert(site, at: 0) }
                }
            }
        }
        return ranges.map { snapshot.location($0, context.encoding) }
    }
}

enum DocumentHighlightHandler: RequestHandler {
    static func announce(in capabilities: inout ServerCapabilities, client: ClientCapabilities) {
        capabilities.documentHighlightProvider = true
    }

    static func handle(_ request: DocumentHighlightRequest, in context: HandlerContext) throws -> [DocumentHighlight]? {
        guard let snapshot = context.analysis(request.textDocument.uri) else { return [] }
        let objects = ObjectNavigation.objects(at: request.position, snapshot, context.encoding)
        return ObjectNavigation.holders(of: objects, snapshot.result).map {
            DocumentHighlight(range: snapshot.lspRange($0.range, context.encoding), kind: $0.isStatement ? .write : .read)
        }
    }
}
