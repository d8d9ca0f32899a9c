import Foundation
import Glibc
import Analysis

/// `rc-lsp bench parse [DIR]` (use a release build): throughput of lex+parse over every .py file of DIR,
/// by default the standard library of `python3` without its test directories (734 files, 12.1 MB on the
/// reference machine). Files are read first; the best of several timed passes is reported, with the heap
/// the trees of one pass hold as a multiple of the source size. That figure is an exact byte count: what
/// malloc has handed out and not taken back (glibc's `malloc_info`, chunk headers and size-class rounding
/// included) with every tree of the pass alive, minus the same count before the pass, after a warm-up pass;
/// the lexer's token buffers and the parser's tables are freed by then and do not count. The resident-set
/// growth is printed beside it for comparison only: it can be lower (pages the warm-up left resident are
/// reused) or higher (freed memory malloc keeps).
enum BenchParse {
    static func run(_ args: [String]) -> Int32 {
        let dir: String
        if let d = args.first {
            dir = d
        } else if let d = stdlibDirectory() {
            dir = d
        } else {
            CommandLineInterface.printError("rc-lsp: cannot find python3's standard library; pass a DIR")
            return 2
        }
        let files = pythonFiles(under: dir, skipTests: args.isEmpty)
        guard !files.isEmpty else {
            CommandLineInterface.printError("rc-lsp: no .py files under \(dir)")
            return 2
        }
        let sources: [[UInt8]] = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        let totalBytes = sources.reduce(0) { $0 + $1.count }
        let totalLines = sources.reduce(0) { n, s in n + s.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

        // Warm-up: process-wide caches built on first use (the `\N{...}` name table) are not tree memory.
        for s in sources { _ = PythonParser.parse(utf8: s) }

        // The memory the trees of one pass hold.
        let before = residentBytes()
        let heapBefore = liveHeapBytes()
        var kept: [ParsedModule] = []
        kept.reserveCapacity(sources.count)
        var errorFiles = 0
        for s in sources {
            let m = PythonParser.parse(utf8: s)
            if !m.errors.isEmpty { errorFiles += 1 }
            kept.append(m)
        }
        let heapAfter = liveHeapBytes()
        let treeBytes = heapBefore < 0 || heapAfter < 0 ? -1 : heapAfter - heapBefore
        let residentGrowth = residentBytes() - before
        withExtendedLifetime(kept) {}
        kept.removeAll()

        // Timed passes keep their trees until the clock stops: freeing them is not lex+parse.
        // Both wall time and this thread's CPU time are kept: on a shared machine the CPU time is the
        // figure for one core.
        var best = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<5 {
            var trees: [ParsedModule] = []
            trees.reserveCapacity(sources.count)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c0 = threadCPUSeconds()
            for s in sources { trees.append(PythonParser.parse(utf8: s)) }
            let c1 = threadCPUSeconds()
            let t1 = DispatchTime.now().uptimeNanoseconds
            best = min(best, Double(t1 - t0) / 1e9)
            bestCPU = min(bestCPU, c1 - c0)
            trees.removeAll()
        }
        let mb = Double(totalBytes) / 1e6
        print("files: \(sources.count) (\(errorFiles) with syntax errors), \(String(format: "%.1f", mb)) MB, \(totalLines) lines")
        print(String(format: "lex+parse: %.3f s CPU  %.1f MB/s  %.0f lines/s (best of 5, one core)",
                     bestCPU, mb / bestCPU, Double(totalLines) / bestCPU))
        print(String(format: "           %.3f s wall %.1f MB/s", best, mb / best))
        if heapBefore >= 0 && treeBytes >= 0 {
            print(String(format: "tree memory (live heap bytes with all trees alive): %.1f MB = %.2fx source", Double(treeBytes) / 1e6,
                         Double(treeBytes) / Double(max(totalBytes, 1))))
        } else {
            print("tree memory (live heap bytes): unavailable (no glibc malloc_info)")
        }
        print(String(format: "            (resident growth, for comparison): %.1f MB = %.2fx source",
                     Double(residentGrowth) / 1e6, Double(residentGrowth) / Double(max(totalBytes, 1))))
        return 0
    }

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Bytes malloc has handed out and not yet taken back, in all arenas, mmapped blocks included: the
    /// summary of glibc's `malloc_info` (looked up at run time; the Glibc module does not export it), the
    /// memory malloc got from the system minus the free chunks it holds, plus the mmapped blocks.
    /// -1 when malloc_info is not there.
    static func liveHeapBytes() -> Int {
        typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
        guard let symbol = dlsym(nil, "malloc_info") else { return -1 }
        let mallocInfo = unsafeBitCast(symbol, to: MallocInfo.self)
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        guard let stream = open_memstream(&buffer, &length) else { return -1 }
        _ = mallocInfo(0, stream)
        fclose(stream)
        guard let buffer else { return -1 }
        defer { free(buffer) }
        let xml = String(cString: buffer)
        // The totals over all arenas follow the last per-arena <heap> element.
        guard let summaryStart = xml.range(of: "</heap>", options: .backwards)?.upperBound ?? xml.range(of: "<malloc")?.upperBound
        else { return -1 }
        let summary = xml[summaryStart...]
        func sizeAttribute(of element: String) -> Int? {
            guard let at = summary.range(of: element) else { return nil }
            let rest = summary[at.upperBound...]
            guard let open = rest.range(of: "size=\""), let close = rest[open.upperBound...].firstIndex(of: "\"") else { return nil }
            return Int(rest[open.upperBound..<close])
        }
        guard let fast = sizeAttribute(of: "<total type=\"fast\""), let unused = sizeAttribute(of: "<total type=\"rest\""),
              let mmapped = sizeAttribute(of: "<total type=\"mmap\""), let current = sizeAttribute(of: "<system type=\"current\"")
        else { return -1 }
        return current - fast - unused + mmapped
    }

    /// Resident set size from /proc/self/statm (Linux), in bytes.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// python3's stdlib directory (sysconfig), or nil when python3 is not there.
    static func stdlibDirectory() -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return p.terminationStatus == 0 && !path.isEmpty ? path : nil
    }

    /// Every .py file under `dir`, sorted; with `skipTests`, leaving out test directories and site-packages.
    static func pythonFiles(under dir: String, skipTests: Bool) -> [String] {
        let skipped: Set<String> = skipTests ? ["test", "tests", "idle_test", "site-packages", "__pycache__"] : ["__pycache__"]
        var result: [String] = []
        var stack = [dir]
        let fm = FileManager.default
        while let d = stack.popLast() {
            guard let names = try? fm.contentsOfDirectory(atPath: d) else { continue }
            for n in names {
                let path = d + "/" + n
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    if !skipped.contains(n) { stack.append(path) }
                } else if n.hasSuffix(".py") {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }
}
