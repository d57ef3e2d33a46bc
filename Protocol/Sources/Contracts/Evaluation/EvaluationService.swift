/// The evaluation service's contract (README.md, "The evaluation centre"): evaluation
/// institutions and their filed scope, certificates of the five kinds, public verification,
/// and the skilled-worker counts the gateway reads.
public enum EvaluationService {
    public static let name = "jcskills.evaluation.Evaluation"

    // Institutions
    public static let registerInstitution = Method<Institution, InstitutionView>(service: name, name: "RegisterInstitution", kind: .unary)
    public static let setInstitutionStatus = Method<InstitutionStatusChange, InstitutionView>(service: name, name: "SetInstitutionStatus", kind: .unary)
    public static let getInstitution = Method<InstitutionLookup, InstitutionView>(service: name, name: "GetInstitution", kind: .unary, isIdempotent: true)
    public static let listInstitutions = Method<InstitutionListRequest, InstitutionList>(service: name, name: "ListInstitutions", kind: .unary, isIdempotent: true)

    // Certificates
    public static let issueCertificate = Method<CertificateIssue, IssueCertificateResponse>(service: name, name: "IssueCertificate", kind: .unary)
    public static let revokeCertificate = Method<CertificateRevocation, CertificateView>(service: name, name: "RevokeCertificate", kind: .unary)
    /// Open to any identified caller: answers only valid / expired / revoked / superseded / unknown.
    public static let verifyCertificate = Method<CertificateVerificationRequest, CertificateVerification>(service: name, name: "VerifyCertificate", kind: .unary, isIdempotent: true)
    /// Up to ``CertificateVerificationBatch/limit`` verifications in one call, answered in
    /// order, each as `VerifyCertificate` would (a service checking a file of certificates).
    public static let verifyCertificates = Method<CertificateVerificationBatch, CertificateVerifications>(service: name, name: "VerifyCertificates", kind: .unary, isIdempotent: true)

    /// One certificate in full (holder masked) for its issuer.
    public static let getCertificate = Method<CertificateLookup, CertificateView>(service: name, name: "GetCertificate", kind: .unary, isIdempotent: true)
    /// The certificate signed with the city's key, for `jcskills cert verify` offline.
    public static let exportCertificate = Method<CertificateLookup, SignedCertificate>(service: name, name: "ExportCertificate", kind: .unary, isIdempotent: true)
    /// A person's valid certificates with their recognised equivalents and engineering titles.
    public static let recognitions = Method<RecognitionRequest, PersonRecognitions>(service: name, name: "Recognitions", kind: .unary, isIdempotent: true)
    /// Historical certificates from a CSV file (client stream); idempotent by certificate number.
    public static let importCertificates = Method<CertificateImportBatch, ImportSummary>(service: name, name: "ImportCertificates", kind: .clientStreaming)

    // Baseline stock (holders certified before the system)
    public static let declareBaseline = Method<BaselineDeclaration, BaselineEntry>(service: name, name: "DeclareBaseline", kind: .unary, isIdempotent: true)
    public static let baseline = Method<BaselineRequest, BaselineReport>(service: name, name: "Baseline", kind: .unary, isIdempotent: true)

    // Counts
    public static let counts = Method<CountsRequest, EvaluationCounts>(service: name, name: "Counts", kind: .unary, isIdempotent: true)
    /// Up to ``CountsQuestions/limit`` `Counts` questions in one call, answered in order (the
    /// gateway's every scope on two dates).
    public static let batchCounts = Method<CountsQuestions, EvaluationCountsAnswers>(service: name, name: "BatchCounts", kind: .unary, isIdempotent: true)
    /// Enterprises with at least the minimum staff and no active evaluation body of their own
    /// (asked of the registry: UNAVAILABLE when it cannot be reached).
    public static let compliance = Method<ComplianceRequest, ComplianceReport>(service: name, name: "Compliance", kind: .unary, isIdempotent: true)
}
