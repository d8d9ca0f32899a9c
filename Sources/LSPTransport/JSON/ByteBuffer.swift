#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer without Array's per-append bookkeeping: the JSON writer and reader append
/// millions of small pieces, and this keeps each to a capacity check and a store.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    /// Moves the first `live` bytes into a larger allocation of at least `needed` bytes (for writers that
    /// keep their own count).
    func grow(keeping live: Int, toAtLeast needed: Int) {
        count = live
        grow(to: needed)
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawPointer, count n: Int) {
        guard n > 0 else { return }
        reserve(n)
        memcpy(base + count, bytes, n)
        count += n
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let start = bytes.baseAddress { append(start, count: bytes.count) }
    }

    /// Counts `n` bytes written directly at `base + count` (after `reserve(n)`).
    @inline(__always)
    func advance(by n: Int) { count += n }

    func removeAll() { count = 0 }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
