import Analysis

/// The source split into lines the way Python splits them (`\n`, `\r\n` or a lone `\r`), kept as UTF-8 so
/// the analyser's byte columns index it directly. Used to quote code in hovers, tooltips and `annotate`.
struct SourceLines {
    /// Each line's bytes, without its line break.
    let lines: [ArraySlice<UInt8>]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                lines.append(bytes[start..<i])
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(bytes[start..<bytes.count])
        self.lines = lines
    }

    /// The text of 1-based line `n`, or "" past the end.
    func line(_ n: Int) -> String {
        guard n >= 1, n <= lines.count else { return "" }
        return String(decoding: lines[n - 1], as: UTF8.self)
    }

    /// The source text a range covers, lines joined with "\n"; clamped to what exists.
    func text(_ r: SourceRange) -> String {
        guard r.line >= 1, r.line <= lines.count, r.endLine >= r.line else { return "" }
        var out: [UInt8] = []
        for n in r.line...min(r.endLine, lines.count) {
            let l = lines[n - 1]
            let from = n == r.line ? min(max(r.utf8Column, 0), l.count) : 0
            let to = n == r.endLine ? min(max(r.endUTF8Column, from), l.count) : l.count
            if n != r.line { out.append(0x0A) }
            out.append(contentsOf: l[(l.startIndex + from)..<(l.startIndex + to)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A one-line quotation of a range for prose: its first line (a `def` quotes its header), whitespace
    /// runs folded, cut at `limit` characters.
    func snippet(_ r: SourceRange, limit: Int = 40) -> String {
        var first = r
        if r.endLine > r.line { first.endLine = r.line; first.endUTF8Column = Int.max }
        var folded = text(first).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if r.endLine > r.line, folded.hasSuffix(":") == false { folded += " …" }
        return folded.count <= limit ? folded : String(folded.prefix(limit - 1)) + "…"
    }
}
