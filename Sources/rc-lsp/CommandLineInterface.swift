import Foundation

/// The command line: routes `rc-lsp SUBCOMMAND ...` to the command that owns it. Each command lives in its
/// own file under `Commands/` and returns the process exit code.
enum CommandLineInterface {
    static let version = "0.1.0"

    static let usage = """
    rc-lsp \(version) — CPython reference counts, heap targets and reference cycles for Python, statically.

    USAGE
      rc-lsp [--stdio]                 serve the Language Server Protocol on stdin/stdout
      rc-lsp annotate FILE.py          print the source with each statement's refcount hint beside it
      rc-lsp check FILE.py...          print reference-cycle warnings; exit 1 if any, 2 on unreadable input
      rc-lsp facts FILE.py --json      print the analysis facts in the oracle's rc-facts/1 format
      rc-lsp dump-ast FILE.py          print the syntax tree exactly as CPython's ast.dump(..., include_attributes=True)
      rc-lsp bench transport|parse [DIR]|analyze [DIR]
                                       print throughput figures (use a release build)
      rc-lsp --version | --help
    """

    static func run(_ args: [String]) -> Int32 {
        guard let first = args.first else { return ServeCommand.run([]) }
        let rest = Array(args.dropFirst())
        switch first {
        case "--stdio": return ServeCommand.run(rest)
        case "--version", "-V", "version": print("rc-lsp \(version)"); return 0
        case "--help", "-h", "help": print(usage); return 0
        case "annotate": return AnnotateCommand.run(rest)
        case "check": return CheckCommand.run(rest)
        case "facts": return FactsCommand.run(rest)
        case "dump-ast": return DumpASTCommand.run(rest)
        case "bench": return BenchCommand.run(rest)
        default:
            FileHandle.standardError.write(Data("rc-lsp: unknown command '\(first)'\n\n\(usage)\n".utf8))
            return 2
        }
    }

    /// Prints to stderr: stdout belongs to the protocol when serving.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
