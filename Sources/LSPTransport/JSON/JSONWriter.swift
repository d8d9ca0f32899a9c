/// Writes JSON text straight into a byte buffer. Typed LSP values encode themselves through it without
/// building a `JSONValue` tree first: that is what keeps a 5,000-hint response near a millisecond.
/// Commas are placed automatically: every value or key that follows another one at the same level gets one.
/// Pass it `inout` only: copies share one buffer.
public struct JSONWriter {
    /// Owns the memory (frees it when the last copy goes); the writer keeps pointer, count and capacity in
    /// its own stored properties so that appending costs no reference-type access checks.
    private let owner: ByteBuffer
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var needsComma = false
    /// Bytes kept free in front of the JSON for the frame header (see `forMessage`).
    private var headerRoom = 0

    public init(reservingCapacity capacity: Int = 256) {
        owner = ByteBuffer(capacity: capacity)
        base = owner.base
        self.capacity = owner.capacity
    }

    /// Room for "Content-Length: " + up to 10 digits + CRLFCRLF.
    private static let frameHeaderRoom = 32

    /// A writer for a message body that will be framed: the header goes into room kept in front, so
    /// `framedBytes` costs one copy instead of two.
    public static func forMessage(reservingCapacity capacity: Int = 256) -> JSONWriter {
        var w = JSONWriter(reservingCapacity: capacity + frameHeaderRoom)
        w.count = frameHeaderRoom
        w.headerRoom = frameHeaderRoom
        return w
    }

    /// The JSON text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base + headerRoom, count: count - headerRoom)) }

    /// `Content-Length: N\r\n\r\n` followed by the JSON text, without copying (for writers made by
    /// `forMessage`; others get a copy).
    public func withFramedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var header: [UInt8] = Array("Content-Length: ".utf8)
        header.append(contentsOf: String(count - headerRoom).utf8)
        header.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
        guard header.count <= headerRoom else {
            return try (header + bytes).withUnsafeBufferPointer(body)
        }
        let start = headerRoom - header.count
        for (k, byte) in header.enumerated() { base[start + k] = byte }
        return try body(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// `withFramedBytes`, copied out.
    public var framedBytes: [UInt8] { withFramedBytes { Array($0) } }

    /// Calls `body` with the JSON text written so far, without copying it.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base + headerRoom, count: count - headerRoom))
    }

    /// The compact JSON text of `value`.
    public static func string(of value: some JSONEncodable) -> String {
        var w = JSONWriter()
        value.encode(to: &w)
        return w.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    public static func bytes(of value: some JSONEncodable) -> [UInt8] {
        var w = JSONWriter()
        value.encode(to: &w)
        return w.bytes
    }

    // MARK: Structure

    public mutating func beginObject() { separate(); append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separate(); append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { append(UInt8(ascii: "]")); needsComma = true }

    /// A member name known at compile time (assumed to need no escaping: LSP property names never do).
    public mutating func key(_ name: StaticString) {
        separate()
        let n = name.utf8CodeUnitCount
        reserve(n + 3)
        base[count] = UInt8(ascii: "\"")
        let source = name.utf8Start
        for k in 0..<n { base[count + 1 + k] = source[k] }
        base[count + 1 + n] = UInt8(ascii: "\"")
        base[count + 2 + n] = UInt8(ascii: ":")
        count += n + 3
        needsComma = false
    }

    /// A member name known only at run time.
    public mutating func key(_ name: String) {
        string(name)
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// `"name": value`, or nothing at all when `value` is nil (LSP's optional properties).
    @inlinable
    public mutating func field<T: JSONEncodable>(_ name: StaticString, _ value: T?) {
        guard let value else { return }
        key(name)
        value.encode(to: &self)
    }

    public mutating func value(_ value: some JSONEncodable) { value.encode(to: &self) }

    // MARK: Scalars

    public mutating func null() { separate(); appendLiteral("null"); needsComma = true }
    public mutating func bool(_ b: Bool) { separate(); appendLiteral(b ? "true" : "false"); needsComma = true }

    public mutating func int(_ value: Int) {
        separate()
        needsComma = true
        if value >= 0 && value < 10 { append(UInt8(ascii: "0") + UInt8(value)); return }
        var magnitude = value.magnitude
        if value < 0 { append(UInt8(ascii: "-")) }
        var digits = 1
        var probe = magnitude
        while probe >= 10 { probe /= 10; digits += 1 }
        reserve(digits)
        var p = count + digits
        while magnitude > 0 {
            p -= 1
            base[p] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    /// Finite doubles in Swift's shortest round-trip form; NaN and infinities (not JSON) as null.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { null(); return }
        separate()
        var text = value.description
        text.withUTF8 { append($0) }
        needsComma = true
    }

    public mutating func string(_ value: String) {
        separate()
        needsComma = true
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
        if done == nil {
            var copy = value
            copy.withUTF8 { appendQuoted($0) }
        }
    }

    /// Already-encoded JSON text, inserted as one value.
    public mutating func raw(_ json: [UInt8]) {
        separate()
        json.withUnsafeBufferPointer { append($0) }
        needsComma = true
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity {
            owner.grow(keeping: count, toAtLeast: count + extra)
            base = owner.base
            capacity = owner.capacity
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func appendLiteral(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// `"` + the escaped text + `"`. Bytes that need no escape are stored directly into reserved space,
    /// eight at a time while no byte of the word needs escaping.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        base[count] = UInt8(ascii: "\"")
        var out = count + 1
        var i = 0
        if let source = utf8.baseAddress {
            let raw = UnsafeRawPointer(source)
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if JSONWriter.needsEscape(word) { break }
                UnsafeMutableRawPointer(base + out).storeBytes(of: word, as: UInt64.self)
                out += 8
                i += 8
            }
        }
        while i < n {
            let b = utf8[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
            base[out] = b
            out += 1
            i += 1
        }
        count = out
        if i < n { appendEscaped(UnsafeBufferPointer(rebasing: utf8[i...])) }
        append(UInt8(ascii: "\""))
    }

    /// True when some byte of `word` is a control character, `"` or `\` (SWAR: a zero byte after XOR
    /// marks an equal byte; a borrow out of `byte - 0x20` marks one below 0x20).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let spaces: UInt64 = 0x2020_2020_2020_2020
        let quotes: UInt64 = 0x2222_2222_2222_2222
        let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C
        let quote: UInt64 = word ^ quotes
        let backslash: UInt64 = word ^ backslashes
        let control: UInt64 = (word &- spaces) & ~word
        let hasQuote: UInt64 = (quote &- ones) & ~quote
        let hasBackslash: UInt64 = (backslash &- ones) & ~backslash
        return (control | hasQuote | hasBackslash) & highs != 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            if runStart < i { append(UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
            case 0x0A: append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "t"))
            case 0x08: append(UInt8(ascii: "b"))
            case 0x0C: append(UInt8(ascii: "f"))
            default:
                append(UInt8(ascii: "u")); append(UInt8(ascii: "0")); append(UInt8(ascii: "0"))
                append(JSONWriter.hexDigits[Int(b >> 4)]); append(JSONWriter.hexDigits[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        if runStart < n { append(UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
    }
}
