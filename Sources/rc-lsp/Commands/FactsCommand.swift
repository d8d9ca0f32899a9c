import Analysis
import Foundation

/// `rc-lsp facts FILE.py --json`: runs the analysis and prints its facts in the oracle's rc-facts/1 format
/// (what `shared/oracle/compare.py` scores).
enum FactsCommand {
    static func run(_ args: [String]) -> Int32 {
        let files = args.filter { !$0.hasPrefix("--") }
        guard files.count == 1 else {
            CommandLineInterface.printError("usage: rc-lsp facts FILE.py --json")
            return 2
        }
        guard let data = FileManager.default.contents(atPath: files[0]) else {
            CommandLineInterface.printError("rc-lsp: cannot read \(files[0])")
            return 2
        }
        let source = String(decoding: data, as: UTF8.self)
        let name = (files[0] as NSString).lastPathComponent
        let json = FactsJSON.facts(for: source, program: name)
        FileHandle.standardOutput.write(Data(json.utf8))
        return 0
    }
}
