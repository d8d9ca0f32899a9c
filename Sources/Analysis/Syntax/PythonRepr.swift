/// Python's `repr()` of the constants a tree can hold, byte for byte as CPython 3.11 prints them: str quote
/// choice and escapes (with `str.isprintable`), bytes, float shortest repr with its exponent rules, complex,
/// ints of any size.

enum PythonRepr {
    static func constant(_ c: Constant, into out: inout String) {
        switch c {
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .ellipsis: out += "Ellipsis"
        case .int(let v): out += String(v)
        case .bigInt(let d): out += d
        case .float(let d): out += float(d)
        case .complex(let imag): out += complexImag(imag)
        case .str(let s): str(s.unicodeScalars.lazy.map { $0.value }, into: &out)
        case .strScalars(let v): str(v, into: &out)
        case .bytes(let b): bytes(b, into: &out)
        }
    }

    // MARK: - str

    static func str<S: Sequence>(_ scalars: S, into out: inout String) where S.Element == UInt32 {
        var hasSingle = false, hasDouble = false
        for v in scalars {
            if v == 0x27 { hasSingle = true } else if v == 0x22 { hasDouble = true }
        }
        let quote: UInt32 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        out.unicodeScalars.append(Unicode.Scalar(UInt8(quote)))
        for v in scalars {
            switch v {
            case quote, 0x5C: out += "\\"; out.unicodeScalars.append(Unicode.Scalar(UInt8(v)))
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            default:
                if v < 0x20 || v == 0x7F { out += "\\x" + hex(v, 2) }
                else if v < 0x7F { out.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
                else if let u = Unicode.Scalar(v), isPrintable(u) { out.unicodeScalars.append(u) }
                else if v <= 0xFF { out += "\\x" + hex(v, 2) }
                else if v <= 0xFFFF { out += "\\u" + hex(v, 4) }
                else { out += "\\U" + hex(v, 8) }
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(UInt8(quote)))
    }

    /// `str.isprintable` for one non-ASCII code point: not in Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (Unicode 14.0).
    static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        // CPython 3.11 knows Unicode 14.0: anything assigned later is unassigned (Cn) to it.
        guard let age = u.properties.age, (age.major, age.minor) <= (14, 0) else { return false }
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    // MARK: - bytes

    static func bytes(_ b: [UInt8], into out: inout String) {
        let hasSingle = b.contains(0x27), hasDouble = b.contains(0x22)
        let quote: UInt8 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        out += "b"
        out.unicodeScalars.append(Unicode.Scalar(quote))
        for c in b {
            switch c {
            case quote, 0x5C: out += "\\"; out.unicodeScalars.append(Unicode.Scalar(c))
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            default:
                if c < 0x20 || c >= 0x7F { out += "\\x" + hex(UInt32(c), 2) }
                else { out.unicodeScalars.append(Unicode.Scalar(c)) }
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(quote))
    }

    // MARK: - float and complex

    /// `repr(float)`: shortest round-trip digits; scientific when the decimal exponent is < -4 or >= 16.
    static func float(_ d: Double) -> String { formatShortest(d, addDotZero: true) }

    /// `repr(complex(0, imag))` for a literal: the imaginary part without a forced `.0`, then `j`.
    static func complexImag(_ d: Double) -> String { formatShortest(d, addDotZero: false) + "j" }

    static func formatShortest(_ d: Double, addDotZero: Bool) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return (d.sign == .minus ? "-0" : "0") + (addDotZero ? ".0" : "") }
        // Swift's description gives the shortest round-trip digits; re-format them the Python way.
        let (negative, digits, decpt) = shortestDigits(d)
        var s = negative ? "-" : ""
        if decpt > -4 && decpt <= 16 {
            if decpt <= 0 {
                s += "0." + String(repeating: "0", count: -decpt) + digits
            } else if decpt >= digits.count {
                s += digits + String(repeating: "0", count: decpt - digits.count)
                if addDotZero { s += ".0" }
            } else {
                let idx = digits.index(digits.startIndex, offsetBy: decpt)
                s += digits[..<idx] + "." + digits[idx...]
            }
        } else {
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            s += first
            if !rest.isEmpty { s += "." + rest }
            let e = decpt - 1
            s += e < 0 ? "e-" : "e+"
            let ae = abs(e)
            s += ae < 10 ? "0" + String(ae) : String(ae)
        }
        return s
    }

    /// (sign, significant digits without leading/trailing zeros, decimal point position) with
    /// value = 0.DIGITS × 10^decpt.
    static func shortestDigits(_ d: Double) -> (Bool, String, Int) {
        let desc = d.magnitude.description  // e.g. "1234.5", "1e-05", "1.5e+300", "5e-324"
        var mantissa = Substring(desc)
        var exp = 0
        if let eIdx = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = desc[..<eIdx]
            exp = Int(desc[desc.index(after: eIdx)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var all = String(intPart) + String(fracPart)
        var decpt = intPart.count + exp
        // Strip leading zeros (each moves the point left).
        while all.hasPrefix("0") && all.count > 1 { all.removeFirst(); decpt -= 1 }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return (d.sign == .minus, all, decpt)
    }
}
