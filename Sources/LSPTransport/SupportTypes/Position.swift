/// A position in a text document as LSP counts it: 0-based line, and `character` in the code units of
/// the negotiated position encoding (UTF-16 by default, UTF-8 or UTF-32 when agreed at `initialize`).
public struct Position: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    /// Code units of the negotiated encoding from the start of the line.
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: Position, b: Position) -> Bool {
        a.line != b.line ? a.line < b.line : a.character < b.character
    }

    public var description: String { "\(line):\(character)" }
}

extension Position: JSONCodable {
    public init(json: JSONValue) throws {
        line = try json.decode("line")
        character = try json.decode("character")
        guard line >= 0, character >= 0 else { throw JSONDecodingError("negative position") }
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("line"); json.int(line)
        json.key("character"); json.int(character)
        json.endObject()
    }
}
