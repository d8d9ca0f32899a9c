import Foundation

/// One JSON-RPC connection over two file descriptors. A reader thread reads and frames the input, parses
/// it, applies `$/cancelRequest` at once (it overtakes queued work) and delivers responses to the server's
/// own requests; everything else goes, in order, to the worker — the thread that called `run`, which hands
/// each message to the `Dispatcher`. Writes may come from any thread.
public final class Connection: @unchecked Sendable {
    /// What the worker processes, in arrival order.
    enum WorkItem {
        case message(IncomingMessage)
        case parseError(JSONParseError)
        case framingError(FramingError)
        case task(() -> Void)
        case endOfInput
        case outputClosed
    }

    public let logger: Logger
    private let inputFD: Int32
    private let queue: WorkQueue<WorkItem>
    private let output: OutputChannel

    private let lock = NSLock()
    /// Requests received and not answered yet, and those of them the client cancelled.
    private var pendingIncoming = Set<RequestID>()
    private var cancelledIncoming = Set<RequestID>()
    /// The server's own requests waiting for the client's answer.
    private var pendingOutgoing: [RequestID: @Sendable (Result<JSONValue, ResponseError>) -> Void] = [:]
    private var nextOutgoingID = 1

    public init(input: Int32 = 0, output: Int32 = 1, logger: Logger = .shared) {
        let queue = WorkQueue<WorkItem>()
        self.queue = queue
        self.inputFD = input
        self.output = OutputChannel(fd: output) { queue.push(.outputClosed) }
        self.logger = logger
    }

    // MARK: Running

    /// Serves until `exit`, end of input or a vanished client; returns the process exit code.
    public func run(_ dispatcher: Dispatcher) -> Int32 {
        FileDescriptorIO.ignoreSIGPIPE()
        let reader = Thread { [self] in readLoop() }
        reader.name = "rc-lsp reader"
        reader.stackSize = 8 << 20
        reader.start()
        while true {
            let batch = queue.popAll()
            output.beginBatch()
            var sinceFlush = DispatchTime.now().uptimeNanoseconds
            for item in batch {
                if let code = dispatcher.process(item, on: self) {
                    output.endBatch()
                    return code
                }
                let now = DispatchTime.now().uptimeNanoseconds
                if now - sinceFlush > 1_000_000 { output.flush(); sinceFlush = now }
            }
            output.endBatch()
        }
    }

    /// Runs `work` on the worker, after everything queued before it (for callbacks and background results
    /// that touch server state).
    public func enqueue(_ work: @escaping @Sendable () -> Void) {
        queue.push(.task(work))
    }

    private func readLoop() {
        let decoder = FrameDecoder()
        while true {
            let n = decoder.fill { FileDescriptorIO.read(inputFD, into: $0) }
            if n <= 0 {
                if n < 0 { logger.error("reading stdin failed (errno \(-n))") }
                queue.push(.endOfInput)
                return
            }
            var batch: [WorkItem] = []
            while let item = decoder.nextFrame({ frame -> WorkItem in
                switch frame {
                case .failure(let error): return .framingError(error)
                case .success(let body):
                    do throws(JSONParseError) { return .message(IncomingMessage.parse(try JSONReader.parse(body))) }
                    catch { return .parseError(error) }
                }
            }) {
                batch.append(item)
            }
            queue.push(contentsOf: triage(batch))
        }
    }

    /// Takes cancellations and responses out of a batch (applied here, at once) and returns the rest.
    private func triage(_ batch: [WorkItem]) -> [WorkItem] {
        var rest: [WorkItem] = []
        rest.reserveCapacity(batch.count)
        lock.lock()
        for case .message(.request(let id, _, _)) in batch { pendingIncoming.insert(id) }
        var replies: [(@Sendable (Result<JSONValue, ResponseError>) -> Void, Result<JSONValue, ResponseError>)] = []
        for item in batch {
            switch item {
            case .message(.notification("$/cancelRequest", let params)):
                if let raw = params?["id"], let id = RequestID(json: raw), pendingIncoming.contains(id) {
                    cancelledIncoming.insert(id)
                }
            case .message(.response(let id, let result)):
                if let callback = pendingOutgoing.removeValue(forKey: id) {
                    replies.append((callback, result))
                } else {
                    logger.warning("response to unknown request \(id) ignored")
                }
            default:
                rest.append(item)
            }
        }
        lock.unlock()
        for (callback, result) in replies { callback(result) }
        return rest
    }

    // MARK: Incoming request bookkeeping

    public func isCancelled(_ id: RequestID) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelledIncoming.contains(id)
    }

    /// Sends the answer to a request exactly once: RequestCancelled instead when the client cancelled it.
    func reply(to id: RequestID, _ result: Result<FramedMessage, ResponseError>) {
        lock.lock()
        let cancelled = cancelledIncoming.remove(id) != nil
        pendingIncoming.remove(id)
        lock.unlock()
        switch (cancelled, result) {
        case (true, _): output.send(OutgoingMessage.error(id: id, error: .requestCancelled))
        case (false, .success(let body)): output.send(body)
        case (false, .failure(let error)): output.send(OutgoingMessage.error(id: id, error: error))
        }
    }

    /// An error answer for a message that is not a valid request (its id may be unknown: null).
    func replyError(id: RequestID?, _ error: ResponseError) {
        if let id {
            lock.lock(); pendingIncoming.remove(id); cancelledIncoming.remove(id); lock.unlock()
        }
        output.send(OutgoingMessage.error(id: id, error: error))
    }

    // MARK: Outgoing

    /// Sends a notification to the client; callable from any thread.
    public func send<N: LSPNotification>(_ notification: N) {
        output.send(OutgoingMessage.notification(method: N.method, params: N.hasParams ? notification : nil))
    }

    /// Sends a request to the client. `completion` runs on the reader thread when the answer arrives: keep
    /// it short, or `enqueue` the work it leads to. It is never called if the client never answers.
    public func sendRequest<R: LSPRequest>(_ request: R,
                                           completion: @escaping @Sendable (Result<R.Response, ResponseError>) -> Void) {
        lock.lock()
        let id = RequestID.int(nextOutgoingID)
        nextOutgoingID += 1
        pendingOutgoing[id] = { result in
            switch result {
            case .failure(let error): completion(.failure(error))
            case .success(let json):
                do { completion(.success(try R.Response(json: json))) }
                catch { completion(.failure(.invalidParams("unexpected answer to \(R.method): \(error)"))) }
            }
        }
        lock.unlock()
        output.send(OutgoingMessage.request(id: id, method: R.method, params: R.hasParams ? request : nil))
    }
}
