import Foundation
import LSPTransport
import XCTest

/// Drives the real `rc-lsp` binary over stdio, as an editor would, for end-to-end tests.
///
///     let server = try LSPProcess.start()
///     try server.initialize()
///     let hover = try server.result(of: "textDocument/hover", ["textDocument": ["uri": "file:///a.py"], ...])
///     let diagnostics = try server.awaitNotification("textDocument/publishDiagnostics")
///     XCTAssertEqual(try server.shutdownAndExit(), 0)
///
/// The binary is `.build/debug/rc-lsp` under the package root (found from this file's path), or the path in
/// the environment variable `RC_LSP_BIN`. Every wait has a timeout; the process is killed when the object
/// goes away. Test hooks (`RC_LSP_TEST_HOOKS=1`) are on unless `environment` says otherwise.
final class LSPProcess: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case binaryMissing(String)
        case timeout(String)
        case errorResponse(JSONValue)
        var description: String {
            switch self {
            case .binaryMissing(let path): return "rc-lsp binary not found at \(path): run `swift build` first"
            case .timeout(let what): return "timed out waiting for \(what)"
            case .errorResponse(let message): return "error response: \(message)"
            }
        }
    }

    static let defaultTimeout: TimeInterval = 10

    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["RC_LSP_BIN"], !path.isEmpty { return path }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/rc-lsp").path
    }

    let pid: pid_t
    private var exitStatus: Int32?
    private let stdinFD: Int32
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private let condition = NSCondition()
    private var responses: [RequestID: JSONValue] = [:]
    private var receivedNotifications: [JSONValue] = []
    private var takenNotifications = Set<Int>()
    private var receivedServerRequests: [JSONValue] = []
    private var violations: [String] = []
    private var stderrBytes: [UInt8] = []
    private var stdoutClosed = false
    private var stdinClosed = false
    private var stdoutFDClosed = false
    private var stopReading = false
    private var nextID = 1
    private var requestHandler: (@Sendable (_ method: String, _ params: JSONValue?) -> JSONValue)?

    /// When set, answers the server's own requests (`workspace/configuration`, refreshes) with its result;
    /// when nil they are answered null. They are recorded either way. Runs on the reader thread.
    var serverRequestHandler: (@Sendable (_ method: String, _ params: JSONValue?) -> JSONValue)? {
        get { condition.lock(); defer { condition.unlock() }; return requestHandler }
        set { condition.lock(); requestHandler = newValue; condition.unlock() }
    }

    static func start(arguments: [String] = [], environment: [String: String] = [:]) throws -> LSPProcess {
        try LSPProcess(arguments: arguments, environment: environment)
    }

    private init(arguments: [String], environment: [String: String]) throws {
        signal(SIGPIPE, SIG_IGN)  // a server that exits must not kill the test runner on our next write
        let path = LSPProcess.binaryPath
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Failure.binaryMissing(path) }
        var env = ProcessInfo.processInfo.environment
        env["RC_LSP_TEST_HOOKS"] = "1"
        for (k, v) in environment { env[k] = v }
        // Own pipes and posix_spawn (not Foundation's Process): the test must hold the only copies of its
        // ends, or closing one would not look like a vanished client to the server.
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else { throw Failure.binaryMissing("(pipe failed)") }
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(input[0]); close(output[1]); close(errors[1])
        guard spawned == 0 else {
            close(input[1]); close(output[0]); close(errors[0])
            throw Failure.binaryMissing("\(path) (posix_spawn failed: \(spawned))")
        }
        self.pid = pid
        stdinFD = input[1]
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        stdoutFD = output[0]
        stderrFD = errors[0]
        let reader = Thread { [self] in readStdout() }
        reader.start()
        let drainer = Thread { [self] in readStderr() }
        drainer.start()
    }

    deinit {
        if reapExitCode() == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        condition.lock()
        if !stdinClosed { close(stdinFD) }
        condition.unlock()
    }

    // MARK: Sending

    /// Writes raw bytes to the server's stdin (no framing added). Gives up after `defaultTimeout` if the
    /// server stops reading (recorded as a protocol violation), so a stuck server cannot hang a test.
    func sendRaw(_ bytes: [UInt8]) {
        condition.lock(); let closed = stdinClosed; condition.unlock()
        guard !closed else { return }
        let deadline = Date().addingTimeInterval(LSPProcess.defaultTimeout)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(stdinFD, $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            guard n < 0 && errno == EAGAIN else { return }  // the server is gone
            let remaining = Int32(deadline.timeIntervalSinceNow * 1000)
            var fds = pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)
            if remaining <= 0 || poll(&fds, 1, remaining) <= 0 {
                condition.lock()
                violations.append("the server stopped reading its input")
                condition.unlock()
                return
            }
        }
    }

    /// Frames `body` (any text, valid JSON or not) and writes it.
    func sendBody(_ body: String) { sendRaw(MessageFraming.frame(Array(body.utf8))) }

    func sendMessage(_ message: JSONValue) { sendBody(message.description) }

    /// Sends a request and returns its id (a fresh integer unless given).
    @discardableResult
    func sendRequest(_ method: String, _ params: JSONValue? = nil, id: RequestID? = nil) -> RequestID {
        let id = id ?? takeID()
        var message: JSONObject = ["jsonrpc": "2.0", "id": id.json, "method": .string(method)]
        if let params { message["params"] = params }
        sendMessage(.object(message))
        return id
    }

    func sendNotification(_ method: String, _ params: JSONValue? = nil) {
        var message: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        sendMessage(.object(message))
    }

    private func takeID() -> RequestID {
        condition.lock(); defer { condition.unlock() }
        nextID += 1
        return .int(nextID - 1)
    }

    // MARK: Receiving

    /// The whole response message (with `result` or `error`) to request `id`.
    func awaitResponse(_ id: RequestID, timeout: TimeInterval = defaultTimeout) throws -> JSONValue {
        try wait(for: "the response to \(id)", timeout: timeout) { responses.removeValue(forKey: id) }
    }

    /// Sends a request and waits for its whole response message.
    func request(_ method: String, _ params: JSONValue? = nil, timeout: TimeInterval = defaultTimeout) throws -> JSONValue {
        try awaitResponse(sendRequest(method, params), timeout: timeout)
    }

    /// Sends a request and returns its `result`; an error response throws.
    func result(of method: String, _ params: JSONValue? = nil, timeout: TimeInterval = defaultTimeout) throws -> JSONValue {
        let response = try request(method, params, timeout: timeout)
        if let error = response["error"] { throw Failure.errorResponse(error) }
        return response["result"] ?? .null
    }

    /// The next notification not yet awaited whose method is `method` (and that `matching` accepts);
    /// notifications before it that do not match stay available.
    func awaitNotification(_ method: String, timeout: TimeInterval = defaultTimeout,
                           matching: (JSONValue) -> Bool = { _ in true }) throws -> JSONValue {
        try wait(for: "a \(method) notification", timeout: timeout) {
            for (i, n) in receivedNotifications.enumerated() where !takenNotifications.contains(i) {
                if n["method"]?.stringValue == method && matching(n) {
                    takenNotifications.insert(i)
                    return n
                }
            }
            return nil
        }
    }

    /// Every notification received so far, in order.
    var notifications: [JSONValue] {
        condition.lock(); defer { condition.unlock() }
        return receivedNotifications
    }

    /// Every request the server sent so far, in order.
    var serverRequests: [JSONValue] {
        condition.lock(); defer { condition.unlock() }
        return receivedServerRequests
    }

    /// What the server wrote to stdout that was not a well-framed JSON message (must stay empty).
    var protocolViolations: [String] {
        condition.lock(); defer { condition.unlock() }
        return violations
    }

    var stderrText: String {
        condition.lock(); defer { condition.unlock() }
        return String(decoding: stderrBytes, as: UTF8.self)
    }

    private func wait<T>(for what: String, timeout: TimeInterval, _ take: () -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = take() { return value }
            if stdoutClosed { throw Failure.timeout("\(what) (the server closed its output)") }
            if !condition.wait(until: deadline) {
                if let value = take() { return value }
                throw Failure.timeout(what)
            }
        }
    }

    private func readStdout() {
        let decoder = FrameDecoder()
        while decoder.fill({ FileDescriptorIO.read(stdoutFD, into: $0) }) > 0 {
            condition.lock()
            let stop = stopReading
            condition.unlock()
            if stop { decoder.discardAll(); break }
            while let parsed = decoder.nextFrame({ frame -> Result<JSONValue, Error> in
                switch frame {
                case .failure(let error): return .failure(error)
                case .success(let body): return Result { try JSONReader.parse(body) }
                }
            }) {
                deliver(parsed)
            }
        }
        condition.lock()
        if decoder.bufferedByteCount > 0 { violations.append("\(decoder.bufferedByteCount) bytes after the last frame") }
        stdoutClosed = true
        if !stdoutFDClosed { stdoutFDClosed = true; close(stdoutFD) }
        condition.broadcast()
        condition.unlock()
    }

    private func deliver(_ parsed: Result<JSONValue, Error>) {
        var reply: (RequestID, String, JSONValue?)?
        condition.lock()
        switch parsed {
        case .failure(let error):
            violations.append("\(error)")
        case .success(let message):
            if let method = message["method"]?.stringValue {
                if let raw = message["id"], let id = RequestID(json: raw) {
                    receivedServerRequests.append(message)
                    reply = (id, method, message["params"])
                } else {
                    receivedNotifications.append(message)
                }
            } else if let raw = message["id"], let id = RequestID(json: raw) {
                responses[id] = message
            } else {
                // Responses with id null: the answers to unparsable or id-less invalid messages.
                nullIDResponses.append(message)
            }
        }
        let handler = requestHandler
        condition.broadcast()
        condition.unlock()
        if let (id, method, params) = reply {
            let result = handler?(method, params) ?? .null
            sendMessage(["jsonrpc": "2.0", "id": id.json, "result": result])
            condition.lock()
            answeredServerRequests += 1
            condition.broadcast()
            condition.unlock()
        }
    }

    private var answeredServerRequests = 0

    /// Waits until `count` requests of the server have been answered (written to its stdin).
    func awaitAnsweredServerRequests(_ count: Int, timeout: TimeInterval = defaultTimeout) throws {
        _ = try wait(for: "\(count) answered server requests", timeout: timeout) { answeredServerRequests >= count ? true : nil }
    }

    /// Responses whose id is null, in order (the answers to unparsable or id-less invalid messages).
    private var nullIDResponses: [JSONValue] = []
    private var consumedNullIDResponses = 0

    /// The next response with `"id": null`.
    func awaitNullIDResponse(timeout: TimeInterval = defaultTimeout) throws -> JSONValue {
        try wait(for: "a response with id null", timeout: timeout) {
            guard consumedNullIDResponses < nullIDResponses.count else { return nil }
            consumedNullIDResponses += 1
            return nullIDResponses[consumedNullIDResponses - 1]
        }
    }

    private func readStderr() {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { FileDescriptorIO.read(stderrFD, into: $0) }
            if n <= 0 { break }
            condition.lock()
            stderrBytes.append(contentsOf: chunk[0..<n])
            condition.unlock()
        }
        close(stderrFD)
    }

    // MARK: Lifecycle

    /// `initialize` (with `capabilities`, VS Code-like defaults when nil) then `initialized`; returns the result.
    @discardableResult
    func initialize(capabilities: JSONValue? = nil, initializationOptions: JSONValue? = nil) throws -> JSONValue {
        var params: JSONObject = ["processId": .int(Int(getpid())), "rootUri": nil,
                                  "clientInfo": ["name": "LSPProcess", "version": "1"]]
        params["capabilities"] = capabilities ?? LSPProcess.defaultCapabilities
        if let initializationOptions { params["initializationOptions"] = initializationOptions }
        let result = try result(of: "initialize", .object(params))
        sendNotification("initialized", [:])
        return result
    }

    static let defaultCapabilities: JSONValue = [
        "general": ["positionEncodings": ["utf-16"]],
        "textDocument": [
            "synchronization": ["didSave": true],
            "hover": ["contentFormat": ["markdown", "plaintext"]],
            "inlayHint": ["resolveSupport": ["properties": ["tooltip"]]],
            "publishDiagnostics": ["relatedInformation": true],
        ],
        "workspace": ["configuration": true, "inlayHint": ["refreshSupport": true]],
    ]

    /// `shutdown` (expecting null) then `exit`; returns the exit code.
    func shutdownAndExit(timeout: TimeInterval = defaultTimeout) throws -> Int32 {
        let response = try request("shutdown")
        XCTAssertEqual(response["result"], .null, "shutdown answers null")
        sendNotification("exit")
        return try waitForExit(timeout: timeout)
    }

    /// Stops reading the server's stdout, as a client that vanished would: the read end is closed when the
    /// reader next wakes (a close under a blocked read(2) would not take effect), so the server's writes
    /// after the next one fail with EPIPE.
    func closeStdoutForTesting() {
        condition.lock()
        defer { condition.unlock() }
        stopReading = true
    }

    /// True once the process has ended (without waiting).
    var hasExited: Bool { reapExitCode() != nil }

    /// Closes the server's stdin (end of input).
    func closeStdin() {
        condition.lock()
        defer { condition.unlock() }
        if !stdinClosed { stdinClosed = true; close(stdinFD) }
    }

    /// The exit code once the process ended; throws after `timeout`. A death by signal is reported as
    /// 128 + the signal number, as a shell would.
    func waitForExit(timeout: TimeInterval = defaultTimeout) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let code = reapExitCode() { return code }
            if Date() >= deadline { throw Failure.timeout("the server to exit") }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// The exit code if the process has ended (reaping it once), nil while it runs.
    private func reapExitCode() -> Int32? {
        condition.lock()
        defer { condition.unlock() }
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status }
        }
        guard let status = exitStatus else { return nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
