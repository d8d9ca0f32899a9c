import Foundation
import Analysis

/// `rc-lsp dump-ast FILE`: prints the syntax tree exactly as CPython's
/// `ast.dump(ast.parse(open(FILE,'rb').read()), include_attributes=True)` does, so the two can be compared
/// byte for byte. On a file with syntax errors it prints, instead of the tree, one `FILE:LINE:COL: error:
/// MESSAGE` line per error (COL is CPython's `offset`: 1-based, in characters for tokenizer errors and in
/// UTF-8 bytes for parser errors, as CPython counts them), the one CPython would report first, and exits 1;
/// with `--partial` it then also prints the tree the parser recovered (with `Error` nodes).
enum DumpASTCommand {
    static func run(_ args: [String]) -> Int32 {
        let partial = args.contains("--partial")
        let files = args.filter { $0 != "--partial" }
        guard files.count == 1, let path = files.first else {
            CommandLineInterface.printError("usage: rc-lsp dump-ast [--partial] FILE.py")
            return 2
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            CommandLineInterface.printError("rc-lsp: cannot read \(path)")
            return 2
        }
        let source = [UInt8](data)
        let parsed = PythonParser.parse(utf8: source)
        if !parsed.errors.isEmpty {
            var text = ""
            for e in parsed.errors {
                text += "\(path):\(e.range.line):\(e.cpythonOffset(in: source)): error: \(e.message)\n"
            }
            if partial { text += ASTDump.dump(parsed.module) + "\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
            return 1
        }
        var text = ASTDump.dump(parsed.module)
        text += "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
        return 0
    }
}
