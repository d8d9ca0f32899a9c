import LSPTransport

/// `rc-lsp` / `rc-lsp --stdio`: serves the Language Server Protocol on stdin/stdout until `exit`.
/// Exit code 0 after `shutdown` + `exit`, 1 when the client exits or goes away without `shutdown`.
enum ServeCommand {
    static func run(_ args: [String]) -> Int32 {
        for arg in args where arg != "--stdio" {
            CommandLineInterface.printError("rc-lsp: unknown option '\(arg)' for serving (only --stdio)")
            return 2
        }
        return LanguageServer().run()
    }
}
