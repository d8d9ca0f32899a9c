/// PLACEHOLDER: replaced by the issue that builds this command.
enum FactsCommand {
    static func run(_ args: [String]) -> Int32 {
        CommandLineInterface.printError("rc-lsp: this command is not built yet")
        return 2
    }
}
