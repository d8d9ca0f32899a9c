#if canImport(Glibc)
import Glibc
#endif

/// Keeps the interpreter's recursion (nested expressions, blocks and calls) within the stack of whatever
/// thread runs it: the editor may analyse on a thread with a small stack. Measures how far the stack has
/// grown since the run started and compares it with a share of the thread's stack size.
struct StackGuard {
    private let base: UInt
    private let budget: UInt

    init() {
        base = StackGuard.currentAddress()
        budget = StackGuard.threadStackSize() / 2
    }

    /// True while the stack used since `init` stays within the budget.
    var hasRoom: Bool {
        let here = StackGuard.currentAddress()
        return base < here || base - here < budget
    }

    @inline(never)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The current thread's stack size (Linux), or a conservative 512 KB when it cannot be read. For the
    /// main thread glibc finds it by parsing /proc/self/maps (costlier than analysing a small file), and it
    /// does not change: it is read once.
    static func threadStackSize() -> UInt {
        #if canImport(Glibc)
        if let gettid = getTID, gettid() == getpid() { return mainThreadStackSize }
        #endif
        return readThreadStackSize()
    }

    #if canImport(Glibc)
    private static let mainThreadStackSize: UInt = readThreadStackSize()
    /// gettid(), looked up at run time like pthread_getattr_np (the Glibc module does not export it).
    private typealias GetTID = @convention(c) () -> Int32
    nonisolated(unsafe) private static let getTID: GetTID? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gettid").map { unsafeBitCast($0, to: GetTID.self) }
    #endif

    private static func readThreadStackSize() -> UInt {
        #if canImport(Glibc)
        // pthread_getattr_np is a GNU extension the Glibc module does not export: look it up at run time.
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return 512 * 1024 }
        let getattr = unsafeBitCast(symbol, to: GetAttr.self)
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return 512 * 1024 }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, size > 0 else { return 512 * 1024 }
        return UInt(size)
        #else
        return 512 * 1024
        #endif
    }
}
