import Foundation

/// Log lines for humans, on stderr (stdout belongs to the protocol). The level comes from the environment
/// variable `RC_LSP_LOG` (error, warning, info, debug; default info). Thread-safe; each line is one write(2).
public final class Logger: @unchecked Sendable {
    public enum Level: Int, Comparable, Sendable {
        case error = 1, warning, info, debug
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        var name: String {
            switch self {
            case .error: return "error"
            case .warning: return "warning"
            case .info: return "info"
            case .debug: return "debug"
            }
        }
    }

    public static let shared = Logger(fd: 2, threshold: Logger.levelFromEnvironment())

    public let threshold: Level
    private let fd: Int32
    private let lock = NSLock()

    public init(fd: Int32, threshold: Level) {
        self.fd = fd
        self.threshold = threshold
    }

    static func levelFromEnvironment() -> Level {
        switch ProcessInfo.processInfo.environment["RC_LSP_LOG"]?.lowercased() {
        case "error": return .error
        case "warning", "warn": return .warning
        case "debug", "trace": return .debug
        default: return .info
        }
    }

    public func isEnabled(_ level: Level) -> Bool { level <= threshold }

    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard isEnabled(level) else { return }
        let line = Array("rc-lsp [\(level.name)] \(message())\n".utf8)
        lock.lock()
        defer { lock.unlock() }
        FileDescriptorIO.writeAll(fd, line)
    }

    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
}
