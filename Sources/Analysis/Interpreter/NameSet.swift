/// A set of identifiers for the scope builder, which records every name occurrence of a module: open
/// addressing over an FNV-1a hash of the UTF-8 bytes, much cheaper than `Set<String>`'s seeded SipHash for
/// short names. Iteration order is unspecified (callers only test membership or collect into sets).

struct NameSet: Sequence {
    /// A slot holds a name, or nothing when `hash == 0` (hashes are made non-zero).
    fileprivate struct Entry {
        var hash: UInt64
        var name: String
    }
    fileprivate var slots: [Entry] = []
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
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = slots[i].hash
            if x == 0 { return false }
            if x == h && slots[i].name == name { return true }
            i = (i + 1) & mask
        }
    }

    /// Adds `name`; false when it was already there.
    @discardableResult
    mutating func insert(_ name: String) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(name)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = slots[i].hash
            if x == 0 {
                slots[i] = Entry(hash: h, name: name)
                count += 1
                return true
            }
            if x == h && slots[i].name == name { return false }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        let capacity = Swift.max(16, slots.count * 2)
        slots = [Entry](repeating: Entry(hash: 0, name: ""), count: capacity)
        let mask = capacity - 1
        for e in old where e.hash != 0 {
            var i = Int(truncatingIfNeeded: e.hash) & mask
            while slots[i].hash != 0 { i = (i + 1) & mask }
            slots[i] = e
        }
    }

    struct Iterator: IteratorProtocol {
        fileprivate let slots: [Entry]
        var i = 0
        mutating func next() -> String? {
            while i < slots.count {
                defer { i += 1 }
                if slots[i].hash != 0 { return slots[i].name }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(slots: slots) }
}
