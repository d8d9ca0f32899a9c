import Analysis
import Foundation

/// `rc-lsp annotate FILE.py`: the main job without an editor.
enum AnnotateCommand {
    static func run(_ args: [String]) -> Int32 {
        var settings = Settings()
        var color: Bool? = nil
        var files: [String] = []
        for a in args {
            switch a {
            case "--show-interned": settings.showInterned = true
            case "--no-color": color = false
            case "--color": color = true
            default: files.append(a)
            }
        }
        guard files.count == 1 else {
            CommandLineInterface.printError("usage: rc-lsp annotate [--show-interned] [--color|--no-color] FILE.py")
            return 2
        }
        guard let text = SourceFile.read(files[0]) else { return 2 }
        let result = Analyzer.analyze(text)
        let useColor = color ?? (isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        let out = Annotator.render(text, result: result, settings: settings, color: useColor)
        FileHandle.standardOutput.write(Data(out.utf8))
        return 0
    }
}

/// Reads a source file for the command line, saying why on stderr when it cannot.
enum SourceFile {
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            CommandLineInterface.printError("rc-lsp: cannot read \(path)")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}
