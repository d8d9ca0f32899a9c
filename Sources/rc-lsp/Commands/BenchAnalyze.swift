import Analysis
import Foundation

/// `rc-lsp bench analyze [DIR] [--all]`: parse + analysis throughput over a folder of Python files (default:
/// the standard library of `python3`, without its tests unless --all), and the slowest file. Use a release
/// build; the figure is one core.
enum BenchAnalyze {
    static func run(_ args: [String]) -> Int32 {
        let includeTests = args.contains("--all")
        let dirArg = args.first { !$0.hasPrefix("--") }
        guard let dir = dirArg ?? BenchParse.stdlibDirectory() else {
            CommandLineInterface.printError("rc-lsp: give a folder (no python3 standard library found)")
            return 2
        }
        let files = pythonFiles(in: dir, includeTests: includeTests)
        guard !files.isEmpty else {
            CommandLineInterface.printError("rc-lsp: no .py files in \(dir)")
            return 2
        }
        var bytes = 0
        var total = 0.0
        var parseOnly = 0.0
        var slowest = ("", 0.0)
        var overOneSecond: [String] = []
        var budgetStops = 0
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let source = String(decoding: data, as: UTF8.self)
            let parseStart = DispatchTime.now().uptimeNanoseconds
            _ = PythonParser.parse(source)
            parseOnly += Double(DispatchTime.now().uptimeNanoseconds - parseStart) / 1e9
            let start = DispatchTime.now().uptimeNanoseconds
            let result = Analyzer.analyze(source)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            bytes += data.count
            total += seconds
            if seconds > slowest.1 { slowest = (path, seconds) }
            if seconds > 1 { overOneSecond.append(path) }
            if result.budgetExhausted { budgetStops += 1 }
        }
        let mb = Double(bytes) / 1_000_000
        print(String(format: "analyze: %d files, %.1f MB in %.2f s: %.1f MB/s (parse + analysis, one core)",
                     files.count, mb, total, mb / max(total, 1e-9)))
        print(String(format: "of which parsing alone: %.2f s (%.1f MB/s); analysis alone: %.1f MB/s", parseOnly,
                     mb / max(parseOnly, 1e-9), mb / max(total - parseOnly, 1e-9)))
        print(String(format: "slowest: %.3f s %@", slowest.1, slowest.0))
        print("over 1 s: \(overOneSecond.count)\(overOneSecond.isEmpty ? "" : " " + overOneSecond.joined(separator: " "))")
        print("work budget exhausted: \(budgetStops) files")
        print("paths: \(PathStats.explorations) explorations, \(PathStats.runs) runs, \(PathStats.finalPaths) final paths")
        return 0
    }

    static func pythonFiles(in dir: String, includeTests: Bool) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".py"), !rel.contains("site-packages/") else { continue }
            let parts = rel.split(separator: "/")
            let isTest = parts.contains { $0 == "test" || $0 == "tests" || $0 == "idle_test" }
                || (parts.last?.hasPrefix("test_") ?? false)
            if isTest && !includeTests { continue }
            out.append(dir + "/" + rel)
        }
        return out.sorted()
    }
}
