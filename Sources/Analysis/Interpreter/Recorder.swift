/// Collects the interpreter's observations the way the oracle reports them: one point per (event, line,
/// frame), each name's values joined over every time the point was reached, plus the cycles and garbage
/// cycles seen after each statement and what only the cycle collector frees at exit.

/// The kinds of program points, as the oracle names them.
public enum PointEvent: String, Sendable, Hashable {
    case line, call, `return`, end
}

public struct PointKey: Hashable, Sendable {
    public var event: PointEvent
    public var line: Int
    public var frame: String
}

/// One name's observed counts at a point, joined.
public struct JoinedBinding: Sendable {
    public var ints: Set<Int> = []
    /// "interned" / "opaque"
    public var strings: Set<String> = []
    public var unknown = false
    /// Allocation sites "TYPE@LINE" of the objects seen.
    public var sites: Set<String> = []
    /// Some observation had an object whose site is not known.
    public var siteUnknown = false
    public var typeNames: Set<String> = []
    /// Value labels of shared values ("int:5") for display.
    public var valueTexts: Set<String> = []
}

/// One observation of one name.
struct BindingObservation {
    enum Count { case exact(Int), interned, opaque, unknown }
    var count: Count
    var site: String?
    var typeName: String
    var valueText: String?
}

final class Recorder {
    private(set) var order: [PointKey] = []
    private(set) var points: [PointKey: (names: [String], bindings: [String: JoinedBinding])] = [:]
    /// Per statement line: cycles (as sorted label lists) seen after it ran, and garbage cycles.
    private(set) var cycles: [Int: Set<[String]>] = [:]
    private(set) var garbageCycles: [Int: Set<[String]>] = [:]
    var freedByGC: Set<String> = []

    /// After code the interpreter could not follow, the points it may have reached again (any function's)
    /// are no longer complete: what is recorded there from now on is "unknown".
    var functionPointsIncomplete = false
    /// The run stopped recording (budget): points it would have recorded later are missing.
    var stoppedRecording = false

    /// Code this run gave up on, in order.
    private(set) var unfollowed: [Unfollowed] = []

    /// The points code that was not followed may have reached are incomplete, and, when it may have
    /// called code, every function's points from now on.
    func markIncomplete(_ u: Unfollowed) {
        unfollowed.append(u)
        markIncomplete { u.reaches($0.line, frame: $0.frame) }
        if u.mayCallCode { functionPointsIncomplete = true }
    }

    /// Marks the matching points' values as incomplete ("unknown"): code that was not followed may have
    /// reached them again with other counts.
    func markIncomplete(where matches: (PointKey) -> Bool) {
        for key in order where matches(key) {
            guard var p = points[key] else { continue }
            // Neither the counts nor the objects seen there are complete.
            for n in p.names { p.bindings[n]?.unknown = true; p.bindings[n]?.siteUnknown = true }
            points[key] = p
        }
    }

    func record(_ key: PointKey, _ observations: [(String, BindingObservation)]) {
        let incomplete = functionPointsIncomplete && key.frame != "<module>"
        if points[key] == nil {
            order.append(key)
            points[key] = ([], [:])
        }
        for (name, o) in observations {
            var j = points[key]?.bindings[name] ?? {
                points[key]?.names.append(name)
                return JoinedBinding()
            }()
            if incomplete { j.unknown = true; j.siteUnknown = true }
            switch o.count {
            case .exact(let n): j.ints.insert(n)
            case .interned: j.strings.insert("interned")
            case .opaque: j.strings.insert("opaque")
            case .unknown: j.unknown = true
            }
            if let s = o.site {
                j.sites.insert(s)
            } else {
                // An object whose site is not known (an unknown value): the sites seen are not all of them.
                switch o.count {
                case .exact, .unknown: j.siteUnknown = true
                case .interned, .opaque: break
                }
            }
            j.typeNames.insert(o.typeName)
            if let t = o.valueText { j.valueTexts.insert(t) }
            points[key]?.bindings[name] = j
        }
    }

    func recordCycles(line: Int, cycles found: [[String]], garbage: [[String]]) {
        var c = cycles[line] ?? []
        for x in found { c.insert(x) }
        cycles[line] = c
        var g = garbageCycles[line] ?? []
        for x in garbage { g.insert(x) }
        garbageCycles[line] = g
    }

    /// Joins the recorders of the paths of one program: each path's points first lose what the other
    /// paths gave up on (code they did not follow may have reached them).
    static func joined(_ paths: [Recorder]) -> Recorder {
        if paths.count == 1 { return paths[0] }
        let out = Recorder()
        let someStopped = paths.contains { $0.stoppedRecording }
        for (i, path) in paths.enumerated() {
            let others = paths.indices.filter { $0 != i }.flatMap { paths[$0].unfollowed }
            for key in path.order {
                guard var p = path.points[key] else { continue }
                if someStopped || others.contains(where: { $0.reaches(key.line, frame: key.frame) }) {
                    for n in p.names { p.bindings[n]?.unknown = true; p.bindings[n]?.siteUnknown = true }
                }
                out.merge(key, p)
            }
            out.unfollowed += path.unfollowed
        }
        return out
    }

    private func merge(_ key: PointKey, _ p: (names: [String], bindings: [String: JoinedBinding])) {
        if points[key] == nil {
            order.append(key)
            points[key] = p
            return
        }
        for n in p.names {
            guard let b = p.bindings[n] else { continue }
            guard var j = points[key]?.bindings[n] else {
                points[key]?.names.append(n)
                points[key]?.bindings[n] = b
                continue
            }
            j.ints.formUnion(b.ints)
            j.strings.formUnion(b.strings)
            j.unknown = j.unknown || b.unknown
            j.sites.formUnion(b.sites)
            j.siteUnknown = j.siteUnknown || b.siteUnknown
            j.typeNames.formUnion(b.typeNames)
            j.valueTexts.formUnion(b.valueTexts)
            points[key]?.bindings[n] = j
        }
    }

    /// The cycles of several paths by line, when they agree wherever more than one path ran a line (a
    /// line only one path ran has that path's cycles, whichever way the program went); nil when not.
    static func joinedTable(_ tables: [[Int: Set<[String]>]]) -> [Int: Set<[String]>]? {
        var out: [Int: Set<[String]>] = [:]
        for t in tables {
            for (line, c) in t {
                if let mine = out[line], mine != c { return nil }
                out[line] = c
            }
        }
        return out
    }
}
