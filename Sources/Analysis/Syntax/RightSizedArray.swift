/// Trimming the spare capacity of the lists the parser grows by appending, before they go into the tree.
/// The tree lives as long as the document, and an array doubled to 8 slots for 5 statements keeps the other
/// 3 for good. Knows nothing of the grammar.

extension Array {
    /// This array, copied into an exactly sized buffer when that frees a malloc size class (16 bytes or
    /// more of spare slots); otherwise this array itself (no copy).
    @inline(__always)
    func rightSized() -> [Element] {
        if (capacity &- count) &* MemoryLayout<Element>.stride < 16 { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = self.withUnsafeBufferPointer { source in
                _ = buffer.initialize(fromContentsOf: source)
                return source.count
            }
        }
    }
}
