import Foundation

/// Decoding of string and bytes literal bodies: CPython's escape sequences (`\n`, octal, `\x`, `\u`, `\U`,
/// `\N{name}`, line continuation), keeping unknown escapes as written. Strings come back as UTF-8 bytes, a
/// lone surrogate (`"\ud800"`) in its generalized 3-byte form so it survives.

enum StringEscapes {
    /// Decodes a str body into UTF-8 bytes (a lone surrogate from `\ud800` is written as its 3-byte
    /// generalized UTF-8 form and `surrogates` is set). Returns an error message for a bad escape.
    static func decodeStr(_ b: ByteSlice, into out: inout [UInt8], surrogates: inout Bool) -> String? {
        var i = b.startIndex
        let end = b.endIndex
        @inline(__always) func put(_ v: UInt32) {
            if v < 0x80 { out.append(UInt8(v)) }
            else if v < 0x800 { out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F))) }
            else if v < 0x10000 {
                if v >= 0xD800 && v <= 0xDFFF { surrogates = true }
                out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        while i < end {
            // Copy the run up to the next backslash as it is (it is UTF-8 already).
            var j = i
            while j < end && b[j] != UInt8(ascii: "\\") { j += 1 }
            if j > i { out.append(contentsOf: b[i..<j]) }
            i = j
            if i >= end { break }
            i += 1
            if i >= end { put(0x5C); break }
            let e = b[i]
            i += 1
            switch e {
            case 0x0A: break
            case UInt8(ascii: "\\"): put(0x5C)
            case UInt8(ascii: "'"): put(0x27)
            case UInt8(ascii: "\""): put(0x22)
            case UInt8(ascii: "a"): put(7)
            case UInt8(ascii: "b"): put(8)
            case UInt8(ascii: "f"): put(12)
            case UInt8(ascii: "n"): put(10)
            case UInt8(ascii: "r"): put(13)
            case UInt8(ascii: "t"): put(9)
            case UInt8(ascii: "v"): put(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - 48)
                var n = 1
                while n < 3 && i < end && b[i] >= 48 && b[i] <= 55 { v = v * 8 + UInt32(b[i] - 48); i += 1; n += 1 }
                put(v)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                var v: UInt32 = 0
                for k in 0..<n {
                    guard i + k < end, isHex(b[i + k]) else {
                        let pos = i - 2 - b.startIndex
                        let name = e == UInt8(ascii: "x") ? "\\xXX" : e == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
                        return "(unicode error) 'unicodeescape' codec can't decode bytes in position \(pos)-\(pos + 1 + k): truncated \(name) escape"
                    }
                    v = v * 16 + NumberLiteral.hexValue(b[i + k])
                }
                i += n
                if v > 0x10FFFF {
                    let pos = i - n - 2 - b.startIndex
                    return "(unicode error) 'unicodeescape' codec can't decode bytes in position \(pos)-\(pos + n + 1): illegal Unicode character"
                }
                put(v)
            case UInt8(ascii: "N"):
                let escStart = i - 2 - b.startIndex
                guard i < end, b[i] == UInt8(ascii: "{") else {
                    return "(unicode error) 'unicodeescape' codec can't decode bytes in position \(escStart)-\(escStart + 1): malformed \\N character escape"
                }
                var j = i + 1
                while j < end && b[j] != UInt8(ascii: "}") { j += 1 }
                guard j < end else {
                    return "(unicode error) 'unicodeescape' codec can't decode bytes in position \(escStart)-\(j - 1 - b.startIndex): malformed \\N character escape"
                }
                let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                guard let v = UnicodeNames.lookup(name) else {
                    return "(unicode error) 'unicodeescape' codec can't decode bytes in position \(escStart)-\(j - b.startIndex): unknown Unicode character name"
                }
                put(v)
                i = j + 1
            default:
                put(0x5C)
                i -= 1  // keep the character after the backslash as written
            }
        }
        return nil
    }

    /// Decodes a bytes body (escapes only; the caller has checked the body is ASCII).
    static func decodeBytes(_ b: ByteSlice, into out: inout [UInt8]) -> String? {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            if i >= end { out.append(0x5C); break }
            let e = b[i]
            i += 1
            switch e {
            case 0x0A: break
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "'"): out.append(0x27)
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - 48)
                var n = 1
                while n < 3 && i < end && b[i] >= 48 && b[i] <= 55 { v = v * 8 + UInt32(b[i] - 48); i += 1; n += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            case UInt8(ascii: "x"):
                guard i + 1 < end, isHex(b[i]), isHex(b[i + 1]) else {
                    let pos = i - 2 - b.startIndex
                    return "(value error) invalid \\x escape at position \(pos)"
                }
                out.append(UInt8(NumberLiteral.hexValue(b[i]) * 16 + NumberLiteral.hexValue(b[i + 1])))
                i += 2
            default:
                out.append(0x5C)
                i -= 1
            }
        }
        return nil
    }

    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 102)
    }
}

/// `\N{...}` lookup: Unicode character names (and the name aliases Swift knows), built on first use.
enum UnicodeNames {
    static let table: [String: UInt32] = {
        var t: [String: UInt32] = [:]
        t.reserveCapacity(40_000)
        for v in UInt32(0)...0x10FFFF {
            if v >= 0xD800 && v <= 0xDFFF { continue }
            guard let s = Unicode.Scalar(v) else { continue }
            if let n = s.properties.name { t[n] = v }
            if let a = s.properties.nameAlias, t[a] == nil { t[a] = v }
        }
        return t
    }()

    static func lookup(_ name: String) -> UInt32? {
        let upper = name.uppercased()
        if let v = table[upper] { return v }
        return nil
    }
}

/// Identifiers are NFKC-normalised by CPython when they are not ASCII.
func nfkc(_ s: String) -> String { s.precomposedStringWithCompatibilityMapping }
