/// The labour-force registry's contract (README.md, "The registry"): persons and their cards
/// (建档立卡), the enterprises and their three-year demand survey, and the aggregates training
/// plans and the gateway read.
public enum RegistryService {
    public static let name = "jcskills.registry.Registry"

    // Persons
    public static let registerPerson = Method<PersonRegistration, RegisterPersonResponse>(service: name, name: "RegisterPerson", kind: .unary)
    public static let getPerson = Method<PersonLookup, PersonView>(service: name, name: "GetPerson", kind: .unary, isIdempotent: true)
    public static let updatePerson = Method<PersonUpdate, PersonView>(service: name, name: "UpdatePerson", kind: .unary)
    public static let changeStatus = Method<StatusChange, PersonView>(service: name, name: "ChangeStatus", kind: .unary)
    public static let personHistory = Method<PersonLookup, PersonHistory>(service: name, name: "PersonHistory", kind: .unary, isIdempotent: true)
    /// For the training service: card, category, key groups, county and age; never name or phone.
    public static let verifyPerson = Method<PersonLookup, PersonVerification>(service: name, name: "VerifyPerson", kind: .unary, isIdempotent: true)
    /// ``verifyPerson`` for up to 1,000 persons at once, answers in the order asked.
    public static let verifyPersons = Method<PersonLookupBatch, PersonVerificationBatch>(service: name, name: "VerifyPersons", kind: .unary, isIdempotent: true)
    public static let importPersons = Method<PersonImportBatch, ImportSummary>(service: name, name: "ImportPersons", kind: .clientStreaming)
    public static let exportPersons = Method<ExportRequest, PersonBatch>(service: name, name: "ExportPersons", kind: .serverStreaming, isIdempotent: true)

    // Enterprises and demand
    public static let registerEnterprise = Method<Enterprise, EnterpriseView>(service: name, name: "RegisterEnterprise", kind: .unary)
    public static let getEnterprise = Method<EnterpriseLookup, EnterpriseView>(service: name, name: "GetEnterprise", kind: .unary, isIdempotent: true)
    /// Enterprises with at least a staff count (no personal data): evaluation's compliance view.
    public static let listEnterprises = Method<EnterpriseListRequest, EnterpriseList>(service: name, name: "ListEnterprises", kind: .unary, isIdempotent: true)
    public static let importEnterprises = Method<EnterpriseImportBatch, ImportSummary>(service: name, name: "ImportEnterprises", kind: .clientStreaming)
    public static let importDemand = Method<DemandImportBatch, ImportSummary>(service: name, name: "ImportDemand", kind: .clientStreaming)

    // Analysis
    public static let statistics = Method<StatisticsRequest, RegistrationStatistics>(service: name, name: "Statistics", kind: .unary, isIdempotent: true)
    /// Up to ``StatisticsQuestions/limit`` `Statistics` questions in one call, answered in order
    /// (the gateway's summaries of every scope on two dates).
    public static let batchStatistics = Method<StatisticsQuestions, StatisticsAnswers>(service: name, name: "BatchStatistics", kind: .unary, isIdempotent: true)
    public static let demandGap = Method<DemandGapRequest, DemandGapReport>(service: name, name: "DemandGap", kind: .unary, isIdempotent: true)
    public static let quality = Method<QualityRequest, QualityReport>(service: name, name: "Quality", kind: .unary, isIdempotent: true)
}
