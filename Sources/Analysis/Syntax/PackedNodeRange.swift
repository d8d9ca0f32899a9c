/// The 8-byte form of a node's `SourceRange`, used by `Expr` and `Stmt` to hold their range beside the
/// kind in 16 bytes instead of 24. Every expression sits inline in its parent (an array slot or a field of
/// the parent's box), so these 8 bytes are paid about 700k times over the standard library.
/// Knows nothing of the grammar; the rare range that does not fit is kept whole in the node's box (`.wide`).

struct PackedNodeRange: Sendable {
    /// line (22 bits) | endLine - line (12) | column (15) | end column (15), from the high bits down.
    let bits: UInt64

    @inline(__always) init(bits: UInt64) { self.bits = bits }

    private static let lineBits: UInt64 = 22, spanBits: UInt64 = 12, columnBits: UInt64 = 15

    /// nil when a field is out of reach (a line past 4M, a node over 4095 lines, a column past 32767, or
    /// anything negative): the caller keeps the full range instead.
    @inline(__always)
    init?(_ r: SourceRange) {
        let line = UInt64(truncatingIfNeeded: r.line)
        let span = UInt64(truncatingIfNeeded: r.endLine &- r.line)
        let column = UInt64(truncatingIfNeeded: r.utf8Column)
        let endColumn = UInt64(truncatingIfNeeded: r.endUTF8Column)
        // Negative values wrap to huge unsigned ones and fail these checks too.
        guard line < 1 << Self.lineBits, span < 1 << Self.spanBits,
              column < 1 << Self.columnBits, endColumn < 1 << Self.columnBits else { return nil }
        bits = line << (Self.spanBits + 2 * Self.columnBits) | span << (2 * Self.columnBits)
            | column << Self.columnBits | endColumn
    }

    @inline(__always)
    var range: SourceRange {
        let columnMask: UInt64 = 1 << Self.columnBits - 1
        let line = Int(bits >> (Self.spanBits + 2 * Self.columnBits))
        let span = Int(bits >> (2 * Self.columnBits) & (1 << Self.spanBits - 1))
        return SourceRange(line: line, utf8Column: Int(bits >> Self.columnBits & columnMask),
                           endLine: line + span, endUTF8Column: Int(bits & columnMask))
    }
}
