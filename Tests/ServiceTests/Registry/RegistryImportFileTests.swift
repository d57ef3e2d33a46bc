import CoreFoundation
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// Files as county offices have them — saved by a spreadsheet on a Chinese Windows desktop,
/// with an oversize cell, with a person typed in twice — imported through the command-line
/// client (`jcskills registry import`, the real executable) into a registry served over TLS.
/// Nothing may be lost or changed silently: every row goes in as written or is reported by line.
@Suite("Registry: importing files as offices have them, through the command-line client", .timeLimit(.minutes(5)))
struct RegistryImportFileTests {
    typealias Column = RegistryCSVFormat.PersonColumn

    /// Demo persons: the header and each record's fields.
    static func records(_ count: Int, seed: UInt64 = 5) throws -> (header: [String], rows: [[String]]) {
        let csv = RegistryDemoData.generate(persons: count, enterprises: 0, seed: seed).personsCSV
        let lines = csv.split(separator: "\n")
        return (try CSVRow.parse(lines[0]), try lines.dropFirst().map { try CSVRow.parse($0) })
    }

    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(CSVRow.format).joined(separator: "\n") + "\n"
    }

    /// `text` in a Windows code page, encoded by Foundation (ICU), not by the iconv the client reads with.
    static func encoded(_ text: String, _ codePage: CFStringEncodings) throws -> Data {
        let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(codePage.rawValue)))
        return try #require(text.data(using: encoding, allowLossyConversion: false))
    }

    /// Runs `jcskills registry import FILE …` against `registry`; killed if it runs past `seconds`.
    static func importFile(_ data: Data, _ registry: RegistryHarness, options: [String] = [], seconds: Double = 120) async throws -> (status: Int32?, output: String) {
        let home = try makeTemporaryDirectory("jcskills-import-file")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let file = "\(home)/persons.csv"
        try data.write(to: URL(fileURLWithPath: file))
        let process = try launch("jcskills", ["registry", "import", file, "--endpoint", "127.0.0.1:\(registry.endpoint.port)",
                                              "--tls", TestPKI.shared.directory, "--as", "admin", "--lang", "en"] + options, log: "\(home)/output")
        let status = await waitForExit(process, seconds: seconds)
        if status == nil {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return (status, (try? String(contentsOfFile: "\(home)/output", encoding: .utf8)) ?? "")
    }

    static func name(of id: String, _ client: RPCClient) async throws -> String {
        try await client.unary(RegistryService.getPerson, PersonLookup(idNumber: id)).name
    }

    @Test(arguments: TestDatabases.backends)
    func aGBKOrBig5FileIsReadAsTheCharactersItHolds(backend: TestBackend) async throws {
        let (header, rows) = try Self.records(40)
        let gbk = Array(rows.prefix(20))
        // Big5 has traditional characters only: names of the Taiwan and Hong Kong kind, and the
        // Chinese occupation names (not imported) left out.
        let traditional = ["陳美玲", "張偉", "王芳", "林志明", "黃淑芬", "劉德華", "李嘉欣", "吳宗憲", "蔡依林", "鄭秀文",
                           "許志安", "謝霆鋒", "羅志祥", "楊千嬅", "周杰倫", "梁朝偉", "郭富城", "何韻詩", "馬英九", "蕭敬騰"]
        let big5 = rows.dropFirst(20).enumerated().map { index, fields in
            var fields = fields
            fields[Column.name.index] = traditional[index]
            fields[Column.occupationName.index] = ""
            fields[Column.trainingWishName.index] = ""
            return fields
        }
        try await RegistryHarness.with(backend) { registry in
            // Found by itself: not UTF-8, so GB18030, which GBK (code page 936) is part of.
            let first = try await Self.importFile(try Self.encoded(Self.csv(header, gbk), .dosChineseSimplif), registry)
            #expect(first.status == 0, "\(first.output)")
            #expect(first.output.contains("accepted            20"))
            // Big5 (code page 950) is never guessed: its bytes are GB18030 too. Declared, it reads.
            let second = try await Self.importFile(try Self.encoded(Self.csv(header, big5), .dosChineseTrad), registry, options: ["--encoding", "big5"])
            #expect(second.status == 0, "\(second.output)")
            #expect(second.output.contains("accepted            20"))
            try await registry.client("admin") { client in
                for fields in gbk + big5 {
                    let name = try await Self.name(of: fields[Column.idNumber.index], client)
                    #expect(name == fields[Column.name.index])
                }
            }
            // The same GBK file declared UTF-8: every row an error by line, none stored as U+FFFD.
            let wrong = try await Self.importFile(try Self.encoded(Self.csv(header, Array(rows.prefix(3))), .dosChineseSimplif), registry,
                                                  options: ["--encoding", "utf-8"])
            #expect(wrong.status == 3, "\(wrong.output)")
            #expect(wrong.output.contains("rejected            3"))
            for line in 2...4 { #expect(wrong.output.contains("line \(line): not UTF-8 text")) }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func anOversizeRowIsThatRowsErrorAndItsNeighboursGoIn(backend: TestBackend) async throws {
        let (header, rows) = try Self.records(20)
        var fields = rows
        let megabyte = String(repeating: "王", count: 350_000)  // 1 MB of UTF-8
        let oversize = [2, 6, 10, 14, 18]  // offsets; file lines 4, 8, 12, 16, 20
        for offset in oversize { fields[offset][Column.name.index] = megabyte }
        try await RegistryHarness.with(backend) { registry in
            let result = try await Self.importFile(Data(Self.csv(header, fields).utf8), registry)
            #expect(result.status == 3, "\(result.output.prefix(2_000))")
            #expect(result.output.contains("accepted            15"))
            #expect(result.output.contains("rejected            5"))
            for offset in oversize {
                #expect(result.output.contains("line \(offset + 2): the line is \(CSVRow.format(fields[offset]).utf8.count) bytes long"))
            }
            try await registry.client("admin") { client in
                let stats = try await client.unary(RegistryService.statistics, StatisticsRequest())
                #expect(stats.registered == 15)
            }
            // A long field on a line within the limit: the field's row error, with its column.
            var occupation = rows[0]
            occupation[Column.occupation.index] = String(repeating: "6-", count: 2_500)
            let field = try await Self.importFile(Data(Self.csv(header, [occupation]).utf8), registry)
            #expect(field.status == 3)
            #expect(field.output.contains("line 2, occupation: is 5000 bytes long; a field has at most 4096"))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aPersonTwiceInOneFileIsReportedByLine(backend: TestBackend) async throws {
        let (header, rows) = try Self.records(10)
        var changed = rows[1]
        changed[Column.name.index] = "另一个名字"
        // Lines 2–11, then line 12 = line 2 exactly, and line 13 = line 3 with another name.
        let file = rows + [rows[0], changed]
        try await RegistryHarness.with(backend) { registry in
            let result = try await Self.importFile(Data(Self.csv(header, file).utf8), registry)
            #expect(result.status == 3, "\(result.output)")
            #expect(result.output.contains("accepted            10"))
            #expect(result.output.contains("already registered  0"))
            #expect(result.output.contains("duplicates in file  1"))
            #expect(result.output.contains("rejected            1"))
            #expect(result.output.contains("line 12, id_number: the same ID number as line 2, an identical row: imported once"))
            #expect(result.output.contains("line 13, id_number: the same ID number as line 3, with other values: not imported"))
            try await registry.client("admin") { client in
                let name = try await Self.name(of: rows[1][Column.idNumber.index], client)
                #expect(name == rows[1][Column.name.index])
            }
            // Again: the file's own duplicates are still found, the rest is already in.
            let again = try await Self.importFile(Data(Self.csv(header, file).utf8), registry)
            #expect(again.output.contains("already registered  10"))
            #expect(again.output.contains("duplicates in file  1"))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func theRegistryRejectsOversizeFieldsRowByRow(backend: TestBackend) async throws {
        // Straight to the service, past the client's limits: each oversize field is its row's
        // error with a short reason; the rest of the import goes in.
        var rows = try RegistryImportTests.rows(persons: 12, seed: 21)
        let megabyte = String(repeating: "6", count: 1 << 20)
        rows[1].person.name = megabyte
        rows[3].person.occupation = megabyte
        rows[5].person.trainingWish = megabyte
        rows[7].person.phone = megabyte
        let oversize: [UInt32: String] = [rows[1].line: "name", rows[3].line: "occupation", rows[5].line: "training_wish", rows[7].line: "phone"]
        try await RegistryHarness.with(backend) { registry in
            try await registry.client("admin") { client in
                // One row a message: a message holds at most 4 MiB.
                let summary = try await RegistryImportTests.importRows(rows, client, batch: 1)
                #expect(summary.accepted == 8)
                #expect(summary.rejected == 4)
                #expect(Dictionary(uniqueKeysWithValues: summary.errors.map { ($0.line, $0.column) }) == oversize)
                #expect(summary.errors.allSatisfy { $0.reason.utf8.count < 200 })
                #expect(summary.encodedSize() < 4_096)
            }
        }
    }
}
