/// Short names packed in a machine word, so an attribute load's box stays in malloc's 48-byte class.
/// Knows nothing of the grammar.

/// A name of 1 to 8 UTF-8 bytes in one word, first byte lowest; the unused high bytes are zero (a name
/// never contains a zero byte).
enum ShortName {
    @inline(__always)
    static func pack(_ name: String) -> UInt64? {
        var bits: UInt64 = 0
        var n: UInt64 = 0
        for b in name.utf8 {
            if n == 8 || b == 0 { return nil }
            bits |= UInt64(b) << (8 &* n)
            n &+= 1
        }
        return n == 0 ? nil : bits
    }

    @inline(__always)
    static func unpack(_ bits: UInt64) -> String {
        let count = (64 - bits.leadingZeroBitCount + 7) / 8
        return withUnsafeBytes(of: bits.littleEndian) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }
}
