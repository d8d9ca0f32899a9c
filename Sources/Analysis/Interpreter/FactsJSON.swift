/// Writes the interpreter's observations in the oracle's `rc-facts/1` JSON format (specified at the top of
/// `shared/oracle/compare.py`). Plain string building: no Foundation JSON (slow on Linux).

public enum FactsJSON {
    /// The rc-facts/1 document for `source`: every path of the program (PathChoices.swift), joined.
    public static func facts(for source: String, program: String) -> String {
        let parsed = PythonParser.parse(source)
        let paths = ModulePaths.explore(parsed.module) { interp in
            interp.run()
            interp.finishProgram()
            return interp
        }
        return render(paths.map(\.observed), program: program)
    }

    static func render(_ runs: [Interpreter], program: String) -> String {
        let r = Recorder.joined(runs.map(\.recorder))
        var out = "{\"format\": \"rc-facts/1\", \"program\": \(quote(program)),\n \"points\": ["
        var firstPoint = true
        for key in r.order {
            guard let p = r.points[key] else { continue }
            out += firstPoint ? "\n  " : ",\n  "
            firstPoint = false
            out += "{\"event\": \"\(key.event.rawValue)\", \"line\": \(key.line), \"frame\": \(quote(key.frame)), \"bindings\": {"
            var firstName = true
            for name in p.names {
                guard let b = p.bindings[name] else { continue }
                out += firstName ? "" : ", "
                firstName = false
                out += "\(quote(name)): {"
                if !b.siteUnknown && !b.sites.isEmpty && !b.unknown || (!b.sites.isEmpty && b.unknown && !b.siteUnknown) {
                    let sites = b.sites.sorted()
                    out += "\"obj\": " + (sites.count == 1 ? quote(sites[0]) : "[" + sites.map(quote).joined(separator: ", ") + "]") + ", "
                }
                if b.typeNames.count == 1, let t = b.typeNames.first { out += "\"type\": \(quote(t)), " }
                out += "\"rc\": " + rcText(b) + "}"
            }
            out += "}}"
        }
        out += "\n ]"
        let vouched = runs.allSatisfy { i in
            i.abortReason == nil && !i.endedByException && !i.heapTainted && !i.cyclesAbandoned && !i.recordingStopped
        }
        let recorders = runs.map(\.recorder)
        if vouched, let cycles = Recorder.joinedTable(recorders.map(\.cycles)),
           let garbage = Recorder.joinedTable(recorders.map(\.garbageCycles)) {
            out += ",\n \"cycles\": [" + cycleList(cycles) + "]"
            out += ",\n \"garbage_cycles\": [" + cycleList(garbage) + "]"
            // What the collector frees at exit depends on the whole path: stated only when all paths agree.
            if let freed = recorders.first?.freedByGC, recorders.allSatisfy({ $0.freedByGC == freed }) {
                out += ",\n \"exit\": {\"freed_by_gc\": [" + freed.sorted().map(quote).joined(separator: ", ") + "]}"
            }
        }
        if let a = runs.lazy.compactMap(\.abortReason).first { out += ",\n \"stopped\": \(quote(a))" }
        var notFollowed: [String] = []
        for i in runs { for h in i.havocReasons where !notFollowed.contains(h) { notFollowed.append(h) } }
        if !notFollowed.isEmpty {
            out += ",\n \"not_followed\": [" + notFollowed.map(quote).joined(separator: ", ") + "]"
        }
        if runs.count > 1 { out += ",\n \"paths\": \(runs.count)" }
        out += "\n}\n"
        return out
    }

    static func cycleList(_ table: [Int: Set<[String]>]) -> String {
        var items: [String] = []
        for line in table.keys.sorted() {
            for c in (table[line] ?? []).sorted(by: { $0.joined(separator: ",") < $1.joined(separator: ",") }) {
                items.append("{\"line\": \(line), \"objects\": [" + c.map(quote).joined(separator: ", ") + "]}")
            }
        }
        return items.joined(separator: ", ")
    }

    static func rcText(_ b: JoinedBinding) -> String {
        if b.unknown { return "\"unknown\"" }
        var alts: [String] = []
        if let lo = b.ints.min(), let hi = b.ints.max() {
            alts.append(lo == hi ? String(lo) : "{\"min\": \(lo), \"max\": \(hi)}")
        }
        for s in b.strings.sorted() { alts.append(quote(s)) }
        if alts.count == 1 { return alts[0] }
        if alts.isEmpty { return "\"unknown\"" }
        return "[" + alts.joined(separator: ", ") + "]"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}


