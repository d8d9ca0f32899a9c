import Foundation

/// The reader thread's hand-off to the worker: an unbounded FIFO the reader fills in batches (never
/// blocking on handlers) and the worker drains in batches (one wake-up for many small messages).
final class WorkQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []

    func push(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    func push(contentsOf batch: [Item]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        items.append(contentsOf: batch)
        condition.signal()
        condition.unlock()
    }

    /// Everything queued, waiting until there is something.
    func popAll() -> [Item] {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let batch = items
        items.removeAll(keepingCapacity: true)
        return batch
    }
}
