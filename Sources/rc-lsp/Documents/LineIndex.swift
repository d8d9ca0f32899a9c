import Analysis
import LSPTransport

/// A document's text as UTF-8 bytes plus where each line starts, and every conversion between the three
/// coordinate systems in play:
/// - byte offsets into the UTF-8 text (what edits splice);
/// - LSP `Position`s: 0-based line, `character` in UTF-8, UTF-16 or UTF-32 code units (the negotiated encoding);
/// - the analysis' `SourcePosition`s: 1-based line, 0-based UTF-8 column (CPython's coordinates).
/// Lines end at `\n`, `\r\n` or a lone `\r` (LSP and CPython agree). Positions past the end of a line clamp
/// to the line's end, past the last line to the end of the text; a position inside a character (half a
/// surrogate pair, the middle of a UTF-8 sequence) snaps back to the character's start.
struct LineIndex: Sendable {
    let utf8: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`, never empty.
    let lineStarts: [Int]

    init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        starts.reserveCapacity(utf8.count / 32 + 1)
        utf8.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    init(_ text: String) { self.init(utf8: Array(text.utf8)) }

    var text: String { String(decoding: utf8, as: UTF8.self) }
    var lineCount: Int { lineStarts.count }

    /// The bytes of line `line` (0-based) without its terminator; nil past the last line.
    func contentRange(ofLine line: Int) -> Range<Int>? {
        guard line >= 0, line < lineStarts.count else { return nil }
        let start = lineStarts[line]
        guard line + 1 < lineStarts.count else { return start..<utf8.count }
        var end = lineStarts[line + 1] - 1
        if utf8[end] == 0x0A, end > start, utf8[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The 0-based line holding byte `offset` (a terminator belongs to the line it ends).
    func line(containingUTF8Offset offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    // MARK: LSP positions

    /// The byte offset an LSP position designates, clamped as the spec says.
    func utf8Offset(of position: Position, in encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard let content = contentRange(ofLine: position.line) else { return utf8.count }
        var remaining = max(position.character, 0)
        var i = content.lowerBound
        switch encoding {
        case .utf8:
            i = min(content.lowerBound + remaining, content.upperBound)
            while i > content.lowerBound, i < content.upperBound, isContinuation(utf8[i]) { i -= 1 }
        case .utf16, .utf32:
            while i < content.upperBound, remaining > 0 {
                let lead = utf8[i]
                let units = encoding == .utf16 && lead >= 0xF0 ? 2 : 1
                if units > remaining { break }
                remaining -= units
                i += sequenceLength(lead)
            }
            i = min(i, content.upperBound)
        }
        return i
    }

    /// The LSP position of byte `offset` (clamped into the text; inside a terminator → end of that line).
    func position(ofUTF8Offset offset: Int, in encoding: PositionEncoding) -> Position {
        let offset = min(max(offset, 0), utf8.count)
        let line = line(containingUTF8Offset: offset)
        guard let content = contentRange(ofLine: line) else { return Position(line: line, character: 0) }
        var end = min(offset, content.upperBound)
        while end > content.lowerBound, end < content.upperBound, isContinuation(utf8[end]) { end -= 1 }
        return Position(line: line, character: codeUnits(from: content.lowerBound, to: end, in: encoding))
    }

    /// Code units of `encoding` in the bytes `from..<to` (both on character boundaries).
    func codeUnits(from start: Int, to end: Int, in encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return end - start }
        var count = 0
        var i = start
        while i < end {
            let lead = utf8[i]
            if !isContinuation(lead) { count += encoding == .utf16 && lead >= 0xF0 ? 2 : 1 }
            i += 1
        }
        return count
    }

    func utf8Range(of range: LSPRange, in encoding: PositionEncoding) -> Range<Int> {
        let start = utf8Offset(of: range.start, in: encoding)
        let end = utf8Offset(of: range.end, in: encoding)
        return start <= end ? start..<end : end..<start
    }

    // MARK: Analysis coordinates (1-based line, UTF-8 column)

    func sourcePosition(ofUTF8Offset offset: Int) -> SourcePosition {
        let p = position(ofUTF8Offset: offset, in: .utf8)
        return SourcePosition(line: p.line + 1, utf8Column: p.character)
    }

    func utf8Offset(of source: SourcePosition) -> Int {
        guard source.line >= 1 else { return 0 }
        return utf8Offset(of: Position(line: source.line - 1, character: max(source.utf8Column, 0)), in: .utf8)
    }

    func position(of source: SourcePosition, in encoding: PositionEncoding) -> Position {
        position(ofUTF8Offset: utf8Offset(of: source), in: encoding)
    }

    func sourcePosition(of position: Position, in encoding: PositionEncoding) -> SourcePosition {
        sourcePosition(ofUTF8Offset: utf8Offset(of: position, in: encoding))
    }

    func range(of source: SourceRange, in encoding: PositionEncoding) -> LSPRange {
        LSPRange(start: position(of: SourcePosition(line: source.line, utf8Column: source.utf8Column), in: encoding),
                 end: position(of: SourcePosition(line: source.endLine, utf8Column: source.endUTF8Column), in: encoding))
    }

    func sourceRange(of range: LSPRange, in encoding: PositionEncoding) -> SourceRange {
        let start = sourcePosition(of: range.start, in: encoding)
        let end = sourcePosition(of: range.end, in: encoding)
        return SourceRange(line: start.line, utf8Column: start.utf8Column, endLine: end.line, endUTF8Column: end.utf8Column)
    }

    // MARK: Editing

    /// A new index for this text with `utf8Range` replaced by `replacement`.
    func replacing(_ utf8Range: Range<Int>, with replacement: String) -> LineIndex {
        let lower = min(max(utf8Range.lowerBound, 0), utf8.count)
        let upper = min(max(utf8Range.upperBound, lower), utf8.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count - (upper - lower) + replacement.utf8.count)
        bytes.append(contentsOf: utf8[..<lower])
        bytes.append(contentsOf: replacement.utf8)
        bytes.append(contentsOf: utf8[upper...])
        return LineIndex(utf8: bytes)
    }

    @inline(__always) private func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    @inline(__always) private func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
