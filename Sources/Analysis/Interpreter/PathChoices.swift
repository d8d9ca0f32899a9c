/// Forking on conditions the analysis cannot decide, done by replay. A run follows a plan: the truth
/// values to give the first undecidable conditions it meets, in the order it meets them. Past its plan, a
/// run may fork while the budget allows: it takes `false` and leaves the plan that takes `true` there to a
/// later run. When the budget does not allow it, the run gives up on that statement as before (its
/// effects become unknown), which is sound. The analysis is deterministic, so a replayed run meets the same
/// conditions in the same order; the lines of the conditions are kept to check that it did.

final class PathChoices {
    let plan: [Bool]
    /// Every choice made so far, plan first, and the line of each condition.
    private(set) var made: [Bool] = []
    private(set) var lines: [Int] = []
    /// Plans this run left to later runs: its choices up to a fork, then `true`.
    private(set) var alternatives: [[Bool]] = []
    /// The first condition this run gave up on, if any.
    private(set) var unplannedLine: Int?
    /// Whether a fork at this depth (the number of choices made before it), this much work into the run,
    /// is within the budget.
    private let mayFork: (_ depth: Int, _ stepsIntoRun: Int) -> Bool
    /// The interpreter's step count when the run started (runs of one function share an interpreter).
    var startSteps = 0
    /// The work this run may do, when the explorer limits it (runs after the first share what is left).
    var stepBudget: Int?
    /// Choices to make before this run's observations are its own (see `isRecording`).
    private let sharedPrefix: Int

    init(plan: [Bool] = [], mayFork: @escaping (Int, Int) -> Bool = { _, _ in false }) {
        self.plan = plan
        self.mayFork = mayFork
        sharedPrefix = (plan.lastIndex(of: true) ?? -1) + 1
    }

    /// The truth to give the next undecidable condition, or nil to give up on it.
    func next(line: Int, steps: Int = 0) -> Bool? {
        let choice: Bool
        if made.count < plan.count {
            choice = plan[made.count]
        } else if unplannedLine == nil, mayFork(made.count, steps - startSteps) {
            alternatives.append(made + [true])
            choice = false
        } else {
            if unplannedLine == nil { unplannedLine = line }
            return nil
        }
        made.append(choice)
        lines.append(line)
        return choice
    }

    /// Whether what the run sees now is recorded. Runs whose choices agree up to a condition see the same
    /// until then; of those, the one that went on choosing `false` is the run that forked them off, so
    /// each run records only from its plan's last `true` on, and every observation is recorded once.
    var isRecording: Bool { made.count >= sharedPrefix }
}

/// One finished run: what it observed, the lines of the conditions it decided, how much work it took.
struct PathOutcome<Observed> {
    var plan: [Bool]
    var observed: Observed
    var decidedLines: [Int]
    var unplannedLine: Int?
    var steps: Int

    /// The outcome of the run that made `choices`.
    init(_ choices: PathChoices, observed: Observed, steps: Int) {
        plan = choices.plan
        self.observed = observed
        decidedLines = choices.lines
        unplannedLine = choices.unplannedLine
        self.steps = steps
    }
}

/// Runs a program's paths. Each run forks at most `maxDepth` choices deep, so the paths split the earliest
/// conditions first; at most `maxPaths` runs, and no new fork once `maxSteps` of work are spent. Together
/// the runs cover every execution: each fork's other side is run, and what a run gave up on is unknown.
enum PathExplorer {
    static func explore<Observed>(maxPaths: Int, maxDepth: Int, maxSteps: Int,
                                  run: (PathChoices) -> PathOutcome<Observed>) -> [PathOutcome<Observed>] {
        PathStats.explorations += 1
        var committed = 1
        var spent = 0
        let mayFork: (Int, Int) -> Bool = { depth, stepsIntoRun in
            // Each fork is another run, which costs about what this one has cost so far and more.
            guard depth < maxDepth, committed < maxPaths,
                  spent + stepsIntoRun * (committed + 1) < maxSteps else { return false }
            committed += 1
            return true
        }
        var pending: [(plan: [Bool], parentLines: [Int])] = [([], [])]
        var done: [PathOutcome<Observed>] = []
        while !pending.isEmpty {
            let next = pending.removeFirst()
            let choices = PathChoices(plan: next.plan, mayFork: mayFork)
            // Runs after the first share twice the budget, less what was spent; each gets a fair minimum.
            if !done.isEmpty { choices.stepBudget = max(maxSteps / 4, (2 * maxSteps - spent) / (pending.count + 1)) }
            let outcome = run(choices)
            PathStats.runs += 1
            spent += outcome.steps
            // A replay that met other conditions than the run that forked it leaves that fork's other
            // side uncovered: start over with one run that forks nothing.
            guard Array(outcome.decidedLines.prefix(next.plan.count)) == Array(next.parentLines.prefix(next.plan.count)) else {
                return [run(PathChoices())]
            }
            for alt in choices.alternatives { pending.append((alt, choices.lines)) }
            done.append(outcome)
        }
        PathStats.finalPaths += done.count
        return done
    }
}

/// The budgets of the two kinds of run: the module (each path a fresh interpreter), and each function the
/// program never calls, run on its own.
enum ModulePaths {
    static let maxPaths = 16
    static let maxDepth = 4
    static let maxSteps = 120_000

    /// Runs `module`'s paths, each in a fresh interpreter (sharing the scopes, which depend on the source
    /// alone) that `run` sets up, runs and observes.
    static func explore<Observed>(_ module: Module, _ run: (Interpreter) -> Observed) -> [PathOutcome<Observed>] {
        let scopes = ScopeBuilder()
        return PathExplorer.explore(maxPaths: maxPaths, maxDepth: maxDepth, maxSteps: maxSteps) { choices in
            let interp = Interpreter(module: module, maxSteps: choices.stepBudget ?? 60_000, scopes: scopes)
            interp.choices = choices
            let observed = run(interp)
            return PathOutcome(choices, observed: observed, steps: interp.steps)
        }
    }
}

enum FunctionPaths {
    static let maxPaths = 8
    static let maxDepth = 3
    static let maxSteps = 6_000
}

/// Counters for `bench analyze`: how much forking the analysis did (not thread-safe; the bench is).
public enum PathStats {
    nonisolated(unsafe) public static var explorations = 0
    nonisolated(unsafe) public static var runs = 0
    nonisolated(unsafe) public static var finalPaths = 0
}
