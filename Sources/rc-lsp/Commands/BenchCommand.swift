/// `rc-lsp bench KIND [ARGS]`: throughput figures. Each kind lives in its own file (Bench*.swift).
enum BenchCommand {
    static func run(_ args: [String]) -> Int32 {
        let rest = Array(args.dropFirst())
        switch args.first {
        case "transport": return BenchTransport.run(rest)
        case "parse": return BenchParse.run(rest)
        case "analyze": return BenchAnalyze.run(rest)
        default:
            CommandLineInterface.printError("usage: rc-lsp bench transport|parse [DIR]|analyze [DIR]")
            return 2
        }
    }
}
