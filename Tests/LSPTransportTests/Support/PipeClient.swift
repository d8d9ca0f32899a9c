import Foundation
import XCTest
@testable import LSPTransport

/// Drives a `Connection` in this process over two pipes: the test writes framed JSON and reads what the
/// connection writes, with a timeout on every read.
final class PipeClient: @unchecked Sendable {
    private let toServer: (read: Int32, write: Int32)
    private let fromServer: (read: Int32, write: Int32)
    private let decoder = FrameDecoder()
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var exitCode: Int32?

    init(dispatcher: Dispatcher) {
        var a: [Int32] = [0, 0], b: [Int32] = [0, 0]
        _ = pipe(&a); _ = pipe(&b)
        toServer = (a[0], a[1])
        fromServer = (b[0], b[1])
        let connection = Connection(input: toServer.read, output: fromServer.write,
                                    logger: Logger(fd: 2, threshold: .error))
        let thread = Thread { [self] in
            let code = connection.run(dispatcher)
            lock.lock(); exitCode = code; lock.unlock()
            finished.signal()
        }
        thread.start()
    }

    deinit {
        close(toServer.write); close(fromServer.read)
    }

    func sendRaw(_ bytes: [UInt8]) { FileDescriptorIO.writeAll(toServer.write, bytes) }
    func send(_ json: String) { sendRaw(MessageFraming.frame(Array(json.utf8))) }
    func closeInput() { close(toServer.write) }

    /// The next message the connection wrote, or nil after `timeout` seconds.
    func receive(timeout: Double = 5) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = decoder.nextFrame({ try? JSONReader.parse($0.get()) }) { return value }
            let remaining = Int32(deadline.timeIntervalSinceNow * 1000)
            guard remaining > 0 else { return nil }
            var fds = pollfd(fd: fromServer.read, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, remaining) > 0 else { return nil }
            let n = decoder.fill { FileDescriptorIO.read(fromServer.read, into: $0) }
            if n <= 0 { return nil }
        }
    }

    func waitForExit(timeout: Double = 5) -> Int32? {
        guard finished.wait(timeout: .now() + timeout) == .success else { return nil }
        lock.lock(); defer { lock.unlock() }
        return exitCode
    }
}
