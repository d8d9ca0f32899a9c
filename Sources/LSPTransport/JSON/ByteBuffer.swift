import Foundation

/// The memory behind a `JSONWriter`: a growable byte block. Large blocks are recycled through a small pool
/// instead of being freed: a fresh megabyte from malloc costs more in page faults than writing a
/// 5,000-hint response into memory already mapped.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        let wanted = max(capacity, 16)
        if wanted >= LargeBlockPool.minimumSize, let block = LargeBlockPool.shared.take(atLeast: wanted) {
            (base, self.capacity) = block
        } else {
            self.capacity = wanted
            base = .allocate(capacity: wanted)
        }
    }

    deinit { LargeBlockPool.shared.give(base, capacity) }

    /// Moves the first `live` bytes into a block of at least `needed` bytes.
    func grow(keeping live: Int, toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let block: (UnsafeMutablePointer<UInt8>, Int)
        if newCapacity >= LargeBlockPool.minimumSize, let pooled = LargeBlockPool.shared.take(atLeast: newCapacity) {
            block = pooled
        } else {
            block = (.allocate(capacity: newCapacity), newCapacity)
        }
        block.0.update(from: base, count: live)
        LargeBlockPool.shared.give(base, capacity)
        (base, capacity) = block
    }
}

/// A few recycled large blocks (they are never shrunk; at most `maxBlocks` of at most `maxSize` bytes).
final class LargeBlockPool: @unchecked Sendable {
    static let shared = LargeBlockPool()
    static let minimumSize = 64 * 1024
    static let maxSize = 32 * 1024 * 1024
    static let maxBlocks = 4

    private let lock = NSLock()
    private var blocks: [(UnsafeMutablePointer<UInt8>, Int)] = []

    func take(atLeast size: Int) -> (UnsafeMutablePointer<UInt8>, Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard let i = blocks.firstIndex(where: { $0.1 >= size }) else { return nil }
        return blocks.remove(at: i)
    }

    /// Keeps a large block for reuse, or frees it.
    func give(_ base: UnsafeMutablePointer<UInt8>, _ capacity: Int) {
        if capacity >= LargeBlockPool.minimumSize && capacity <= LargeBlockPool.maxSize {
            lock.lock()
            if blocks.count < LargeBlockPool.maxBlocks {
                blocks.append((base, capacity))
                lock.unlock()
                return
            }
            lock.unlock()
        }
        base.deallocate()
    }
}
