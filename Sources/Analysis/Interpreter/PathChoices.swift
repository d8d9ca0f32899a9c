/// Forking on conditions the analysis cannot decide, done by replay: a run follows a plan, the list of
/// truth values to give the first undecidable conditions it meets, in the order it meets them. A condition
/// past the plan is not guessed: the run gives up on that statement as before (its effects become
/// unknown) and notes that one more choice would refine it. `PathExplorer` then replaces that run by two
/// runs whose plans end in `true` and `false`. The analysis is deterministic, so a replayed run meets the
/// same conditions in the same order; the lines of the conditions are kept to check that it did.

final class PathChoices {
    let plan: [Bool]
    /// Lines of the conditions decided so far, plan first.
    private(set) var lines: [Int] = []
    /// The first condition this run met past its plan, if any: where a refinement would fork.
    private(set) var unplannedLine: Int?

    /// Choices to make before this run's observations are its own (see `isRecording`).
    private let sharedPrefix: Int

    init(plan: [Bool] = []) {
        self.plan = plan
        sharedPrefix = (plan.lastIndex(of: true) ?? -1) + 1
    }

    /// Whether what the run sees now is recorded. Runs whose plans share the first k choices see the same
    /// until their k-th choice; of the paths that share a prefix, the one that goes on choosing `false` also
    /// exists (the explored tree is full), so each run records only from its last `true` choice on, and
    /// every observation is still recorded once.
    var isRecording: Bool { lines.count >= sharedPrefix }

    /// The truth to give the next undecidable condition, or nil when the plan is used up.
    func next(line: Int) -> Bool? {
        guard lines.count < plan.count else {
            if unplannedLine == nil { unplannedLine = line }
            return nil
        }
        lines.append(line)
        return plan[lines.count - 1]
    }

    /// Whether one more choice would make this run more precise.
    var wantsMore: Bool { unplannedLine != nil }
}

/// One finished run of a plan: what it observed, and whether it met a condition past its plan.
struct PathOutcome<Observed> {
    var plan: [Bool]
    var observed: Observed
    /// Lines of the conditions it decided, and of the first one it could not.
    var decidedLines: [Int]
    var unplannedLine: Int?
    var steps: Int
}

/// Explores the tree of choices breadth first: the earliest undecided condition is split first. Every
/// plan in the returned frontier covers the executions whose conditions go its way, so together they cover
/// them all: a run whose plan ran out made its remaining choices unknown, which is sound.
enum PathExplorer {
    static func explore<Observed>(maxPaths: Int, maxSteps: Int,
                                  run: ([Bool]) -> PathOutcome<Observed>) -> [PathOutcome<Observed>] {
        var frontier = [run([])]
        var spent = frontier[0].steps
        while frontier.count < maxPaths, spent < maxSteps {
            // The shortest plan that asked for more: earlier choices split first.
            guard let i = frontier.indices.filter({ frontier[$0].unplannedLine != nil })
                .min(by: { frontier[$0].plan.count < frontier[$1].plan.count }) else { break }
            let parent = frontier[i]
            let yes = run(parent.plan + [true])
            let no = run(parent.plan + [false])
            spent += yes.steps + no.steps
            // A replay that met other conditions than its parent did is not trusted: keep the parent.
            let forkLine = parent.unplannedLine
            guard yes.decidedLines.count == parent.plan.count + 1, no.decidedLines.count == parent.plan.count + 1,
                  yes.decidedLines.last == forkLine, no.decidedLines.last == forkLine,
                  Array(yes.decidedLines.dropLast()) == parent.decidedLines,
                  Array(no.decidedLines.dropLast()) == parent.decidedLines else {
                var stuck = parent
                stuck.unplannedLine = nil
                frontier[i] = stuck
                continue
            }
            frontier.replaceSubrange(i...i, with: [yes, no])
        }
        return frontier
    }
}

/// The budgets of the two kinds of run: the module (each path a fresh interpreter), and each function the
/// program never calls, run on its own (PathExplorer over its body).
enum ModulePaths {
    static let maxPaths = 16
    static let maxSteps = 120_000

    static func explore<Observed>(_ run: ([Bool]) -> PathOutcome<Observed>) -> [PathOutcome<Observed>] {
        PathExplorer.explore(maxPaths: maxPaths, maxSteps: maxSteps, run: run)
    }
}

enum FunctionPaths {
    static let maxPaths = 8
    static let maxSteps = 6_000
}
