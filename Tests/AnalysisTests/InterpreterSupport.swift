import XCTest
@testable import Analysis

/// Runs the interpreter over a snippet and answers "what count did NAME have at this point", the way the
/// oracle reports it; every run also re-derives all counts from the state at every point.
struct InterpretedProgram {
    let interp: Interpreter

    init(_ source: String, file: StaticString = #filePath, line: UInt = #line) {
        interp = Interpreter(module: PythonParser.parse(source).module)
        interp.checkCounts = true
        interp.run()
        interp.finishProgram()
        XCTAssertEqual(interp.countCheckFailures, [], "counts differ from the graph", file: file, line: line)
    }

    /// The joined count of `name` at (event, line, frame): an Int when exact and unique, else a description.
    func rc(_ name: String, _ event: PointEvent, _ line: Int, _ frame: String = "<module>") -> String {
        guard let p = interp.recorder.points[PointKey(event: event, line: line, frame: frame)] else { return "no point" }
        guard let b = p.bindings[name] else { return "unbound" }
        return FactsJSON.rcText(b)
    }

    func site(_ name: String, _ event: PointEvent, _ line: Int, _ frame: String = "<module>") -> [String] {
        interp.recorder.points[PointKey(event: event, line: line, frame: frame)]?.bindings[name]?.sites.sorted() ?? []
    }

    func cycles(after line: Int) -> [[String]] {
        (interp.recorder.cycles[line] ?? []).sorted { $0.joined() < $1.joined() }
    }

    func garbage(after line: Int) -> [[String]] {
        (interp.recorder.garbageCycles[line] ?? []).sorted { $0.joined() < $1.joined() }
    }
}
