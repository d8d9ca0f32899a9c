/// Entry point of the analysis: source text in, facts out. Pure: the same text gives the same facts; it
/// never runs, imports or reads anything. Parses, runs the abstract interpreter over the module's paths
/// (PathChoices.swift) within its work budget, then every function the program never calls, and collects
/// what the editor features need.
public enum Analyzer {
    public static func analyze(_ source: String) -> AnalysisResult {
        let parsed = PythonParser.parse(source)
        var builder: ResultBuilder?
        let paths = ModulePaths.explore(parsed.module) { interp in
            interp.recordsPoints = false
            if let builder { builder.attach(interp) } else { builder = ResultBuilder(interp, source: source) }
            builder?.beginPath()
            interp.run()
            return (interp, builder?.endPath() ?? FactSink())
        }
        guard let builder else { return AnalysisResult(syntaxErrors: parsed.errors) }
        builder.commit(paths.map(\.observed.1))
        // Functions are run on their own in the path that defined the most; one called on any path is not.
        if let main = paths.map(\.observed.0).max(by: { $0.moduleStatementsRun < $1.moduleStatementsRun }) {
            for p in paths { main.calledDefinitions.formUnion(p.observed.0.calledDefinitions) }
            builder.attach(main)
            main.analyzeUncalledFunctions(into: builder)
        }
        return builder.result(syntaxErrors: parsed.errors)
    }
}
