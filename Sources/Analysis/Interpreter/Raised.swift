/// An exception raised where nothing the analysis models can catch it (`raise`, a failing `assert`): the
/// path ends there. A function run on its own just stops; the module run stops, as the program would. Where
/// a handler or cleanup could run (`try`, `with`), that is not modelled: the statement is given up
/// instead (Abort), as any statement outside the subset.
struct Raised: Error {

    /// Runs `body`; an exception out of it becomes a statement the analysis gives up on.
    static func unhandled<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch is Raised { throw Abort("an exception inside try/with") }
    }
}

extension Interpreter {
    /// Runs code that a `try` or `with` around it could see raise: an exception out of it is given up.
    func underHandlers<T>(_ body: () throws -> T) throws -> T {
        handlersActive += 1
        defer { handlersActive -= 1 }
        return try Raised.unhandled(body)
    }
}
