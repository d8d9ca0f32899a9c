/// Where a node sits in the source, in CPython's `ast` coordinates: lines are 1-based, columns are
/// 0-based UTF-8 byte offsets within the line (what `col_offset` counts). Kept this way so the tree can be
/// compared byte for byte with `ast.dump(..., include_attributes=True)`; the LSP layer converts.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var utf8Column: Int
    public var endLine: Int
    public var endUTF8Column: Int

    public init(line: Int, utf8Column: Int, endLine: Int, endUTF8Column: Int) {
        self.line = line
        self.utf8Column = utf8Column
        self.endLine = endLine
        self.endUTF8Column = endUTF8Column
    }

    public var description: String { "\(line):\(utf8Column)-\(endLine):\(endUTF8Column)" }

    /// True when (line, column) lies inside this range (end exclusive).
    public func contains(line l: Int, utf8Column c: Int) -> Bool {
        if l < line || l > endLine { return false }
        if l == line && c < utf8Column { return false }
        if l == endLine && c >= endUTF8Column { return false }
        return true
    }
}
