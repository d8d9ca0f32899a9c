/// Entry point of the Python front end. PLACEHOLDER until the parser lands: returns an empty module.
public enum PythonParser {
    /// Parses a whole file. Never fails: the tree comes with the errors the parser recovered from.
    public static func parse(_ source: String) -> ParsedModule {
        ParsedModule(module: Module(body: []), errors: [])
    }
}
