/// PLACEHOLDER: replaced by the issue that builds this benchmark.
enum BenchParse {
    static func run(_ args: [String]) -> Int32 {
        CommandLineInterface.printError("rc-lsp: this benchmark is not built yet")
        return 2
    }
}
