/// Where a node sits in the source, in CPython's `ast` coordinates: lines are 1-based, columns are
/// 0-based UTF-8 byte offsets within the line (what `col_offset` counts). Kept this way so the tree can be
/// compared byte for byte with `ast.dump(..., include_attributes=True)`; the LSP layer converts.
///
/// Every node of the tree carries one, so it is stored in 16 bytes (four `Int32`) instead of 32; the
/// accessors stay `Int`. Values beyond `Int32` (no real file has 2^31 lines or a 2 GB line) saturate.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    private var storedLine: Int32
    private var storedUTF8Column: Int32
    private var storedEndLine: Int32
    private var storedEndUTF8Column: Int32

    public init(line: Int, utf8Column: Int, endLine: Int, endUTF8Column: Int) {
        storedLine = Self.clamped(line)
        storedUTF8Column = Self.clamped(utf8Column)
        storedEndLine = Self.clamped(endLine)
        storedEndUTF8Column = Self.clamped(endUTF8Column)
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.clamped(newValue) }
    }
    public var utf8Column: Int {
        get { Int(storedUTF8Column) }
        set { storedUTF8Column = Self.clamped(newValue) }
    }
    public var endLine: Int {
        get { Int(storedEndLine) }
        set { storedEndLine = Self.clamped(newValue) }
    }
    public var endUTF8Column: Int {
        get { Int(storedEndUTF8Column) }
        set { storedEndUTF8Column = Self.clamped(newValue) }
    }

    public var description: String { "\(line):\(utf8Column)-\(endLine):\(endUTF8Column)" }

    /// True when (line, column) lies inside this range (end exclusive).
    public func contains(line l: Int, utf8Column c: Int) -> Bool {
        if l < line || l > endLine { return false }
        if l == line && c < utf8Column { return false }
        if l == endLine && c >= endUTF8Column { return false }
        return true
    }

    @inline(__always)
    private static func clamped(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }
}
