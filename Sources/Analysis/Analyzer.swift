/// Entry point of the analysis: source text in, facts out. Pure: the same text gives the same facts; it
/// never runs, imports or reads anything. Parses, runs the abstract interpreter over the module within its
/// work budget, and collects what the editor features need.
public enum Analyzer {
    public static func analyze(_ source: String) -> AnalysisResult {
        let parsed = PythonParser.parse(source)
        let interp = Interpreter(module: parsed.module)
        interp.recordsPoints = false
        let builder = ResultBuilder(interp, source: source)
        interp.run()
        interp.analyzeUncalledFunctions()
        return builder.result(syntaxErrors: parsed.errors)
    }
}
