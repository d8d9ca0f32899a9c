/// A set of identifiers for the scope builder, which records every name occurrence of a module: open
/// addressing over an FNV-1a hash of the UTF-8 bytes, much cheaper than `Set<String>`'s seeded SipHash for
/// short names. Iteration order is unspecified (callers only test membership or collect into sets).

struct NameSet: Sequence {
    /// Slots hold a name, or nothing when `hashes[i] == 0` (hashes are made non-zero).
    private var names: [String] = []
    private var hashes: [UInt64] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 29
        return h | 1
    }

    func contains(_ name: String) -> Bool {
        guard count > 0 else { return false }
        let h = Self.hash(name)
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = hashes[i]
            if x == 0 { return false }
            if x == h && names[i] == name { return true }
            i = (i + 1) & mask
        }
    }

    /// Adds `name`; false when it was already there.
    @discardableResult
    mutating func insert(_ name: String) -> Bool {
        if (count + 1) * 2 > hashes.count { grow() }
        let h = Self.hash(name)
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = hashes[i]
            if x == 0 {
                hashes[i] = h
                names[i] = name
                count += 1
                return true
            }
            if x == h && names[i] == name { return false }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldNames = names, oldHashes = hashes
        let capacity = Swift.max(8, hashes.count * 2)
        names = [String](repeating: "", count: capacity)
        hashes = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for j in oldHashes.indices where oldHashes[j] != 0 {
            var i = Int(truncatingIfNeeded: oldHashes[j]) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = oldHashes[j]
            names[i] = oldNames[j]
        }
    }

    struct Iterator: IteratorProtocol {
        let set: NameSet
        var i = 0
        mutating func next() -> String? {
            while i < set.hashes.count {
                defer { i += 1 }
                if set.hashes[i] != 0 { return set.names[i] }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(set: self) }
}
