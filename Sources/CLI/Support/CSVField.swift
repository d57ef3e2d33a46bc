import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// The cell parsing every CSV mapping shares; each failure is a ``RowFailure`` naming the line
/// and the column, so an import reports it as that row's error.
enum CSVField {
    /// One of `vocabulary`'s terms (its slug, Chinese name or number); `allowUnspecified`
    /// accepts the term for 0.
    static func term<T>(_ vocabulary: CSVVocabulary<T>, _ text: String, _ column: String, _ line: UInt32,
                        allowUnspecified: Bool = true) throws(RowFailure) -> T {
        guard let value = vocabulary.value(for: text), allowUnspecified || value.rawValue != 0 else {
            throw RowFailure(line: line, column: column, reason: Messages.Import.notOneOf(text, vocabulary.terms.map(\.slug).joined(separator: ", ")).text())
        }
        return value
    }

    static func number(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> Int32 {
        guard let value = Int32(text), value >= 0 else {
            throw RowFailure(line: line, column: column, reason: Messages.Import.notANumber(text).text())
        }
        return value
    }

    /// `yyyy-mm-dd` (or `yyyymmdd`) → `yyyymmdd`; an empty cell is `empty` when given, an
    /// error otherwise.
    static func date(_ text: String, _ column: String, _ line: UInt32, empty: Int32? = nil) throws(RowFailure) -> Int32 {
        if text.isEmpty, let empty { return empty }
        guard let date = CalendarDate.parse(text) else {
            throw RowFailure(line: line, column: column, reason: Messages.Import.notADate(text).text())
        }
        return date.yyyymmdd
    }

    static func flag(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> Bool {
        guard let value = RegistryCSVFormat.parseBool(text) else {
            throw RowFailure(line: line, column: column, reason: Messages.Import.expectedTrueOrFalse.text())
        }
        return value
    }
}
