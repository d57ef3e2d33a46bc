import Foundation
import Testing

/// No user-facing English left in the tools' sources: a literal printed, thrown or shown as
/// help must come from the catalogue (`Messages.<Area>.<name>.text()`), so that every text has
/// its Chinese. Reads the sources of `jcskills` (Sources/CLI), `jcskills-load` (Sources/Load)
/// and the reports `jcskills-load` prints (Sources/LoadKit).
@Suite("No English literal outside the catalogue")
struct EnglishLiteralLintTests {
    static let directories = ["Sources/CLI", "Sources/Load", "Sources/LoadKit"]

    /// Where a literal is shown to a user.
    static let tokens = [
        "print(", "printError(", "writeError(", "ValidationError(", "CLIError(", "CompetitionLoadError(", "RowFailure(",
        "reason: ", "help: ", "ArgumentHelp(", "abstract: ", "discussion: ", "ProgressBar(label: ", "Error(description: ",
        "stoppedEarly: ",
    ]

    /// What a literal may hold without being English prose: flags (`--lang`), file names
    /// (`persons.csv`), status and column names in capitals (`UNAVAILABLE`), the tools' names,
    /// escapes (`\r`), units, addresses (`http://127.0.0.1:9101/metrics`), and `pid`, the
    /// process id as every operator reads it.
    static let neutral: [String] = [
        #"--?[A-Za-z][A-Za-z0-9-]*"#, #"[\w./<>*-]+\.(csv|json|txt|pub|key|crt|yaml|sqlite)\b"#, #"\b[A-Z][A-Z0-9_]+\b"#,
        #"\bjcskills[\w-]*"#, #"\\[a-z]"#, #"\\u\{[0-9A-Fa-f]+\}"#, #"\b(µs|ms|MiB|ns|pid)\b"#, #"https?://\S*"#,
    ]

    /// Literals that are not prose although they look like it, each with why.
    static let allowed: Set<String> = [
        "A", "B",  // the two reports compared, as `compare` names them
    ]

    static func prose(_ literal: String) -> Bool {
        guard !allowed.contains(literal) else { return false }
        var text = literal.withoutInterpolations
        for pattern in neutral {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.range(of: #"[A-Za-z]{2,}"#, options: .regularExpression) != nil
    }

    @Test("the lint tells prose from names")
    func rule() {
        #expect(Self.prose("cannot read \\(path)"))
        #expect(Self.prose("Print JSON instead of one line."))
        #expect(!Self.prose("persons.csv"))
        #expect(!Self.prose("--endpoint"))
        #expect(!Self.prose("\\r\\u{1B}[K"))
    }

    @Test("every user-facing literal of the tools comes from the catalogue")
    func noEnglish() throws {
        let sources = try SwiftSource.sources(under: Self.directories)
        #expect(sources.count > 50)
        var found: [String] = []
        for (file, source) in sources {
            for token in Self.tokens {
                for literal in source.literals(after: token) where Self.prose(literal.text) {
                    found.append("\(file):\(literal.line): \(token)\"\(literal.text.prefix(70))\"")
                }
            }
        }
        #expect(found.isEmpty, "English outside the catalogue (Sources/Messages/Catalogue):\n\(found.joined(separator: "\n"))")
    }
}
