/// Turns a file's raw bytes into what the lexer reads, the way CPython's `ast.parse(bytes)` does before it
/// tokenizes: drop a UTF-8 BOM, honour a PEP 263 coding declaration, turn CRLF and CR into LF, report NUL
/// bytes and find invalid UTF-8 (the bytes stay; the lexer treats them as bad characters).

struct SourceText {
    var bytes: [UInt8]
    var errors: [SyntaxError] = []
    /// The first invalid UTF-8 sequences (offset, first byte, reason). Which one is an error depends on the
    /// token it sits in (none in comments: CPython never decodes them), so `PythonParser` decides.
    var invalidUTF8: [(offset: Int, byte: UInt8, reason: String)] = []
    static let maxInvalidUTF8Recorded = 64

    init(utf8 raw: [UInt8]) {
        var b = raw
        let bom = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
        if bom { b.removeFirst(3) }
        let scan = SourceText.scan(b)
        if scan.hasCR { b = SourceText.normalizeNewlines(b) }
        bytes = b
        if let declared = SourceText.codingDeclaration(b) {
            let enc = SourceText.normalName(declared)
            if bom && enc != "utf-8" {
                fail("encoding problem: \(declared) with BOM")
            } else if ["utf-8", "utf8", "u8", "utf", "cp65001", "ascii", "us-ascii"].contains(enc) {
                // read as UTF-8
            } else if SourceText.isLatin1(enc) {
                bytes = SourceText.latin1ToUTF8(b)
            } else if let table = SourceEncodings.upperHalf(enc) {
                bytes = SourceText.transcode(b, table) ?? b
            } else {
                fail("unknown encoding: \(declared)")
            }
        }
        if !scan.plainASCII { validate() }
    }

    private static func normalizeNewlines(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0D {
                out.append(0x0A)
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// The encoding named by a `coding[:=]` comment on line 1 or 2, lowercased.
    private static func codingDeclaration(_ b: [UInt8]) -> String? {
        var lineStart = 0
        for _ in 0..<2 {
            guard lineStart < b.count else { return nil }
            var end = lineStart
            while end < b.count && b[end] != 0x0A { end += 1 }
            var i = lineStart
            while i < end && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0C) { i += 1 }
            if i < end && b[i] == UInt8(ascii: "#") {
                let text = String(decoding: b[i..<end], as: UTF8.self)
                var searchFrom = text.startIndex
                while let r = text.range(of: "coding", range: searchFrom..<text.endIndex) {
                    searchFrom = r.upperBound
                    var rest = text[r.upperBound...]
                    if let f = rest.first, f == ":" || f == "=" {
                        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
                        let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
                        if !name.isEmpty { return String(name) }
                    }
                }
            } else if i < end {
                return nil  // a code line ends the search
            }
            lineStart = end + 1
        }
        return nil
    }

    private mutating func fail(_ message: String) {
        errors.append(SyntaxError(message: message, range: SourceRange(line: 1, utf8Column: 0, endLine: 1, endUTF8Column: 0)))
    }

    /// CPython's `get_normal_name`: lowercase, `_` as `-`, UTF-8 and Latin-1 spellings folded.
    private static func normalName(_ enc: String) -> String {
        let e = enc.lowercased().replacingOccurrences(of: "_", with: "-")
        if e == "utf-8" || e.hasPrefix("utf-8-") { return "utf-8" }
        for l in ["latin-1", "iso-8859-1", "iso-latin-1"] where e == l || e.hasPrefix(l + "-") { return "iso-8859-1" }
        return e
    }

    private static func transcode(_ b: [UInt8], _ table: [UInt32]) -> [UInt8]? {
        var s = String.UnicodeScalarView()
        for c in b {
            if c < 0x80 { s.append(Unicode.Scalar(c)); continue }
            guard let u = Unicode.Scalar(table[Int(c) - 0x80]), u.value != 0 else { return nil }
            s.append(u)
        }
        return Array(String(s).utf8)
    }

    private static func isLatin1(_ enc: String) -> Bool {
        let e = enc.replacingOccurrences(of: "_", with: "-")
        return e == "latin-1" || e == "iso-8859-1" || e == "iso-latin-1" || e == "latin1" || e == "iso8859-1"
            || e == "l1" || e == "latin" || e == "cp819" || e == "8859" || e == "iso-ir-100" || e == "csisolatin1"
            || e.hasPrefix("latin-1-") || e.hasPrefix("iso-8859-1-") || e.hasPrefix("iso-latin-1-")
    }

    private static func latin1ToUTF8(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 { out.append(c) } else { out.append(0xC0 | (c >> 6)); out.append(0x80 | (c & 0x3F)) }
        }
        return out
    }

    /// Python's words for why the sequence at `i` is not UTF-8.
    static func invalidReason(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> String {
        let c = p[i]
        if c < 0xC2 || c > 0xF4 { return "invalid start byte" }
        let need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        // The allowed range of the second byte depends on the lead byte (no overlongs, no surrogates).
        let lo: UInt8 = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80
        let hi: UInt8 = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF
        for k in 1..<need {
            guard i + k < n else { return "unexpected end of data" }
            let b = p[i + k]
            if k == 1 ? (b < lo || b > hi) : (b & 0xC0 != 0x80) { return "invalid continuation byte" }
        }
        return "invalid continuation byte"
    }

    /// One pass over the bytes, eight at a time: is there a CR, and is everything ASCII without NUL (then
    /// there is nothing to validate)?
    private static func scan(_ b: [UInt8]) -> (hasCR: Bool, plainASCII: Bool) {
        b.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            var cr = false, plain = true
            @inline(__always) func hasZeroByte(_ w: UInt64) -> Bool {
                (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0
            }
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 || hasZeroByte(w) { plain = false }
                if hasZeroByte(w ^ 0x0D0D_0D0D_0D0D_0D0D) { cr = true }
                i += 8
            }
            while i < n {
                let c = raw[i]
                if c == 0 || c >= 0x80 { plain = false }
                if c == 0x0D { cr = true }
                i += 1
            }
            return (cr, plain)
        }
    }

    /// Reports the first invalid UTF-8 sequence and the first NUL byte, with CPython's messages.
    private mutating func validate() {
        var line = 1, lineStart = 0
        var i = 0
        let n = bytes.count
        var sawNul = false
        bytes.withUnsafeBufferPointer { p in
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    if c == 0x0A { line += 1; lineStart = i + 1 }
                    else if c == 0 && !sawNul {
                        sawNul = true
                        errors.append(SyntaxError(message: "source code string cannot contain null bytes",
                                                  range: SourceRange(line: line, utf8Column: i - lineStart,
                                                                     endLine: line, endUTF8Column: i - lineStart + 1)))
                    }
                    i += 1
                    continue
                }
                if let (_, len) = decodeUTF8Scalar(p, i, n) { i += len; continue }
                if invalidUTF8.count < SourceText.maxInvalidUTF8Recorded {
                    invalidUTF8.append((i, c, SourceText.invalidReason(p, i, n)))
                }
                i += 1
            }
        }
    }
}
