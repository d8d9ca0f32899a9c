import XCTest
@testable import Analysis

/// The tree of choices over conditions the analysis cannot decide: which plans get run, and when the
/// exploration stops.
final class PathExplorerTests: XCTestCase {
    /// A fake run over a program with `conditions` undecidable conditions on lines 10, 20, ...
    private func run(_ conditions: Int, steps: Int = 1) -> ([Bool]) -> PathOutcome<[Bool]> {
        { plan in
            let choices = PathChoices(plan: plan)
            for i in 0..<conditions { if choices.next(line: 10 * (i + 1)) == nil { break } }
            return PathOutcome(plan: plan, observed: plan, decidedLines: choices.lines,
                               unplannedLine: choices.unplannedLine, steps: steps)
        }
    }

    func testAProgramWithoutUndecidableConditionsRunsOnce() {
        let paths = PathExplorer.explore(maxPaths: 8, maxSteps: 100, run: run(0))
        XCTAssertEqual(paths.map(\.plan), [[]])
    }

    func testEveryCombinationIsRunWhenTheBudgetAllows() {
        let paths = PathExplorer.explore(maxPaths: 8, maxSteps: 100, run: run(2))
        XCTAssertEqual(paths.map(\.plan), [[true, true], [true, false], [false, true], [false, false]])
        XCTAssertTrue(paths.allSatisfy { $0.unplannedLine == nil })
    }

    func testEarlierConditionsSplitFirstAndTheFrontierStaysAtTheBudget() {
        let paths = PathExplorer.explore(maxPaths: 5, maxSteps: 100, run: run(10))
        XCTAssertEqual(paths.map(\.plan), [[true, true, true], [true, true, false], [true, false],
                                           [false, true], [false, false]])
        // The runs whose plans ran out gave up on the next condition: that is what keeps them sound.
        XCTAssertEqual(paths.map(\.unplannedLine), [40, 40, 30, 30, 30])
    }

    func testTheStepBudgetStopsRefining() {
        let paths = PathExplorer.explore(maxPaths: 64, maxSteps: 5, run: run(10, steps: 2))
        XCTAssertEqual(paths.map(\.plan), [[true], [false]])
    }

    func testAReplayThatMeetsOtherConditionsKeepsItsParent() {
        // A run whose conditions depend on something else than its choices cannot be replayed.
        var calls = 0
        let paths = PathExplorer.explore(maxPaths: 8, maxSteps: 100) { plan -> PathOutcome<Int> in
            calls += 1
            let choices = PathChoices(plan: plan)
            _ = choices.next(line: calls)
            return PathOutcome(plan: plan, observed: calls, decidedLines: choices.lines,
                               unplannedLine: choices.unplannedLine, steps: 1)
        }
        XCTAssertEqual(paths.map(\.plan), [[]])
        XCTAssertNil(paths[0].unplannedLine)
    }

    func testEachObservationIsRecordedByOnePathOnly() {
        // Paths that share their first choices see the same until then: only the one that goes on
        // choosing false records it.
        let c = PathChoices(plan: [true, false, true, false])
        XCTAssertFalse(c.isRecording)
        _ = c.next(line: 1); _ = c.next(line: 2)
        XCTAssertFalse(c.isRecording)
        _ = c.next(line: 3)
        XCTAssertTrue(c.isRecording)
        XCTAssertTrue(PathChoices(plan: [false, false]).isRecording)
        XCTAssertTrue(PathChoices().isRecording)
    }
}
