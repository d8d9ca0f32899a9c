import Foundation
import LSPTransport

/// `rc-lsp bench transport`: the transport's throughput, to be run on a release build. Prints
/// - decode: MB/s reading a 300 KB `didChange` (JSON text → typed notification);
/// - encode: time to write the response carrying 5,000 inlay hints (typed values → framed bytes), without
///   and with a `data` member per hint;
/// Decode and encode are timed in thread CPU time (median of many runs), so that other processes on the
/// machine do not inflate them; the round trips are wall-clock time.
/// - round trips: small requests per second through this very binary, spawned as a child over pipes
///   (10,000 requests written by one thread while another reads all the answers).
enum BenchTransport {
    static func run(_ args: [String]) -> Int32 {
        #if DEBUG
        print("note: this is a debug build; figures are only meaningful with `swift build -c release`")
        #endif
        let decode = decodeMegabytesPerSecond()
        print(String(format: "decode  300 KB didChange          %8.0f MB/s       (target >= 250 MB/s)", decode))
        let encode = encodeMilliseconds(withData: false)
        print(String(format: "encode  5,000 inlay hints         %8.3f ms         (target <= 1 ms)", encode))
        let encodeWithData = encodeMilliseconds(withData: true)
        print(String(format: "        the same with resolve data %8.3f ms", encodeWithData))
        for (request, label) in [(RoundTripRequest.minimal, "round trips through the binary   "),
                                 (RoundTripRequest.hover, "  the same with real hovers     ")] {
            switch roundTripsPerSecond(count: 10_000, request) {
            case .success(let rate):
                let target = request == .minimal ? " (target >= 100,000)" : ""
                print(String(format: "%@ %8.0f per second%@", label, rate, target))
            case .failure(let message):
                CommandLineInterface.printError("rc-lsp: round-trip benchmark failed: \(message.text)")
                return 1
            }
        }
        return 0
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// CPU time of this thread: the figure for "one core" even when other processes share the machine.
    private static func threadCPUTime() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Median of `runs` timings of `body` (thread CPU time), in nanoseconds.
    private static func median(runs: Int, _ body: () -> Void) -> Double {
        var times: [UInt64] = []
        for _ in 0..<runs {
            let start = threadCPUTime()
            body()
            times.append(threadCPUTime() - start)
        }
        times.sort()
        return Double(times[times.count / 2])
    }

    // MARK: Decode

    /// A didChange carrying ~300 KB of Python with quotes, backslashes, tabs and non-ASCII text.
    static func sampleDidChange() -> [UInt8] {
        var text = ""
        var line = 0
        while text.utf8.count < 300_000 {
            text += "def f\(line)(x, y=\"défaut\"):\n\treturn [x, y, 'a\\\\b', {\"k\": (1, 2.5)}]  # ünïcode 😀 line \(line)\n"
            line += 1
        }
        let notification = DidChangeTextDocumentNotification(
            textDocument: VersionedTextDocumentIdentifier(uri: "file:///bench/big.py", version: 2),
            contentChanges: [TextDocumentContentChangeEvent(text: text)])
        var w = JSONWriter()
        w.beginObject()
        w.key("jsonrpc"); w.string("2.0")
        w.key("method"); w.string(DidChangeTextDocumentNotification.method)
        w.key("params"); notification.encode(to: &w)
        w.endObject()
        return w.bytes
    }

    static func decodeMegabytesPerSecond() -> Double {
        let body = sampleDidChange()
        var decodedBytes = 0
        let nanos = median(runs: 60) {
            body.withUnsafeBufferPointer { buffer in
                guard let json = try? JSONReader.parse(buffer),
                      case .notification(_, let params?) = IncomingMessage.parse(json),
                      let change = try? DidChangeTextDocumentNotification(json: params) else { return }
                decodedBytes = change.contentChanges.first?.text.utf8.count ?? 0
            }
        }
        guard decodedBytes > 0 else { return 0 }
        return Double(body.count) / (nanos / 1e9) / 1e6
    }

    // MARK: Encode

    /// Hints as the editor features make them; `withData` adds what `inlayHint/resolve` would need back.
    static func sampleHints(count: Int, withData: Bool) -> [InlayHint] {
        (0..<count).map { i in
            InlayHint(position: Position(line: i, character: 4 + i % 60), label: .string(i % 7 == 0 ? "rc 1–2" : "rc \(1 + i % 5)"),
                      kind: .type, paddingLeft: true,
                      data: withData ? ["uri": "file:///bench/big.py", "version": 2, "id": .int(i)] : nil)
        }
    }

    static func encodeMilliseconds(withData: Bool) -> Double {
        let hints = sampleHints(count: 5_000, withData: withData)
        var size = 0
        let nanos = median(runs: 100) {
            size = OutgoingMessage.response(id: .int(42), result: hints).withBytes { $0.count }
        }
        return size > 0 ? nanos / 1e6 : 0
    }

    // MARK: Round trips

    struct Failure: Error { var text: String }

    /// Spawns `/proc/self/exe --stdio` and measures requests answered per second.
    /// What the round trips ask: the smallest request (an unknown method, answered MethodNotFound by the
    /// dispatcher: framing, JSON and dispatch, no feature work), or a hover on an open document.
    enum RoundTripRequest { case minimal, hover }

    static func roundTripsPerSecond(count: Int, _ kind: RoundTripRequest) -> Result<Double, Failure> {
        FileDescriptorIO.ignoreSIGPIPE()
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { return .failure(Failure(text: "pipe failed")) }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        let path = "/proc/self/exe"
        var environment = ProcessInfo.processInfo.environment
        environment["RC_LSP_LOG"] = "error"
        let arguments: [String] = [path, "--stdio"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(toChild[0]); close(fromChild[1])
        guard spawned == 0 else { return .failure(Failure(text: "posix_spawn failed (\(spawned))")) }
        defer {
            close(fromChild[0])
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }

        let input = toChild[1]
        let initialize = OutgoingMessage.request(id: .int(0), method: InitializeRequest.method,
                                                 params: InitializeRequest(capabilities: ClientCapabilities()))
        FileDescriptorIO.writeAll(input, initialize.bytes)
        let decoder = FrameDecoder()
        guard readFrames(1, from: fromChild[0], decoder) == 1 else {
            close(input)
            return .failure(Failure(text: "no answer to initialize"))
        }
        var wire: [UInt8] = []
        wire += OutgoingMessage.notification(method: InitializedNotification.method, params: InitializedNotification()).bytes
        // A real request: hover on a name of a small open document (its analysis is made once and shared).
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bench.py","languageId":"python","version":1,"text":"a = [1, 2, 3]\nb = a\n"}}}"#
        MessageFraming.appendFrame(Array(open.utf8), to: &wire)
        for i in 1...count {
            let body = kind == .hover
                ? Array(#"{"jsonrpc":"2.0","id":\#(i),"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///bench.py"},"position":{"line":1,"character":0}}}"#.utf8)
                : Array(#"{"jsonrpc":"2.0","id":\#(i),"method":"rc-lsp/ping"}"#.utf8)
            MessageFraming.appendFrame(body, to: &wire)
        }
        var exit: [UInt8] = []
        exit += OutgoingMessage.request(id: .int(count + 1), method: ShutdownRequest.method, params: Optional<ShutdownRequest>.none).bytes
        exit += OutgoingMessage.notification(method: ExitNotification.method, params: Optional<ExitNotification>.none).bytes

        let wireCopy = wire
        let start = now()
        let writer = Thread { FileDescriptorIO.writeAll(input, wireCopy) }
        writer.start()
        let answered = readFrames(count, from: fromChild[0], decoder)
        let elapsed = Double(now() - start) / 1e9
        FileDescriptorIO.writeAll(input, exit)
        close(input)
        guard answered == count else { return .failure(Failure(text: "only \(answered) of \(count) answers")) }
        return .success(Double(count) / elapsed)
    }

    /// Reads until `count` frames arrived (or end of file); returns how many did.
    private static func readFrames(_ count: Int, from fd: Int32, _ decoder: FrameDecoder) -> Int {
        var seen = 0
        while seen < count {
            while seen < count, decoder.nextFrame({ _ in () }) != nil { seen += 1 }
            if seen == count { break }
            if decoder.fill({ FileDescriptorIO.read(fd, into: $0) }) <= 0 { break }
        }
        return seen
    }
}
