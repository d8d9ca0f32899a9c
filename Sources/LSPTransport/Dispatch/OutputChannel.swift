import Foundation

/// Everything the server writes goes through here: framed, serialized by a lock, and written with
/// write(2). Inside a worker batch, output is held and written at the end of the batch (one syscall for
/// many small answers); outside a batch it is written at once. A failed write (EPIPE: the client is gone)
/// closes the channel; later writes are dropped.
final class OutputChannel: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var batchDepth = 0
    private var closed = false
    private let onClose: @Sendable () -> Void

    init(fd: Int32, onClose: @escaping @Sendable () -> Void) {
        self.fd = fd
        self.onClose = onClose
        buffer.reserveCapacity(64 * 1024)
    }

    var isClosed: Bool {
        lock.lock(); defer { lock.unlock() }
        return closed
    }

    /// Queues (or writes) one message, already framed by `OutgoingMessage`.
    func send(_ message: FramedMessage) {
        lock.lock()
        guard !closed else { lock.unlock(); return }
        message.withBytes { buffer.append(contentsOf: $0) }
        let flushNow = batchDepth == 0 || buffer.count >= 256 * 1024
        let failed = flushNow ? !flushLocked() : false
        lock.unlock()
        if failed { onClose() }
    }

    func beginBatch() {
        lock.lock(); batchDepth += 1; lock.unlock()
    }

    func endBatch() {
        lock.lock()
        batchDepth -= 1
        let failed = batchDepth == 0 ? !flushLocked() : false
        lock.unlock()
        if failed { onClose() }
    }

    /// Writes what is held now, even inside a batch (a slow handler must not hold earlier answers back).
    func flush() {
        lock.lock()
        let failed = !flushLocked()
        lock.unlock()
        if failed { onClose() }
    }

    /// Returns false only when this call found the peer gone.
    private func flushLocked() -> Bool {
        guard !closed, !buffer.isEmpty else { return true }
        let ok = FileDescriptorIO.writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: buffer.capacity <= 1024 * 1024)
        if !ok { closed = true; return false }
        return true
    }
}
