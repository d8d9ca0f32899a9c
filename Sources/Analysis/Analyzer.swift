/// Entry point of the analysis: source text in, facts out. Pure: the same text gives the same facts; it
/// never runs, imports or reads anything. PLACEHOLDER until the interpreter lands.
public enum Analyzer {
    public static func analyze(_ source: String) -> AnalysisResult {
        let parsed = PythonParser.parse(source)
        return AnalysisResult(syntaxErrors: parsed.errors)
    }
}
