import JCSkillsDemoData
import Testing

/// Records the fuzzer (Fuzz/, target fuzz-csv) found that CSVRow does not write so that they
/// read back; the inputs are kept in Fuzz/crashes/fuzz-csv/. Both are open: `withKnownIssue`
/// keeps the suite green while they are, and fails once they are fixed — then drop the
/// wrapper, and the issue's name from FUZZ_KNOWN_ISSUES in scripts/fuzz.
@Suite("Fuzz regressions: CSV")
struct FuzzRegressionTests {
    /// Fuzz/crashes/fuzz-csv/csv-combining-quote (`x\n"""\u{301}"\n`): the field is a quote
    /// followed by U+0301. CSVRow.appendField doubles quotes per Character, and `"` + U+0301 is
    /// one Character that is not `"`, so the quote goes out undoubled: `""́"`, which CSVRow.parse
    /// refuses (text after the closing quote). An export holding such a name cannot be imported.
    @Test func quoteFollowedByACombiningMark() throws {
        let fields = try CSVRow.parse("\"\"\"\u{301}\"")
        #expect(fields == ["\"\u{301}"])
        withKnownIssue("CSVRow.format leaves a quote followed by a combining mark undoubled") {
            let again = try CSVRow.parse(CSVRow.format(fields))
            #expect(again == fields)
        }
    }

    /// Fuzz/crashes/fuzz-csv/csv-leading-bom: a first field that starts with U+FEFF is written
    /// unquoted, and CSVRow.parse drops a leading byte-order mark, so the field loses it.
    @Test func firstFieldStartingWithAByteOrderMark() throws {
        let fields = ["\u{FEFF}x", "y"]
        withKnownIssue("CSVRow.format does not quote a first field starting with U+FEFF") {
            let again = try CSVRow.parse(CSVRow.format(fields))
            #expect(again == fields)
        }
    }
}
