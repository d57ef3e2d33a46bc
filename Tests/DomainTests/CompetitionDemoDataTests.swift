import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import Testing

@Suite("Competition demo data: the registry's demo workers, students, judges' marks and studios, within the service's rules")
struct CompetitionDemoDataTests {
    static let data = CompetitionDemoData(persons: 3_000, enterprises: 150, seed: 11)

    /// Every file `write(to:)` writes, by name.
    static func files(_ data: CompetitionDemoData) throws -> [String: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("competition-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try data.write(to: directory)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
        }
        return files
    }

    /// A file's records after its header, which must be `header`.
    static func records(_ text: String?, header: [String]) throws -> [[String]] {
        let lines = try #require(text).split(separator: "\n").map(String.init)
        #expect(try CSVRow.parse(lines[0]) == header)
        return try lines.dropFirst().map { try CSVRow.parse($0) }
    }

    @Test func sameSeedSameBytesOtherSeedOtherData() throws {
        let first = try Self.files(Self.data)
        #expect(try Self.files(CompetitionDemoData(persons: 3_000, enterprises: 150, seed: 11)) == first)
        let other = try Self.files(CompetitionDemoData(persons: 3_000, enterprises: 150, seed: 12))
        #expect(other[CompetitionCSVFormat.entriesFileName] != first[CompetitionCSVFormat.entriesFileName])
        #expect(other[CompetitionCSVFormat.marksFileName(judge: "J01")] != first[CompetitionCSVFormat.marksFileName(judge: "J01")])
    }

    /// The competition and its events parse back to what was generated and pass the service's
    /// rules: maxima add up to 100 marks, judgement criteria have three judges or more, every
    /// judge is one the local PKI issues.
    @Test func competitionAndEventsParseBackAndKeepTheSchemeRules() throws {
        typealias Column = CompetitionCSVFormat.EventColumn
        let files = try Self.files(Self.data)
        let competitions = try Self.records(files[CompetitionCSVFormat.competitionsFileName], header: CompetitionCSVFormat.competitionHeader)
        #expect(competitions == Self.data.competitions().map(CompetitionDemoData.competitionFields))
        let competition = try #require(Self.data.competitions().first)
        #expect(competition.kind == .annualCity && competition.level == .city && competition.year == 2021)
        #expect(competition.awardRule.namesTechnicalExperts && competition.awardRule.promotesOneLevel)
        // The promoting institution is the evaluation demo's, with every occupation in scope.
        let institution = try #require(EvaluationDemoData(persons: 0, enterprises: 150, seed: 11).institutions().first { $0.code == competition.awardRule.institutionCode })
        let events = Self.data.events()
        for event in events {
            #expect(institution.scope.contains { $0.occupation == event.occupation })
        }

        let rows = try Self.records(files[CompetitionCSVFormat.eventsFileName], header: CompetitionCSVFormat.eventHeader)
        #expect(rows.count == events.count && events.count == 8)
        var judged = Set<String>()
        for (fields, event) in zip(rows, events) {
            #expect(fields == CompetitionDemoData.eventFields(event))
            #expect(CompetitionCSVFormat.parseCriteria(fields[Column.criteria.index]) == event.criteria)
            #expect(CompetitionCSVFormat.parseJudges(fields[Column.judges.index]) == event.judges)
            #expect(CompetitionCSVFormat.group.value(for: fields[Column.group.index]) == event.group)
            #expect(event.criteria.reduce(0) { $0 + $1.maximum } == 10_000)
            #expect(Set(event.criteria.map(\.code)).count == event.criteria.count)
            #expect(Set(event.criteria.map(\.type)) == [.measurement, .judgement])
            #expect(event.judges.count >= 3 && Set(event.judges).count == event.judges.count)
            #expect(OccupationCatalogue.default.occupation(code: event.occupation) != nil)
            judged.formUnion(event.judges)
        }
        #expect(judged == Set(CompetitionDemoData.judgeCodes))
        #expect(Set(events.map(\.group)) == [.workers, .students])
        // Some judges sit on two events.
        #expect(events.flatMap(\.judges).count > judged.count)
    }

