import XCTest
@testable import Analysis

/// The tree of choices over conditions the analysis cannot decide: which plans get run, and when the
/// exploration stops.
final class PathExplorerTests: XCTestCase {
    /// A fake run over a program with `conditions` undecidable conditions on lines 10, 20, ...
    private func run(_ conditions: Int, steps: Int = 1) -> (PathChoices) -> PathOutcome<[Bool]> {
        { choices in
            for i in 0..<conditions { if choices.next(line: 10 * (i + 1)) == nil { break } }
            return PathOutcome(choices, observed: choices.made, steps: steps)
        }
    }

    func testAProgramWithoutUndecidableConditionsRunsOnce() {
        let paths = PathExplorer.explore(maxPaths: 8, maxDepth: 3, maxSteps: 100, run: run(0))
        XCTAssertEqual(paths.map(\.observed), [[]])
    }

    func testEveryCombinationIsRunOnceWhenTheBudgetAllows() {
        let paths = PathExplorer.explore(maxPaths: 8, maxDepth: 3, maxSteps: 100, run: run(2))
        XCTAssertEqual(paths.map(\.observed), [[false, false], [true, false], [false, true], [true, true]])
        XCTAssertTrue(paths.allSatisfy { $0.unplannedLine == nil })
    }

    func testEarlierConditionsSplitFirstAndDeeperOnesAreGivenUp() {
        let paths = PathExplorer.explore(maxPaths: 8, maxDepth: 2, maxSteps: 100, run: run(10))
        XCTAssertEqual(paths.map(\.observed), [[false, false], [true, false], [false, true], [true, true]])
        // The runs gave up on the third condition: that is what keeps them sound.
        XCTAssertEqual(paths.map(\.unplannedLine), [30, 30, 30, 30])
    }

    func testThePathBudgetBoundsTheRuns() {
        let paths = PathExplorer.explore(maxPaths: 3, maxDepth: 8, maxSteps: 100, run: run(10))
        XCTAssertEqual(paths.map(\.observed), [[false, false], [true], [false, true]])
        XCTAssertEqual(paths.map(\.unplannedLine), [30, 20, 30])
    }

    func testTheStepBudgetStopsForking() {
        // Forks are decided during the first run, before its steps are counted: it forks; later runs
        // find the budget spent.
        let paths = PathExplorer.explore(maxPaths: 64, maxDepth: 8, maxSteps: 5, run: run(10, steps: 6))
        XCTAssertEqual(paths.count, 9)
        XCTAssertTrue(paths.dropFirst().allSatisfy { $0.observed.count == $0.plan.count })
    }

    func testAReplayThatMeetsOtherConditionsFallsBackToOneRunThatForksNothing() {
        var calls = 0
        let paths = PathExplorer.explore(maxPaths: 8, maxDepth: 3, maxSteps: 100) { choices -> PathOutcome<Int> in
            calls += 1
            _ = choices.next(line: calls)
            return PathOutcome(choices, observed: calls, steps: 1)
        }
        XCTAssertEqual(paths.map(\.observed), [3])
        XCTAssertEqual(paths[0].unplannedLine, 3)
    }

    func testEachObservationIsRecordedByOnePathOnly() {
        // Runs that agree on their first choices see the same until then: only the one that went on
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
