import Analysis
import Foundation

/// `rc-lsp bench analyze [DIR] [--all] [--passes N] [--digest]`: parse + analysis throughput over a folder of Python
/// files (default: the standard library of `python3`, without its tests unless --all), and the slowest
/// file. Use a release build. Files are read before the clock starts; each pass analyses every file and
/// the best pass is reported (default 3 passes). Both this thread's CPU time (the figure for one core,
/// not skewed by other processes on a shared machine) and wall time are printed.
/// With --digest nothing is timed: one line per file, a hash of the whole `AnalysisResult` and the path, so
/// two builds can be shown to give identical results (scripts/analysis_diff.sh).
enum BenchAnalyze {
    static func run(_ args: [String]) -> Int32 {
        let includeTests = args.contains("--all")
        var passes = 3
        var dirArg: String?
        var i = 0
        while i < args.count {
            if args[i] == "--passes", i + 1 < args.count, let n = Int(args[i + 1]), n > 0 {
                passes = n
                i += 2
                continue
            }
            if !args[i].hasPrefix("--") && dirArg == nil { dirArg = args[i] }
            i += 1
        }
        guard let dir = dirArg ?? BenchParse.stdlibDirectory() else {
            CommandLineInterface.printError("rc-lsp: give a folder (no python3 standard library found)")
            return 2
        }
        let files = pythonFiles(in: dir, includeTests: includeTests)
        let sources: [(path: String, text: String, bytes: Int)] = files.compactMap { path in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return (path, String(decoding: data, as: UTF8.self), data.count)
        }
        guard !sources.isEmpty else {
            CommandLineInterface.printError("rc-lsp: no .py files in \(dir)")
            return 2
        }
        if args.contains("--digest") {
            for s in sources {
                let r = Analyzer.analyze(s.text)
                print(digest(String(reflecting: r)), r.objects.count, r.statements.count, r.names.count, s.path)
            }
            return 0
        }
        var best: Pass?
        for _ in 0..<passes {
            let p = Pass.run(sources)
            if best == nil || p.cpu < best!.cpu { best = p }
        }
        guard let b = best else { return 2 }
        let bytes = sources.reduce(0) { $0 + $1.bytes }
        let mb = Double(bytes) / 1_000_000
        print(String(format: "analyze: %d files, %.1f MB in %.2f s CPU: %.1f MB/s (parse + analysis, one core, best of %d)",
                     sources.count, mb, b.cpu, mb / max(b.cpu, 1e-9), passes))
        print(String(format: "         wall %.2f s: %.1f MB/s", b.wall, mb / max(b.wall, 1e-9)))
        print(String(format: "of which parsing alone: %.2f s CPU (%.1f MB/s); analysis alone: %.1f MB/s", b.parseCPU,
                     mb / max(b.parseCPU, 1e-9), mb / max(b.cpu - b.parseCPU, 1e-9)))
        print(String(format: "slowest: %.3f s CPU %@", b.slowest.1, b.slowest.0))
        print("over 1 s: \(b.overOneSecond.count)\(b.overOneSecond.isEmpty ? "" : " " + b.overOneSecond.joined(separator: " "))")
        print("work budget exhausted: \(b.budgetStops) files")
        print("paths per pass: \(PathStats.explorations / passes) explorations (the module and each function nobody "
              + "calls), \(PathStats.runs / passes) runs")
        return 0
    }

    /// One timed pass over every file.
    struct Pass {
        var cpu = 0.0
        var wall = 0.0
        var parseCPU = 0.0
        var slowest = ("", 0.0)
        var overOneSecond: [String] = []
        var budgetStops = 0

        static func run(_ sources: [(path: String, text: String, bytes: Int)]) -> Pass {
            var p = Pass()
            for s in sources {
                let parseStart = BenchParse.threadCPUSeconds()
                _ = PythonParser.parse(s.text)
                p.parseCPU += BenchParse.threadCPUSeconds() - parseStart
                let wallStart = DispatchTime.now().uptimeNanoseconds
                let start = BenchParse.threadCPUSeconds()
                let result = Analyzer.analyze(s.text)
                let seconds = BenchParse.threadCPUSeconds() - start
                p.wall += Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
                p.cpu += seconds
                if seconds > p.slowest.1 { p.slowest = (s.path, seconds) }
                if seconds > 1 { p.overOneSecond.append(s.path) }
                if result.budgetExhausted { p.budgetStops += 1 }
            }
            return p
        }
    }

    /// 64-bit FNV-1a of the text, in hex.
    static func digest(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
