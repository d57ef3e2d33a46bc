import JCSkillsDemoData
import Testing

/// Records the fuzzer (Fuzz/, target fuzz-csv) found that CSVRow once wrote so that they did
/// not read back; the inputs are kept in Fuzz/crashes/fuzz-csv/.
@Suite("Fuzz regressions: CSV")
struct FuzzRegressionTests {
    /// Fuzz/crashes/fuzz-csv/csv-combining-quote (`x\n"""\u{301}"\n`): the field is a quote
    /// followed by U+0301. CSVRow.appendField doubles quotes per Character, and `"` + U+0301 is
    /// one Character that is not `"`, so the quote went out undoubled: `""́"`, which CSVRow.parse
    /// refuses (text after the closing quote). An export holding such a name could not be imported.
    @Test func quoteFollowedByACombiningMark() throws {
        let fields = try CSVRow.parse("\"\"\"\u{301}\"")
        #expect(fields == ["\"\u{301}"])
        let again = try CSVRow.parse(CSVRow.format(fields))
        #expect(again == fields)
    }

    /// Fuzz/crashes/fuzz-csv/csv-leading-bom: a first field that starts with U+FEFF is written
    /// was written unquoted, and CSVRow.parse drops a leading byte-order mark, so the field lost it.
    @Test func firstFieldStartingWithAByteOrderMark() throws {
        let fields = ["\u{FEFF}x", "y"]
        let again = try CSVRow.parse(CSVRow.format(fields))
        #expect(again == fields)
    }
}
