/// The value of a NUMBER token, as CPython computes it: ints of any size (kept as decimal digits past
/// `Int`), floats and imaginary numbers correctly rounded.

extension Parser {
    func numberValue(_ t: Token) -> Constant {
        var digits: [UInt8] = []
        digits.reserveCapacity(Int(t.end - t.start))
        for c in bytes(of: t) where c != UInt8(ascii: "_") { digits.append(c) }
        return NumberLiteral.value(digits)
    }
}

enum NumberLiteral {
    static func value(_ d: [UInt8]) -> Constant {
        guard let last = d.last else { return .int(0) }
        if last | 0x20 == UInt8(ascii: "j") {
            let s = String(decoding: d.dropLast(), as: UTF8.self)
            return .complex(imag: parseDouble(s))
        }
        if d.count > 2 && d[0] == UInt8(ascii: "0") {
            let r = d[1] | 0x20
            if r == UInt8(ascii: "x") { return radixInt(d.dropFirst(2), 16) }
            if r == UInt8(ascii: "o") { return radixInt(d.dropFirst(2), 8) }
            if r == UInt8(ascii: "b") { return radixInt(d.dropFirst(2), 2) }
        }
        if d.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
            return .float(parseDouble(String(decoding: d, as: UTF8.self)))
        }
        let s = String(decoding: d, as: UTF8.self)
        if let v = Int(s) { return .int(v) }
        let trimmed = s.drop(while: { $0 == "0" })
        return .bigInt(decimal: trimmed.isEmpty ? "0" : String(trimmed))
    }

    static func parseDouble(_ s: String) -> Double {
        if let v = Double(s) { return v }
        // Forms Swift's parser does not take ("5." or ".5e3" variants): normalise and retry.
        var t = s
        if t.hasPrefix(".") { t = "0" + t }
        t = t.replacingOccurrences(of: ".e", with: ".0e").replacingOccurrences(of: ".E", with: ".0E")
        if t.hasSuffix(".") { t += "0" }
        return Double(t) ?? 0
    }

    /// Hex/octal/binary digits to an int, going through base-2^32 limbs when it does not fit in `Int`.
    static func radixInt<C: Collection>(_ d: C, _ radix: UInt32) -> Constant where C.Element == UInt8 {
        var small: UInt64 = 0
        var fits = true
        for c in d {
            let v = UInt64(hexValue(c))
            let (m, o1) = small.multipliedReportingOverflow(by: UInt64(radix))
            let (a, o2) = m.addingReportingOverflow(v)
            if o1 || o2 { fits = false; break }
            small = a
        }
        if fits && small <= UInt64(Int.max) { return .int(Int(small)) }
        // Little-endian limbs.
        var limbs: [UInt32] = [0]
        for c in d {
            var carry = UInt64(hexValue(c))
            for k in 0..<limbs.count {
                let x = UInt64(limbs[k]) * UInt64(radix) + carry
                limbs[k] = UInt32(truncatingIfNeeded: x)
                carry = x >> 32
            }
            if carry != 0 { limbs.append(UInt32(carry)) }
        }
        return .bigInt(decimal: decimalString(limbs))
    }

    /// Decimal digits of a little-endian base-2^32 number.
    static func decimalString(_ limbsIn: [UInt32]) -> String {
        var limbs = limbsIn
        var chunks: [UInt32] = []
        while limbs.count > 1 || limbs[0] != 0 {
            var rem: UInt64 = 0
            for k in stride(from: limbs.count - 1, through: 0, by: -1) {
                let cur = (rem << 32) | UInt64(limbs[k])
                limbs[k] = UInt32(cur / 1_000_000_000)
                rem = cur % 1_000_000_000
            }
            chunks.append(UInt32(rem))
            while limbs.count > 1 && limbs[limbs.count - 1] == 0 { limbs.removeLast() }
        }
        if chunks.isEmpty { return "0" }
        var s = String(chunks[chunks.count - 1])
        for k in stride(from: chunks.count - 2, through: 0, by: -1) {
            let part = String(chunks[k])
            s += String(repeating: "0", count: 9 - part.count) + part
        }
        return s
    }

    @inline(__always) static func hexValue(_ c: UInt8) -> UInt32 {
        if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return UInt32(c - UInt8(ascii: "0")) }
        return UInt32((c | 0x20) - UInt8(ascii: "a") + 10)
    }
}
