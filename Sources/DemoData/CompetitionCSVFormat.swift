import JCSkillsProtocol

/// The competition office's CSV files, shared by the demo-data generator and the
/// `jcskills competition` / `jcskills studio` commands so the two cannot drift apart. Same
/// conventions as ``RegistryCSVFormat`` (UTF-8, one header row, RFC 4180 quoting, ISO dates,
/// `true`/`false`, enums by English slug, Chinese name or wire number).
///
/// Marks are written and read as decimal marks (`12.50`, at most two decimals) and sent as
/// whole hundredths (1250), as the contract keeps them (docs/COMPETITIONS.md).
///
/// **competitions.csv** (``CompetitionColumn``):
/// `code,name,kind,year,organiser,level,county,top_count,top_share_percent,names_technical_experts,promotes_one_level,institution_code`
/// - `kind` ``kind``; `level` ``level``; `county` the county of a county-level competition, else 0.
/// - The award rule: `top_count` and `top_share_percent` (0 leaves a bound out), whether the
///   winners are named 晋城技术能手 and promoted one level, by `institution_code`.
///
/// **events.csv** (``EventColumn``):
/// `competition_code,code,name,occupation,occupation_name,group,criteria,judges,spread_bound`
/// - `criteria` the marking scheme, `code:type:maximum[:description]` separated by `;`
///   (``formatCriteria(_:)``), the maxima adding up to 100.00; `judges` judge codes separated
///   by `;`; `spread_bound` in marks, empty for the default (20 % of each criterion's maximum);
///   `occupation_name` is for people reading the file and is not sent.
///
/// **entries.csv** (``EntryColumn``): `competition_code,event_code,id_number,name,school,county`
/// - `school` and `county` for students; empty for workers (the registry knows their county).
///
/// **marks_<judge>.csv** (one judge's sheet, ``MarkColumn``):
/// `competition_code,event_code,entry_number,criterion_code,mark`
///
/// **studios.csv** (``StudioColumn``):
/// `code,name,master_id_number,master_name,host_credit_code,county,industry,level,established_on`
///
/// **studio_years.csv** (``StudioYearColumn``): `studio_code,year,apprentices_mentored,problems_solved`
public enum CompetitionCSVFormat {
    public static let competitionsFileName = "competitions.csv"
    public static let eventsFileName = "events.csv"
    public static let entriesFileName = "entries.csv"
    public static let studiosFileName = "studios.csv"
    public static let studioYearsFileName = "studio_years.csv"

    /// One judge's marks: `marks_J01.csv`.
    public static func marksFileName(judge: String) -> String { "marks_\(judge).csv" }

    /// The PKI identity a judge presents (`--as judge-J01`): its certificate's URI is
    /// `jcskills://judge/J01` (Sources/PKI/IdentityRequest.swift).
    public static func judgeIdentity(_ code: String) -> String { "judge-\(code)" }

