import JCSkillsProtocol

/// The demo's skill-master studios (技能大师工作室). Their masters are the holders of a 技师 or
/// 高级技师 certificate (level 2 or 1, skill-level or vocational-qualification, both without
/// expiry) in the evaluation demo data of the same persons, enterprises and seed — read from
/// the very rows ``EvaluationDemoData/writeCertificates(to:)`` writes, so the evaluation service
/// confirms every master once that data is loaded.
///
/// One or two studios in every county but 沁水县 (as in the training demo it lacks a labour
/// brand; the report lists it), and one at every second enterprise of ≥ 300 staff that has a
/// master in its county, up to eight (the others show up as large enterprises without one);
/// far fewer than the plan's fifty, so the report shows the gap. The first is national, the
/// next three provincial, the rest city-level; established 2018 – mid-2021, after the master's
/// certificate.
enum CompetitionDemoStudios {
    /// The county left without a studio.
    static let countyWithout: Int32 = 140521
    static let hostedAtMost = 8

    struct Master {
        var idNumber: String
        var name: String
        var county: Int32
        var occupation: String
        var level: SkillLevel
        var issuedOn: CalendarDate
    }

    /// Collects the level 2 and 1 holders from certificates.csv's records as they are written,
    /// in file order, one per person.
    struct MasterSink: CSVSink {
        var masters: [Master] = []
        private var seen = Set<String>()
        private var header = true

        mutating func writeLine(_ line: String) throws {
            if header {
                header = false
                return
            }
            typealias Column = EvaluationCSVFormat.CertificateColumn
            let fields = try CSVRow.parse(line)
            guard fields.count == EvaluationCSVFormat.certificateHeader.count,
                  let kind = EvaluationCSVFormat.certificateKind.value(for: fields[Column.kind.index]),
                  kind == .skillLevel || kind == .vocationalQualification,
                  let raw = Int32(fields[Column.level.index]), [.level2, .level1].contains(SkillLevel(rawValue: raw)),
                  let county = Int32(fields[Column.county.index]),
                  let issued = CalendarDate.parse(fields[Column.issuedOn.index]),
                  seen.insert(fields[Column.holderIDNumber.index]).inserted
            else { return }
            masters.append(Master(idNumber: fields[Column.holderIDNumber.index], name: fields[Column.holderName.index], county: county,
                                  occupation: fields[Column.occupation.index], level: SkillLevel(rawValue: raw), issuedOn: issued))
        }
    }

    static func masters(persons: Int, enterprises: Int, seed: UInt64) -> [Master] {
        var sink = MasterSink()
        // Writing to memory cannot fail but for a record CSVRow cannot parse, which the
        // evaluation generator never writes.
        _ = try? EvaluationDemoData(persons: persons, enterprises: enterprises, seed: seed).writeCertificates(to: &sink)
        return sink.masters
    }

    static func studios(persons: Int, enterprises: Int, seed: UInt64) -> [Studio] {
        studios(masters: masters(persons: persons, enterprises: enterprises, seed: seed), enterprises: enterprises, seed: seed)
    }

    /// The studios of these masters (in certificates.csv order) and the demo's enterprises.
    static func studios(masters: [Master], enterprises: Int, seed: UInt64) -> [Studio] {
        var available = masters
        func takeMaster(in county: Int32) -> Master? {
            guard let index = available.firstIndex(where: { $0.county == county }) else { return nil }
            return available.remove(at: index)
        }
        var studios: [Studio] = []
        for (index, county) in JinchengDivisions.countyCodes.enumerated() where county != countyWithout {
            for _ in 0..<(index % 2 == 0 ? 2 : 1) {
                guard let master = takeMaster(in: county) else { break }
                studios.append(studio(studios.count + 1, master: master, county: county, host: nil, seed: seed))
            }
        }
        let registry = RegistryDemoData(persons: 0, enterprises: enterprises, seed: seed)
        var large = 0
        var hosted = 0
        for row in stride(from: 1, through: enterprises, by: 1) where hosted < hostedAtMost {
            let enterprise = registry.enterprise(row: row)
            guard enterprise.staffCount >= 300, enterprise.county != countyWithout else { continue }
            large += 1
            guard large % 2 == 1, let master = takeMaster(in: enterprise.county) else { continue }
            studios.append(studio(studios.count + 1, master: master, county: enterprise.county, host: enterprise, seed: seed))
            hosted += 1
        }
        return studios
    }

    private static func studio(_ number: Int, master: Master, county: Int32, host: DemoEnterprise?, seed: UInt64) -> Studio {
        var random = SplitMix64(seed: seed, stream: 65, index: UInt64(number))
        var studio = Studio()
        studio.code = "JC-MS-" + (number < 10 ? "0" : "") + String(number)
        studio.name = "\(master.name)技能大师工作室"
        studio.masterIDNumber = master.idNumber
        studio.masterName = master.name
        studio.hostCreditCode = host?.creditCode ?? ""
        studio.county = county
        studio.industry = host?.industry ?? industry(of: master.occupation)
        studio.level = number == 1 ? .national : number <= 4 ? .provincial : .city
        let drawn = CalendarDate(year: 2018, month: 1, day: 1)!.adding(days: random.below(1_277))!  // to 2021-06-30
        studio.establishedOn = max(drawn, master.issuedOn.adding(days: 30 + random.below(60))!).yyyymmdd
        return studio
    }

    /// The industry a county-hosted studio serves, by its master's occupation (the demo
    /// enterprises' industries, EnterpriseGenerator's table).
    static func industry(of occupation: String) -> String {
        switch occupation {
        case "6-16-01-05", "6-16-01-06": "煤炭开采"
        case "6-17-02-02", "6-18-02-01": "钢铁冶炼"
        case "6-22-02-01", "4-12-01-01": "汽车制造与服务"
        case "6-25-01-13": "光机电"
        case "6-30-05-01", "4-02-07-08": "现代物流"
        case "6-30-05-05": "建筑施工"
        case _ where occupation.hasPrefix("4-"): "文化旅游康养"
        default: "装备制造"
        }
    }

    /// Each studio's work in the years it was open by their end: 2020 and 2021.
    static func years(of studios: [Studio], seed: UInt64) -> [StudioYear] {
        var years: [StudioYear] = []
        for (index, studio) in studios.enumerated() {
            var random = SplitMix64(seed: seed, stream: 66, index: UInt64(index + 1))
            for year: Int32 in [2020, 2021] where studio.establishedOn / 10_000 <= year {
                var record = StudioYear()
                record.studioCode = studio.code
                record.year = year
                record.apprenticesMentored = UInt32(3 + random.below(13))
                record.problemsSolved = UInt32(1 + random.below(10))
                years.append(record)
            }
        }
        return years
    }
}
