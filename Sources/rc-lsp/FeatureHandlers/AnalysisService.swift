import Analysis
import Foundation
import LSPTransport

/// One analysis per document version, shared by every request on that version (hints and hovers come from
/// the same snapshot). A newer version replaces the older one; a closed document is forgotten.
final class AnalysisService: ServerService, @unchecked Sendable {
    struct Snapshot: Sendable {
        let document: Document
        let result: AnalysisResult
        let source: SourceLines
    }

    private var latest: [DocumentURI: Snapshot] = [:]
    private let lock = NSLock()

    init(server: LanguageServer) {}

    func snapshot(_ document: Document) -> Snapshot {
        lock.lock()
        if let s = latest[document.uri], s.document.version == document.version, s.document.lines.utf8 == document.lines.utf8 {
            lock.unlock()
            return s
        }
        lock.unlock()
        let text = document.text
        let made = Snapshot(document: document, result: Analyzer.analyze(text), source: SourceLines(text))
        lock.lock()
        if let s = latest[document.uri], s.document.version > document.version {} else { latest[document.uri] = made }
        lock.unlock()
        return made
    }

    func forget(_ uri: DocumentURI) {
        lock.lock()
        latest[uri] = nil
        lock.unlock()
    }
}

extension HandlerContext {
    /// The analysis of the open document at `uri`; nil when it is not open (handlers answer empty).
    func analysis(_ uri: DocumentURI) -> AnalysisService.Snapshot? {
        guard let document = document(uri) else { return nil }
        return server.service(AnalysisService.self).snapshot(document)
    }

    var settings: Settings { server.service(SettingsService.self).settings }
}

extension AnalysisService.Snapshot {
    var lines: LineIndex { document.lines }

    func lspRange(_ r: SourceRange, _ encoding: PositionEncoding) -> LSPRange { lines.range(of: r, in: encoding) }

    func location(_ r: SourceRange, _ encoding: PositionEncoding) -> Location {
        Location(uri: document.uri, range: lspRange(r, encoding))
    }
}
