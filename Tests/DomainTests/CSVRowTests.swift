import JCSkillsDemoData
import Testing

@Suite("CSV rows (RFC 4180)")
struct CSVRowTests {
    @Test func plainFields() throws {
        #expect(try CSVRow.parse("a,b,c") == ["a", "b", "c"])
        #expect(try CSVRow.parse("a,,c,") == ["a", "", "c", ""])
        #expect(try CSVRow.parse("") == [""])
        #expect(CSVRow.format(["a", "b"]) == "a,b")
    }

    @Test func quotingRoundTrip() throws {
        let fields = ["王芳", "晋城市, 泽州县", "say \"hi\"", "", "\"", ",", "陵川县棋源叉车工", " spaced "]
        let line = CSVRow.format(fields)
        #expect(line == "王芳,\"晋城市, 泽州县\",\"say \"\"hi\"\"\",,\"\"\"\",\",\",陵川县棋源叉车工, spaced ")
        #expect(try CSVRow.parse(line) == fields)
    }

    @Test func lineEndingsAndBOM() throws {
        #expect(try CSVRow.parse("a,\"b\"\r") == ["a", "b"])
        #expect(try CSVRow.parse("\u{FEFF}id_number,name") == ["id_number", "name"])
        #expect(try CSVRow.parse("a,b"[...]) == ["a", "b"])
    }

    @Test func malformedLines() {
        #expect(throws: CSVRow.Error.unterminatedQuote(column: 2)) { try CSVRow.parse("a,\"b,c") }
        #expect(throws: CSVRow.Error.textAfterClosingQuote(column: 1)) { try CSVRow.parse("\"a\"b,c") }
        #expect(throws: CSVRow.Error.quoteInUnquotedField(column: 3)) { try CSVRow.parse("a,b,c\"d") }
    }

    @Test func fieldsWithLineBreaksAreQuoted() {
        #expect(CSVRow.format(["a\nb", "c"]) == "\"a\nb\",c")
    }
}