    /// Workers are valid registry demo persons, employed, in the event's occupation; students
    /// carry a school and county and valid ID numbers no registry person has; competitor
    /// numbers follow the file, event by event.
    @Test func entriesAreRegistryWorkersAndStudents() throws {
        typealias Column = CompetitionCSVFormat.EntryColumn
        let rows = try Self.records(try Self.files(Self.data)[CompetitionCSVFormat.entriesFileName], header: CompetitionCSVFormat.entryHeader)
        let entries = Self.data.entries()
        #expect(rows == entries.map { CompetitionDemoData.entryFields($0.request) })
        let persons = Dictionary(uniqueKeysWithValues: RegistryDemoData(persons: 3_000, enterprises: 0, seed: 11).persons().map { ($0.idNumber, $0) })
        let events = Dictionary(uniqueKeysWithValues: Self.data.events().map { ($0.code, $0) })
        var sequence: [String: Int] = [:]
        var seen = Set<String>()
        for entry in entries {
            let event = try #require(events[entry.request.eventCode])
            #expect(entry.group == event.group)
            #expect(seen.insert(entry.request.eventCode + entry.request.idNumber).inserted)
            sequence[event.code, default: 0] += 1
            #expect(entry.number == CompetitionCSVFormat.entryNumber(event: event.code, sequence: sequence[event.code]!))
            #expect(entry.number.hasPrefix(event.code + "-") && entry.number.count == event.code.count + 5)
            #expect((0.40...0.95).contains(entry.skill))
            #expect((try? ResidentIDNumber.parse(entry.request.idNumber)) != nil)
            if event.group == .workers {
                let person = try #require(persons[entry.request.idNumber], "not a registry demo person: \(entry.request)")
                #expect(person.defect == nil && person.employment == .employed)
                #expect(person.occupation?.code == event.occupation)
                #expect(person.name == entry.request.name && entry.request.school.isEmpty && entry.request.county == 0)
            } else {
                #expect(persons[entry.request.idNumber] == nil)
                #expect(!entry.request.school.isEmpty && JinchengDivisions.countyCodes.contains(entry.request.county))
                #expect(!entry.request.name.isEmpty)
            }
        }
        for event in events.values { #expect((sequence[event.code] ?? 0) >= 6, "\(event.code)") }
        #expect(Set(rows.map { $0[Column.county.index] }).count > 2)
    }

    /// With the registry demo's broken rows, none of them enters.
    @Test func brokenRegistryRowsNeverEnter() {
        let data = CompetitionDemoData(persons: 2_000, enterprises: 50, seed: 5, invalidRowEvery: 7)
        let valid = Set(RegistryDemoData(persons: 2_000, enterprises: 0, seed: 5, invalidRowEvery: 7).persons().filter { $0.defect == nil }.map(\.idNumber))
        let workers = data.entries().filter { $0.group == .workers }
        #expect(!workers.isEmpty && workers.allSatisfy { valid.contains($0.request.idNumber) })
    }

    /// Each judge's file holds only their events' marks, every mark within its maximum;
    /// measurements have one mark from the event's first judge, judgements three scores from
    /// judges of the event; some entries are absent and some judgements flagged.
    @Test func marksFollowTheJudgesAndTheSchemes() throws {
        typealias Column = CompetitionCSVFormat.MarkColumn
        let files = try Self.files(Self.data)
        let events = Dictionary(uniqueKeysWithValues: Self.data.events().map { ($0.code, $0) })
        let numbers = Set(Self.data.entries().map(\.number))
        var scores: [String: [String: UInt32]] = [:]
        var marked = Set<String>()
        for judge in CompetitionDemoData.judgeCodes {
            let rows = try Self.records(files[CompetitionCSVFormat.marksFileName(judge: judge)], header: CompetitionCSVFormat.markHeader)
            #expect(!rows.isEmpty, "\(judge)")
            for fields in rows {
                let event = try #require(events[fields[Column.eventCode.index]])
                #expect(fields[Column.competitionCode.index] == event.competitionCode)
                #expect(event.judges.contains(judge))
                let number = fields[Column.entryNumber.index]
                #expect(numbers.contains(number) && number.hasPrefix(event.code + "-"))
                let criterion = try #require(event.criteria.first { $0.code == fields[Column.criterionCode.index] })
                let mark = try #require(CompetitionCSVFormat.parseMarks(fields[Column.mark.index]))
                #expect(mark <= criterion.maximum)
                #expect(CompetitionCSVFormat.formatMarks(mark) == fields[Column.mark.index])
                if criterion.type == .measurement { #expect(judge == event.judges[0]) }
                let key = "\(number)/\(criterion.code)"
                #expect(scores[key, default: [:]].updateValue(mark, forKey: judge) == nil, "two marks of \(judge) for \(key)")
                marked.insert(number)
            }
        }
        var flagged = 0
        for (key, byJudge) in scores {
            let number = String(key.split(separator: "/")[0])
            let event = events[String(number.split(separator: "-")[0])]!
            let criterion = event.criteria.first { $0.code == String(key.split(separator: "/")[1]) }!
            #expect(byJudge.count == (criterion.type == .judgement ? 3 : 1), "\(key)")
            if criterion.type == .judgement {
                let bound = event.spreadBound > 0 ? event.spreadBound : criterion.maximum / 5
                if byJudge.values.max()! - byJudge.values.min()! > bound { flagged += 1 }
            }
        }
        #expect(flagged > 0)
        #expect(marked.count < numbers.count && marked.count > numbers.count * 9 / 10)
    }

    /// Studios: every master holds 技师 or 高级技师 in the evaluation demo's certificates; one
    /// county and some large enterprises go without; far below the plan's fifty.
    @Test func studiosHaveQualifiedMastersAndLeaveGaps() throws {
        typealias Certificate = EvaluationCSVFormat.CertificateColumn
        let files = try Self.files(Self.data)
        let studios = Self.data.studios()
        let rows = try Self.records(files[CompetitionCSVFormat.studiosFileName], header: CompetitionCSVFormat.studioHeader)
        #expect(rows == studios.map(CompetitionDemoData.studioFields))
        var sink = StringCSVSink()
        try EvaluationDemoData(persons: 3_000, enterprises: 150, seed: 11).writeCertificates(to: &sink)
        let certificates = try Self.records(sink.text, header: EvaluationCSVFormat.certificateHeader)
        let registry = RegistryDemoData(persons: 0, enterprises: 150, seed: 11)
        let enterprises = Dictionary(uniqueKeysWithValues: (1...150).map { registry.enterprise(row: $0) }.map { ($0.creditCode, $0) })
        #expect(!studios.isEmpty && studios.count < 50)
        #expect(Set(studios.map(\.masterIDNumber)).count == studios.count)
        for studio in studios {
            let held = certificates.filter { $0[Certificate.holderIDNumber.index] == studio.masterIDNumber }
            #expect(held.contains { ["1", "2"].contains($0[Certificate.level.index])
                && ["skill_level", "vocational_qualification"].contains($0[Certificate.kind.index])
                && $0[Certificate.holderName.index] == studio.masterName }, "\(studio.code)")
            #expect(JinchengDivisions.countyCodes.contains(studio.county) && studio.county != 140521)
            if !studio.hostCreditCode.isEmpty {
                let host = try #require(enterprises[studio.hostCreditCode])
                #expect(host.staffCount >= 300 && host.county == studio.county)
            }
            #expect(CalendarDate(yyyymmdd: studio.establishedOn) != nil && studio.level != .unspecified)
        }
        #expect(studios.contains { !$0.hostCreditCode.isEmpty } && studios.contains { $0.hostCreditCode.isEmpty })
        let large = enterprises.values.filter { $0.staffCount >= 300 }.map(\.creditCode)
        #expect(large.contains { code in !studios.contains { $0.hostCreditCode == code } })
        let years = try Self.records(files[CompetitionCSVFormat.studioYearsFileName], header: CompetitionCSVFormat.studioYearHeader)
        #expect(years == Self.data.studioYears().map(CompetitionDemoData.studioYearFields))
        for year in Self.data.studioYears() {
            let studio = try #require(studios.first { $0.code == year.studioCode })
            #expect(studio.establishedOn / 10_000 <= year.year && year.apprenticesMentored > 0)
        }
    }

