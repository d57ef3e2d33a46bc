/// A person's lifelong training record (plan, action 2), by ID number.
public struct PersonRecordRequest: WireMessage, Hashable {
    public var idNumber: String = ""
    public init() {}
    public init(idNumber: String) { self.idNumber = idNumber }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "idNumber", &idNumber)
    }
}

/// One course in a person's record: the course, the enrolment, and what came of it.
public struct TrainingRecordEntry: WireMessage, Hashable {
    public var course: Course = Course()
    public var enrolmentNumber: String = ""
    /// `yyyymmdd`.
    public var enrolledOn: Int32 = 0
    /// The result, the completion number, the certificate after training and the job, as far as
    /// they are recorded (an empty result: none reported yet).
    public var result: TrainingResultView = TrainingResultView()
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "course", &course)
        try v.field(2, "enrolmentNumber", &enrolmentNumber)
        try v.field(3, "enrolledOn", &enrolledOn)
        try v.field(4, "result", &result)
    }
}

/// Every course the person took, with its result, certificate and job, from the training
/// service; and the certificates they hold, with their recognised equivalents, from the
/// evaluation service.
public struct PersonTrainingRecord: WireMessage, Hashable {
    /// The registry card the person enrolled under (most recent enrolment).
    public var cardNumber: String = ""
    /// Earliest course first.
    public var courses: [TrainingRecordEntry] = []
    /// The evaluation service's answer (`Recognitions`): valid certificates and what they are
    /// recognised as.
    public var certificates: PersonRecognitions = PersonRecognitions()
    /// False when the evaluation service could not be asked: `certificates` is then empty, not
    /// "none".
    public var certificatesKnown: Bool = false
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "cardNumber", &cardNumber)
        try v.field(2, "courses", &courses)
        try v.field(3, "certificates", &certificates)
        try v.field(4, "certificatesKnown", &certificatesKnown)
    }
}
