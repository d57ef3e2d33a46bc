/// The evaluation service's contract (issue 5): evaluation institutions and their filed scope,
/// certificates of the five kinds, public verification, and the skilled-worker counts the
/// gateway reads.
public enum EvaluationService {
    public static let name = "jcskills.evaluation.Evaluation"

    // Institutions
    public static let registerInstitution = Method<Institution, InstitutionView>(service: name, name: "RegisterInstitution", kind: .unary)
    public static let setInstitutionStatus = Method<InstitutionStatusChange, InstitutionView>(service: name, name: "SetInstitutionStatus", kind: .unary)
    public static let getInstitution = Method<InstitutionLookup, InstitutionView>(service: name, name: "GetInstitution", kind: .unary, isIdempotent: true)

    // Certificates
    public static let issueCertificate = Method<CertificateIssue, IssueCertificateResponse>(service: name, name: "IssueCertificate", kind: .unary)
    public static let revokeCertificate = Method<CertificateRevocation, CertificateView>(service: name, name: "RevokeCertificate", kind: .unary)
    /// Open to any identified caller: answers only valid / expired / revoked / superseded / unknown.
    public static let verifyCertificate = Method<CertificateVerificationRequest, CertificateVerification>(service: name, name: "VerifyCertificate", kind: .unary, isIdempotent: true)

    // Counts
    public static let counts = Method<CountsRequest, EvaluationCounts>(service: name, name: "Counts", kind: .unary, isIdempotent: true)
}
