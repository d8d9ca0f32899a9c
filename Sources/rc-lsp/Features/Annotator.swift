import Analysis

/// `rc-lsp annotate`: the source with each statement's hint beside it as a comment, and the cycle
/// diagnostics as comments under the statement they belong to — the same facts the editor shows. The
/// output stays valid Python. Colored with ANSI escapes when asked (a terminal), plain otherwise.
enum Annotator {
    static func render(_ text: String, result: AnalysisResult, settings: Settings, color: Bool) -> String {
        let source = SourceLines(text)
        let hints = InlayHintPresenter.hints(result, source: source, settings: settings)
        var hintsByLine: [Int: [String]] = [:]
        for h in hints { hintsByLine[h.anchor.line, default: []].append(h.label) }
        var notesByLine: [Int: [PresentedDiagnostic]] = [:]
        for d in CycleDiagnostics.diagnostics(result, settings: settings) {
            notesByLine[d.range.endLine, default: []].append(d)
        }
        let width = min(hintsByLine.keys.map { source.line($0).count }.max() ?? 0, 48) + 2
        let paint = Paint(enabled: color)
        var out = ""
        for n in 1...max(source.lines.count, 1) {
            let line = source.line(n)
            if n == source.lines.count && line.isEmpty { break }  // the final newline
            out += line
            if let labels = hintsByLine[n] {
                let pad = max(width - line.count, 2)
                out += String(repeating: " ", count: pad) + paint.hint("# " + labels.joined(separator: "; "))
            }
            out += "\n"
            for d in notesByLine[n] ?? [] {
                let indent = String(source.line(d.range.line).prefix { $0 == " " || $0 == "\t" })
                out += indent + paint.diagnostic("# \(word(d.severity)): \(d.message) [\(d.code ?? "")]", d.severity) + "\n"
                for r in d.related {
                    out += indent + paint.dim("#   line \(r.range.line): \(r.message)") + "\n"
                }
            }
        }
        return out
    }

    static func word(_ s: PresentedDiagnostic.Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .information: return "info"
        case .hint: return "hint"
        }
    }
}

/// ANSI colors for a terminal; identity when disabled.
struct Paint {
    var enabled: Bool
    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func hint(_ s: String) -> String { wrap(s, "36") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func diagnostic(_ s: String, _ severity: PresentedDiagnostic.Severity) -> String {
        switch severity {
        case .error: return wrap(s, "31")
        case .warning: return wrap(s, "33")
        default: return wrap(s, "34")
        }
    }
}
