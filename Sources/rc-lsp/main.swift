// Kept to one call: closures in top-level code pay actor-isolation checks on every call (DESIGN.md).
import Foundation

exit(CommandLineInterface.run(Array(CommandLine.arguments.dropFirst())))
