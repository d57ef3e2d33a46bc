/// The training service's contract (plan actions 2, 4, 5 and 7 in `seeds/SEED-EN.md`; the modes
/// in docs/DOMAIN.md §10a): courses in the plan's five modes and their providers, enrolment
/// checked with the registry, the results providers report, certificates obtained after training
/// (checked with the evaluation service), the year's figures, labour brands and each person's
/// lifelong record.
public enum TrainingService {
    public static let name = "jcskills.training.Training"

    // Courses
    /// Registers a course, or registers it again to update it (its code keys it).
    public static let registerCourse = Method<Course, CourseView>(service: name, name: "RegisterCourse", kind: .unary)
    public static let getCourse = Method<CourseLookup, CourseView>(service: name, name: "GetCourse", kind: .unary, isIdempotent: true)
    public static let listCourses = Method<CourseListRequest, CourseList>(service: name, name: "ListCourses", kind: .unary, isIdempotent: true)

    // Enrolment
    /// Enrols a registered person by ID number, after the registry confirms the card; each
    /// refusal names its rule. Safe to retry with an idempotency key.
    public static let enrol = Method<EnrolmentRequest, EnrolmentView>(service: name, name: "Enrol", kind: .unary)
    /// A class list (client stream): each row enrolled as by ``enrol``, the registry asked once
    /// per message; refusals per row with line, column and rule; a person already in the
    /// course counts as already there, so uploading a list again enrols nobody twice.
    public static let importEnrolments = Method<EnrolmentBatch, ImportSummary>(service: name, name: "ImportEnrolments", kind: .clientStreaming)

    // Results
    /// Records (or corrects) one trainee's result; a pass gets a completion number.
    public static let recordResult = Method<TrainingResult, TrainingResultView>(service: name, name: "RecordResult", kind: .unary, isIdempotent: true)
    /// A provider's result file (client stream); uploading the same file again changes nothing.
    public static let importResults = Method<TrainingResultBatch, ImportSummary>(service: name, name: "ImportResults", kind: .clientStreaming)
    /// Records a certificate obtained after the course, once the evaluation service confirms
    /// it belongs to the trainee and was issued after the course began.
    public static let recordCertificate = Method<CertificateAfterTraining, TrainingResultView>(service: name, name: "RecordCertificate", kind: .unary, isIdempotent: true)
    /// A provider's file of certificates after training (client stream): the evaluation
    /// service asked once per message; each row recorded by the rules of `RecordCertificate`,
    /// or refused with its line, column and rule; the same certificate again changes nothing.
    public static let importCertificatesAfter = Method<CertificateAfterTrainingBatch, ImportSummary>(service: name, name: "ImportCertificatesAfter", kind: .clientStreaming)

    // Labour brands
    /// Registers a brand, or registers it again to record a level reached.
    public static let registerBrand = Method<LabourBrand, LabourBrandView>(service: name, name: "RegisterBrand", kind: .unary, isIdempotent: true)
    /// Every brand with its people trained and placed per year, and the counties still lacking one.
    public static let labourBrands = Method<LabourBrandsRequest, LabourBrandReport>(service: name, name: "LabourBrands", kind: .unary, isIdempotent: true)

    // A person's lifelong record
    /// Every course, result, certificate after training and job of a person, with the
    /// certificates the evaluation service knows; shown in full, so audited.
    public static let personRecord = Method<PersonRecordRequest, PersonTrainingRecord>(service: name, name: "PersonRecord", kind: .unary, isIdempotent: true)

    // Figures
    /// A year's person-times, results, rates and subsidy due, with the flagged providers.
    public static let indicators = Method<TrainingIndicatorsRequest, TrainingIndicators>(service: name, name: "Indicators", kind: .unary, isIdempotent: true)
    /// The measures the gateway's city indicators read, for a scope on a date.
    public static let counts = Method<CountsRequest, TrainingCounts>(service: name, name: "Counts", kind: .unary, isIdempotent: true)
    /// Up to ``CountsQuestions/limit`` `Counts` questions in one call, answered in order (the
    /// gateway's every scope on two dates).
    public static let batchCounts = Method<CountsQuestions, TrainingCountsAnswers>(service: name, name: "BatchCounts", kind: .unary, isIdempotent: true)
}
