/// A trainee's result in a course, as the provider reports it: completed or not, passed or
/// not, and what followed — the job after training (employment is counted only when it is
/// recorded). A certificate obtained afterwards is recorded separately, once the evaluation
/// service confirms it.
public struct TrainingResult: WireMessage, Hashable {
    /// The enrolment this is the result of.
    public var enrolmentNumber: String = ""
    /// `yyyymmdd`: the day the trainee completed (or left) the course.
    public var completedOn: Int32 = 0
    public var passed: Bool = false
    /// Employment after training: an employer's unified social credit code, or self-employed.
    public var employerCreditCode: String = ""
    public var selfEmployed: Bool = false
    /// `yyyymmdd`, when the job started; 0 when there is none (yet).
    public var employedOn: Int32 = 0
    /// The employment was checked (an employer's record, social insurance), not only declared.
    public var employmentVerified: Bool = false
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "enrolmentNumber", &enrolmentNumber)
        try v.field(2, "completedOn", &completedOn)
        try v.field(3, "passed", &passed)
        try v.field(4, "employerCreditCode", &employerCreditCode)
        try v.field(5, "selfEmployed", &selfEmployed)
        try v.field(6, "employedOn", &employedOn)
        try v.field(7, "employmentVerified", &employmentVerified)
    }
}

public struct TrainingResultView: WireMessage, Hashable {
    public var result: TrainingResult = TrainingResult()
    public var courseCode: String = ""
    /// The training-completion number (培训合格证书编号), given on a pass; empty otherwise.
    public var completionNumber: String = ""
    /// The certificate obtained after the training (``CertificateAfterTraining``), if recorded.
    public var certificateNumber: String = ""
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "result", &result)
        try v.field(2, "courseCode", &courseCode)
        try v.field(3, "completionNumber", &completionNumber)
        try v.field(4, "certificateNumber", &certificateNumber)
    }
}

/// A certificate the trainee obtained after the course: the evaluation service confirms it by
/// number and holder before it is recorded.
public struct CertificateAfterTraining: WireMessage, Hashable {
    public var enrolmentNumber: String = ""
    public var certificateNumber: String = ""
    public init() {}
    public init(enrolmentNumber: String, certificateNumber: String) {
        self.enrolmentNumber = enrolmentNumber
        self.certificateNumber = certificateNumber
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "enrolmentNumber", &enrolmentNumber)
        try v.field(2, "certificateNumber", &certificateNumber)
    }
}

/// One row of a provider's certificates_after.csv (`ImportCertificatesAfter`).
public struct CertificateAfterTrainingRow: WireMessage, Hashable {
    /// The line in the provider's file, for its errors.
    public var line: UInt32 = 0
    public var certificate: CertificateAfterTraining = CertificateAfterTraining()
    public init() {}
    public init(line: UInt32, certificate: CertificateAfterTraining) {
        self.line = line
        self.certificate = certificate
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "certificate", &certificate)
    }
}

public struct CertificateAfterTrainingBatch: WireMessage, Hashable {
    /// More rows than this in one message: INVALID_ARGUMENT (the evaluation service answers
    /// ``CertificateVerificationBatch/limit`` verifications a call).
    public static let limit = CertificateVerificationBatch.limit
    public var rows: [CertificateAfterTrainingRow] = []
    public init() {}
    public init(rows: [CertificateAfterTrainingRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}

/// One row of a provider's result file (`jcskills training results FILE`).
public struct TrainingResultRow: WireMessage, Hashable {
    public var line: UInt32 = 0
    public var result: TrainingResult = TrainingResult()
    public init() {}
    public init(line: UInt32, result: TrainingResult) {
        self.line = line
        self.result = result
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "result", &result)
    }
}

public struct TrainingResultBatch: WireMessage, Hashable {
    public var rows: [TrainingResultRow] = []
    public init() {}
    public init(rows: [TrainingResultRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}