    @Test func marksAndCriteriaTextRoundTrip() {
        #expect(CompetitionCSVFormat.parseMarks("12.50") == 1_250)
        #expect(CompetitionCSVFormat.parseMarks("12.5") == 1_250)
        #expect(CompetitionCSVFormat.parseMarks("12") == 1_200)
        #expect(CompetitionCSVFormat.parseMarks("0.05") == 5)
        for bad in ["", "-1", "1.234", "1.", ".5", "a", "1,5", "12.5x", "1234567"] {
            #expect(CompetitionCSVFormat.parseMarks(bad) == nil, "\(bad)")
        }
        #expect(CompetitionCSVFormat.formatMarks(UInt32(1_250)) == "12.50")
        #expect(CompetitionCSVFormat.formatMarks(UInt32(5)) == "0.05")
        #expect(CompetitionCSVFormat.formatMarks(UInt32(10_000)) == "100.00")
        let criterion = Criterion(code: "A1", description: "尺寸: 精度", type: .measurement, maximum: 2_500)
        #expect(CompetitionCSVFormat.formatCriterion(criterion) == "A1:measurement:25.00:尺寸: 精度")
        #expect(CompetitionCSVFormat.parseCriterion("A1:measurement:25.00:尺寸: 精度") == criterion)
        #expect(CompetitionCSVFormat.parseCriterion("B1:评价:20") == Criterion(code: "B1", type: .judgement, maximum: 2_000))
        #expect(CompetitionCSVFormat.parseCriterion("A1:measurement") == nil)
        #expect(CompetitionCSVFormat.parseCriterion("A1:objective:25.00") == nil)
        #expect(CompetitionCSVFormat.parseCriteria("A1:measurement:60;B1:judgement:40.00") == [
            Criterion(code: "A1", type: .measurement, maximum: 6_000), Criterion(code: "B1", type: .judgement, maximum: 4_000),
        ])
        #expect(CompetitionCSVFormat.parseJudges(" J01; J02;;J03 ") == ["J01", "J02", "J03"])
        #expect(CompetitionCSVFormat.entryNumber(event: "E01", sequence: 7) == "E01-0007")
        #expect(CompetitionCSVFormat.judgeIdentity("J01") == "judge-J01")
        #expect(CompetitionCSVFormat.kind.value(for: "全市职业技能大赛") == .annualCity)
        #expect(CompetitionCSVFormat.studioLevel.value(for: "provincial") == .provincial)
    }
}
