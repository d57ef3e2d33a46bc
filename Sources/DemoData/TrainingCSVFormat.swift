import JCSkillsProtocol

/// The training office's four CSV files, shared by the demo-data generator and the
/// `jcskills training` commands so the two cannot drift apart. Same conventions as
/// ``RegistryCSVFormat`` (UTF-8, one header row, RFC 4180 quoting, ISO dates, `true`/`false`,
/// enums by English slug, Chinese name or wire number).
///
/// **brands.csv** (labour brands, ``BrandColumn``): `code,name,county,occupation,recognitions`
/// - `recognitions` the levels reached, `level:year` separated by `;`
///   (`city:2020;provincial:2021;national:2022`); empty for a brand not yet recognised.
///
/// **courses.csv** (``CourseColumn``):
/// `code,name,occupation,occupation_name,certificate_kind,level,mode,programme,provider_kind,provider_credit_code,county,starts_on,ends_on,capacity,subsidy_per_trainee,subsidy_with_certificate,labour_brand`
/// - `certificate_kind` ``EvaluationCSVFormat/certificateKind``; `level` 1–5 for the levelled
///   kinds, else empty; `occupation_name` is for people reading the file and is not sent.
/// - `mode` ``RegistryCSVFormat/trainingMode`` (the plan's five); `programme` ``programme``;
///   `provider_kind` ``providerKind``.
/// - `subsidy_per_trainee` yuan per trainee who passes (0: no subsidy);
///   `subsidy_with_certificate` the higher tier for one who then obtains a certificate (0:
///   none; never below the standard); `labour_brand` a registered brand's code or empty.
///
/// **enrolments.csv** (``EnrolmentColumn``): `course_code,id_number,enrolled_on` — the day the
/// person enrolled (yyyy-mm-dd, as the provider's records have it); empty, or a file without
/// the column (``enrolmentOptionalColumns``), enrols today.
///
/// **certificates_after.csv**: `enrolment_number,certificate_number` — a certificate the
/// evaluation service holds, obtained by the trainee after the course (`jcskills training
/// certificate`).
///
/// **results.csv** (a provider's result file, ``ResultColumn``):
/// `enrolment_number,completed_on,passed,employer_credit_code,self_employed,employed_on,employment_verified`
/// - `enrolment_number` as the service gave it at enrolment (``enrolmentNumber(sequence:year:)``).
/// - `employer_credit_code` or `self_employed=true` for a job after training, `employed_on` its
///   first day; all three empty (or false) when there is none (yet).
public enum TrainingCSVFormat {
    public static let brandsFileName = "brands.csv"
    public static let coursesFileName = "courses.csv"
    public static let enrolmentsFileName = "enrolments.csv"
    public static let resultsFileName = "results.csv"
    public static let certificatesAfterFileName = "certificates_after.csv"

    public enum BrandColumn: String, CaseIterable, Sendable {
        case code
        case name
        case county
        case occupation
        case recognitions

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum CourseColumn: String, CaseIterable, Sendable {
        case code
        case name
        case occupation
        case occupationName = "occupation_name"
        case certificateKind = "certificate_kind"
        case level
        case mode
        case programme
        case providerKind = "provider_kind"
        case providerCreditCode = "provider_credit_code"
        case county
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case capacity
        case subsidyPerTrainee = "subsidy_per_trainee"
        case subsidyWithCertificate = "subsidy_with_certificate"
        case labourBrand = "labour_brand"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum EnrolmentColumn: String, CaseIterable, Sendable {
        case courseCode = "course_code"
        case idNumber = "id_number"
        case enrolledOn = "enrolled_on"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public enum ResultColumn: String, CaseIterable, Sendable {
        case enrolmentNumber = "enrolment_number"
        case completedOn = "completed_on"
        case passed
        case employerCreditCode = "employer_credit_code"
        case selfEmployed = "self_employed"
        case employedOn = "employed_on"
        case employmentVerified = "employment_verified"

        public var index: Int { Self.ordered.firstIndex(of: self)! }
        private static let ordered = allCases
    }

    public static let brandHeader: [String] = BrandColumn.allCases.map(\.rawValue)
    public static let courseHeader: [String] = CourseColumn.allCases.map(\.rawValue)
    public static let enrolmentHeader: [String] = EnrolmentColumn.allCases.map(\.rawValue)
    /// enrolments.csv's last column, `enrolled_on`, may be left out (files made before it).
    public static let enrolmentOptionalColumns = 1
    public static let resultHeader: [String] = ResultColumn.allCases.map(\.rawValue)
    /// certificates_after.csv: a certificate obtained after the course, by enrolment.
    public static let certificateAfterHeader = ["enrolment_number", "certificate_number"]

    public static let programme = CSVVocabulary<TrainingProgramme>([
        .init(.enterpriseEmployeeUpgrade, "enterprise_employee_upgrade", "企业职工技能提升"),
        .init(.keyGroupSubsidised, "key_group_subsidised", "重点群体免费培训"),
        .init(.firstCertificate, "first_certificate", "取证培训"),
        .init(.levelUpgrade, "level_upgrade", "升级培训"),
    ])

    public static let providerKind = CSVVocabulary<TrainingProviderKind>([
        .init(.trainingInstitution, "training_institution", "培训机构"),
        .init(.enterprise, "enterprise", "企业"),
    ])

    public static let brandLevel = CSVVocabulary<BrandLevel>([
        .init(.city, "city", "市级"),
        .init(.provincial, "provincial", "省级"),
        .init(.national, "national", "国家级"),
    ])

    /// The `recognitions` field: `level:year` entries separated by `;`.
    public static func formatRecognitions(_ recognitions: [BrandRecognition]) -> String {
        recognitions.map { "\(brandLevel.text(for: $0.level)):\($0.year)" }.joined(separator: ";")
    }

    /// Recognitions from a `recognitions` field; nil when an entry is not `level:year` with a
    /// known level.
    public static func parseRecognitions(_ text: String) -> [BrandRecognition]? {
        var result: [BrandRecognition] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let level = brandLevel.value(for: String(parts[0]).trimmingWhitespace), BrandLevel.known.contains(level),
                  let year = Int32(String(parts[1]).trimmingWhitespace)
            else { return nil }
            result.append(BrandRecognition(level: level, year: year))
        }
        return result
    }

    /// The number a training service gives the `sequence`-th enrolment it takes (1-based, all
    /// courses together) for a course starting in `year`: `TR` + year + eight digits. A service
    /// that starts empty and enrols enrolments.csv in file order gives row n the sequence n;
    /// the demo's results.csv is written with those numbers.
    public static func enrolmentNumber(sequence: Int, year: Int32) -> String {
        let digits = String(sequence)
        return "TR\(year)" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
