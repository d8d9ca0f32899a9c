import Foundation
import LSPTransport
import XCTest
@testable import rc_lsp

/// A `LanguageServer` running in this process on pipes, for tests that need to plug test types into it
/// (document observers). Same client API shape as `LSPProcess`, smaller: send, receive with a timeout.
final class InProcessServer: @unchecked Sendable {
    private let toServer: (read: Int32, write: Int32)
    private let fromServer: (read: Int32, write: Int32)
    private let decoder = FrameDecoder()
    private let finished = DispatchSemaphore(value: 0)
    private var nextID = 1

    init(observers: [any DocumentObserver.Type]) {
        var a: [Int32] = [0, 0], b: [Int32] = [0, 0]
        _ = pipe(&a); _ = pipe(&b)
        toServer = (a[0], a[1])
        fromServer = (b[0], b[1])
        let server = LanguageServer(input: toServer.read, output: fromServer.write,
                                    logger: Logger(fd: 2, threshold: .error), observers: observers)
        let thread = Thread { [finished] in
            _ = server.run()
            finished.signal()
        }
        thread.start()
    }

    deinit {
        close(toServer.write)
        _ = finished.wait(timeout: .now() + 5)
        close(fromServer.read)
    }

    func send(_ message: JSONValue) { FileDescriptorIO.writeAll(toServer.write, MessageFraming.frame(Array(message.description.utf8))) }

    func notify(_ method: String, _ params: JSONValue) { send(["jsonrpc": "2.0", "method": .string(method), "params": params]) }

    @discardableResult
    func request(_ method: String, _ params: JSONValue) -> Int {
        nextID += 1
        send(["jsonrpc": "2.0", "id": .int(nextID - 1), "method": .string(method), "params": params])
        return nextID - 1
    }

    /// The next message the server wrote, or nil after `timeout` seconds.
    func receive(timeout: Double = 5) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = decoder.nextFrame({ try? JSONReader.parse($0.get()) }) { return value }
            let remaining = Int32(deadline.timeIntervalSinceNow * 1000)
            guard remaining > 0 else { return nil }
            var fds = pollfd(fd: fromServer.read, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, remaining) > 0 else { return nil }
            if decoder.fill({ FileDescriptorIO.read(fromServer.read, into: $0) }) <= 0 { return nil }
        }
    }

    func initialize() {
        request("initialize", ["capabilities": ["workspace": ["configuration": true]]])
        _ = receive()
        notify("initialized", [:])
        // rc-lsp pulls its settings at `initialized` from clients that offer configuration: answer "none".
        if let pull = receive(), pull["method"] == "workspace/configuration" {
            send(["jsonrpc": "2.0", "id": pull["id"] ?? nil, "result": [nil]])
        }
    }
}
