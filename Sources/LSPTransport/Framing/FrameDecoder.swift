/// Splits a byte stream into LSP messages: `Content-Length: N\r\n` (plus any other header, such as
/// `Content-Type`, which is ignored) `\r\n`, then N bytes of JSON. Header names are case-insensitive.
/// Bytes arrive in any chunking: several messages in one read, one message over many reads.
/// A malformed header block is reported and skipped; the stream goes on with the next block.
public final class FrameDecoder {
    /// A header block longer than this without its blank line is garbage, not a header.
    public static let maxHeaderBytes = 16 * 1024
    public static let maxBodyBytes = 512 * 1024 * 1024

    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var readIndex = 0
    private var writeIndex = 0

    public init(initialCapacity: Int = 64 * 1024) {
        capacity = max(initialCapacity, 16)
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Bytes received but not yet returned as a frame.
    public var bufferedByteCount: Int { writeIndex - readIndex }

    /// Lets `fill` write up to the returned capacity at the end of the buffer; `fill` returns how many bytes
    /// it wrote (0 or a negative error code are passed through as the result, nothing is appended).
    public func fill(minimumSpace: Int = 64 * 1024, _ fill: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        reserve(minimumSpace)
        let n = fill(UnsafeMutableRawBufferPointer(start: storage + writeIndex, count: capacity - writeIndex))
        if n > 0 { writeIndex += n }
        return n
    }

    public func append(_ bytes: some Collection<UInt8>) {
        _ = fill(minimumSpace: bytes.count) { space in
            _ = space.initializeMemory(as: UInt8.self, from: bytes)
            return bytes.count
        }
    }

    private func reserve(_ space: Int) {
        if readIndex == writeIndex { readIndex = 0; writeIndex = 0 }
        if capacity - writeIndex >= space { return }
        let live = writeIndex - readIndex
        if readIndex > 0 {
            (storage).update(from: storage + readIndex, count: live)
            readIndex = 0
            writeIndex = live
            if capacity - writeIndex >= space { return }
        }
        var newCapacity = capacity
        while newCapacity - live < space { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: storage, count: live)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }

    /// Forgets every buffered byte.
    public func discardAll() { readIndex = 0; writeIndex = 0 }

    /// Calls `body` with the next complete message body, or with the error for a malformed header block.
    /// Returns nil (without calling `body`) when more bytes are needed. The buffer passed to `body` is valid
    /// only during the call.
    public func nextFrame<R>(_ body: (Result<UnsafeBufferPointer<UInt8>, FramingError>) throws -> R) rethrows -> R? {
        let p = storage
        let end = writeIndex
        var i = readIndex
        // Find the blank line that ends the header block.
        var headerEnd = -1
        while i + 3 < end {
            if p[i + 3] != 0x0A { i += p[i + 3] == 0x0D ? 1 : 4; continue }
            if p[i] == 0x0D && p[i + 1] == 0x0A && p[i + 2] == 0x0D { headerEnd = i; break }
            i += 1
        }
        if headerEnd < 0 {
            if end - readIndex > FrameDecoder.maxHeaderBytes {
                readIndex = end
                return try body(.failure(FramingError("no end of header within \(FrameDecoder.maxHeaderBytes) bytes")))
            }
            return nil
        }
        let bodyStart = headerEnd + 4
        let header = UnsafeBufferPointer(start: p + readIndex, count: headerEnd - readIndex)
        guard let length = FrameDecoder.contentLength(in: header) else {
            readIndex = bodyStart
            return try body(.failure(FramingError("header without a valid Content-Length")))
        }
        guard length <= FrameDecoder.maxBodyBytes else {
            readIndex = end
            return try body(.failure(FramingError("Content-Length \(length) is too large")))
        }
        guard end - bodyStart >= length else {
            reserve(bodyStart + length - writeIndex)
            return nil
        }
        readIndex = bodyStart + length
        return try body(.success(UnsafeBufferPointer(start: p + bodyStart, count: length)))
    }

    /// The value of the Content-Length header (name case-insensitive), nil when absent or not a number.
    static func contentLength(in header: UnsafeBufferPointer<UInt8>) -> Int? {
        let name = Array("content-length".utf8)
        var lineStart = 0
        var found: Int?
        while lineStart <= header.count {
            var lineEnd = lineStart
            while lineEnd < header.count && header[lineEnd] != 0x0D { lineEnd += 1 }
            if lineEnd - lineStart > name.count, header[lineStart + name.count] == UInt8(ascii: ":") {
                var matches = true
                for k in 0..<name.count where header[lineStart + k] | 0x20 != name[k] { matches = false; break }
                if matches {
                    var j = lineStart + name.count + 1
                    while j < lineEnd, header[j] == 0x20 || header[j] == 0x09 { j += 1 }
                    var value = 0
                    var digits = 0
                    while j < lineEnd, header[j] >= 0x30, header[j] <= 0x39, digits < 12 {
                        value = value * 10 + Int(header[j] - 0x30)
                        j += 1
                        digits += 1
                    }
                    while j < lineEnd, header[j] == 0x20 || header[j] == 0x09 { j += 1 }
                    guard digits > 0, j == lineEnd else { return nil }
                    found = value
                }
            }
            lineStart = lineEnd + 2
        }
        return found
    }
}

/// Why a header block could not be read.
public struct FramingError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Frames a message body for the wire.
public enum MessageFraming {
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        var out = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }

    public static func appendFrame(_ body: [UInt8], to out: inout [UInt8]) {
        appendHeader(length: body.count, to: &out)
        out.append(contentsOf: body)
    }

    static func appendHeader(length: Int, to out: inout [UInt8]) {
        out.append(contentsOf: "Content-Length: ".utf8)
        var digits: [UInt8] = []
        var n = length
        repeat { digits.append(UInt8(ascii: "0") + UInt8(n % 10)); n /= 10 } while n > 0
        out.append(contentsOf: digits.reversed())
        out.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
    }
}