    public enum CompetitionColumn: String, CaseIterable, Sendable {
        case code
        case name
        case kind
        case year
        case organiser
        case level
        case county
        case topCount = "top_count"
        case topSharePercent = "top_share_percent"
        case namesTechnicalExperts = "names_technical_experts"
        case promotesOneLevel = "promotes_one_level"
        case institutionCode = "institution_code"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum EventColumn: String, CaseIterable, Sendable {
        case competitionCode = "competition_code"
        case code
        case name
        case occupation
        case occupationName = "occupation_name"
        case group
        case criteria
        case judges
        case spreadBound = "spread_bound"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum EntryColumn: String, CaseIterable, Sendable {
        case competitionCode = "competition_code"
        case eventCode = "event_code"
        case idNumber = "id_number"
        case name
        case school
        case county

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum MarkColumn: String, CaseIterable, Sendable {
        case competitionCode = "competition_code"
        case eventCode = "event_code"
        case entryNumber = "entry_number"
        case criterionCode = "criterion_code"
        case mark

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum StudioColumn: String, CaseIterable, Sendable {
        case code
        case name
        case masterIDNumber = "master_id_number"
        case masterName = "master_name"
        case hostCreditCode = "host_credit_code"
        case county
        case industry
        case level
        case establishedOn = "established_on"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum StudioYearColumn: String, CaseIterable, Sendable {
        case studioCode = "studio_code"
        case year
        case apprenticesMentored = "apprentices_mentored"
        case problemsSolved = "problems_solved"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public static let competitionHeader: [String] = CompetitionColumn.allCases.map(\.rawValue)
    public static let eventHeader: [String] = EventColumn.allCases.map(\.rawValue)
    public static let entryHeader: [String] = EntryColumn.allCases.map(\.rawValue)
    public static let markHeader: [String] = MarkColumn.allCases.map(\.rawValue)
    public static let studioHeader: [String] = StudioColumn.allCases.map(\.rawValue)
    public static let studioYearHeader: [String] = StudioYearColumn.allCases.map(\.rawValue)

    public static let kind = CSVVocabulary<CompetitionKind>([
        .init(.annualCity, "annual_city", "全市职业技能大赛"),
        .init(.special, "special", "专项赛"),
    ])

    public static let level = CSVVocabulary<CompetitionLevel>([
        .init(.city, "city", "市级"),
        .init(.county, "county", "县级"),
        .init(.enterprise, "enterprise", "企业级"),
    ])

    public static let group = CSVVocabulary<ParticipantGroup>([
        .init(.workers, "workers", "职工组"),
        .init(.students, "students", "学生组"),
    ])

    public static let criterionType = CSVVocabulary<CriterionType>([
        .init(.measurement, "measurement", "测量"),
        .init(.judgement, "judgement", "评价"),
    ])

    public static let studioLevel = CSVVocabulary<StudioLevel>([
        .init(.city, "city", "市级"),
        .init(.provincial, "provincial", "省级"),
        .init(.national, "national", "国家级"),
    ])

    // MARK: Marks

    /// Hundredths as decimal marks: `1250` → `12.50`.
    public static func formatMarks(_ hundredths: some BinaryInteger) -> String {
        let value = Int64(hundredths)
        let fraction = abs(value % 100)
        return "\(value / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Decimal marks as hundredths: `12.5`, `12.50` and `12` → 1250, 1250, 1200; nil for
    /// anything else (a sign, a third decimal, letters, more than 100,000 marks).
    public static func parseMarks(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        guard !whole.isEmpty, whole.count <= 6, whole.allSatisfy(\.isASCIIDigit), let units = UInt32(whole) else { return nil }
        var hundredths = units * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit), let value = UInt32(fraction) else { return nil }
            hundredths += fraction.count == 1 ? value * 10 : value
        }
        return hundredths
    }

    // MARK: Criteria and judges

    /// `A1:measurement:35.00:尺寸精度` — the description last, so it may hold `:` itself.
    public static func formatCriterion(_ criterion: Criterion) -> String {
        let base = "\(criterion.code):\(criterionType.text(for: criterion.type)):\(formatMarks(criterion.maximum))"
        return criterion.description.isEmpty ? base : base + ":" + criterion.description
    }

    /// One criterion from `code:type:maximum[:description]` (type by slug, Chinese name or
    /// number; maximum in marks); nil when it is not that.
    public static func parseCriterion(_ text: String) -> Criterion? {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        guard parts.count >= 3, !parts[0].isEmpty,
              let type = criterionType.value(for: parts[1]), CriterionType.known.contains(type),
              let maximum = parseMarks(parts[2])
        else { return nil }
        return Criterion(code: parts[0], description: parts.count == 4 ? parts[3] : "", type: type, maximum: maximum)
    }

    /// The `criteria` field: criteria separated by `;`.
    public static func formatCriteria(_ criteria: [Criterion]) -> String {
        criteria.map(formatCriterion).joined(separator: ";")
    }

    /// Criteria from a `criteria` field; nil when one of them is not `code:type:maximum[:description]`.
    public static func parseCriteria(_ text: String) -> [Criterion]? {
        var result: [Criterion] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            guard let criterion = parseCriterion(String(item)) else { return nil }
            result.append(criterion)
        }
        return result
    }

    /// The `judges` field: codes separated by `;`.
    public static func formatJudges(_ judges: [String]) -> String { judges.joined(separator: ";") }

    public static func parseJudges(_ text: String) -> [String] {
        text.split(separator: ";", omittingEmptySubsequences: true).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// The competitor number a competition service gives the `sequence`-th entry (1-based) of
    /// an event: the event's code, `-` and four digits (`E01-0007`), as the service numbers them
    /// (Services/Competition/Service/Repositories/CompetitionRepository.swift, `nextEntryNumber`).
    public static func entryNumber(event: String, sequence: Int) -> String {
        let digits = String(sequence)
        return event + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
