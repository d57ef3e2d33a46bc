import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// Turns the training CSV records (``TrainingCSVFormat``) into messages. What the client can
/// see — a number that is not one, an unknown mode, a malformed date — becomes a row error
/// here, with its column; the service checks everything else (its rules name the field).
enum TrainingCSVMapping {
    typealias BrandColumn = TrainingCSVFormat.BrandColumn
    typealias CourseColumn = TrainingCSVFormat.CourseColumn
    typealias EnrolmentColumn = TrainingCSVFormat.EnrolmentColumn
    typealias ResultColumn = TrainingCSVFormat.ResultColumn

    static func brand(_ fields: [String], line: UInt32) throws(RowFailure) -> LabourBrand {
        try checkCount(fields, TrainingCSVFormat.brandHeader.count, line: line)
        func field(_ column: BrandColumn) -> String { fields[column.index].trimmingWhitespace }
        var brand = LabourBrand()
        brand.code = field(.code)
        brand.name = field(.name)
        brand.county = try CSVField.number(field(.county), BrandColumn.county.rawValue, line)
        brand.occupation = field(.occupation)
        guard let recognitions = TrainingCSVFormat.parseRecognitions(field(.recognitions)) else {
            throw RowFailure(line: line, column: BrandColumn.recognitions.rawValue,
                             reason: Messages.Training.recognitionsFormat.text())
        }
        brand.recognitions = recognitions
        return brand
    }

    static func course(_ fields: [String], line: UInt32) throws(RowFailure) -> Course {
        try checkCount(fields, TrainingCSVFormat.courseHeader.count, line: line)
        func field(_ column: CourseColumn) -> String { fields[column.index].trimmingWhitespace }
        var course = Course()
        course.code = field(.code)
        course.name = field(.name)
        course.occupation = field(.occupation)
        course.certificateKind = try CSVField.term(EvaluationCSVFormat.certificateKind, field(.certificateKind), CourseColumn.certificateKind.rawValue, line, allowUnspecified: false)
        if !field(.level).isEmpty {
            course.level = SkillLevel(rawValue: try CSVField.number(field(.level), CourseColumn.level.rawValue, line))
        }
        course.mode = try CSVField.term(RegistryCSVFormat.trainingMode, field(.mode), CourseColumn.mode.rawValue, line, allowUnspecified: false)
        course.programme = try CSVField.term(TrainingCSVFormat.programme, field(.programme), CourseColumn.programme.rawValue, line, allowUnspecified: false)
        course.providerKind = try CSVField.term(TrainingCSVFormat.providerKind, field(.providerKind), CourseColumn.providerKind.rawValue, line, allowUnspecified: false)
        course.providerCreditCode = field(.providerCreditCode).uppercased()
        course.county = try CSVField.number(field(.county), CourseColumn.county.rawValue, line)
        course.startsOn = try CSVField.date(field(.startsOn), CourseColumn.startsOn.rawValue, line)
        course.endsOn = try CSVField.date(field(.endsOn), CourseColumn.endsOn.rawValue, line)
        course.capacity = UInt32(try CSVField.number(field(.capacity), CourseColumn.capacity.rawValue, line) as Int32)
        course.subsidyPerTrainee = UInt32(try CSVField.number(field(.subsidyPerTrainee), CourseColumn.subsidyPerTrainee.rawValue, line) as Int32)
        // An older file without the tier's value: no higher tier.
        if !field(.subsidyWithCertificate).isEmpty {
            course.subsidyWithCertificate = UInt32(try CSVField.number(field(.subsidyWithCertificate), CourseColumn.subsidyWithCertificate.rawValue, line) as Int32)
        }
        course.labourBrand = field(.labourBrand)
        return course
    }

    static func enrolment(_ fields: [String], line: UInt32) throws(RowFailure) -> EnrolmentRequest {
        // A list without the day column (the format before it) enrols today.
        let withoutDay = TrainingCSVFormat.enrolmentHeader.count - TrainingCSVFormat.enrolmentOptionalColumns
        if fields.count != withoutDay { try checkCount(fields, TrainingCSVFormat.enrolmentHeader.count, line: line) }
        func field(_ column: EnrolmentColumn) -> String { column.index < fields.count ? fields[column.index].trimmingWhitespace : "" }
        return EnrolmentRequest(courseCode: field(.courseCode), idNumber: field(.idNumber),
                                enrolledOn: try CSVField.date(field(.enrolledOn), EnrolmentColumn.enrolledOn.rawValue, line, empty: 0))
    }

    /// A certificates_after.csv row: `enrolment_number,certificate_number`.
    static func certificateAfter(_ fields: [String], line: UInt32) throws(RowFailure) -> CertificateAfterTrainingRow {
        try checkCount(fields, TrainingCSVFormat.certificateAfterHeader.count, line: line)
        return CertificateAfterTrainingRow(line: line, certificate: CertificateAfterTraining(enrolmentNumber: fields[0].trimmingWhitespace,
                                                                                             certificateNumber: fields[1].trimmingWhitespace))
    }

    static func result(_ fields: [String], line: UInt32) throws(RowFailure) -> TrainingResultRow {
        try checkCount(fields, TrainingCSVFormat.resultHeader.count, line: line)
        func field(_ column: ResultColumn) -> String { fields[column.index].trimmingWhitespace }
        var result = TrainingResult()
        result.enrolmentNumber = field(.enrolmentNumber)
        result.completedOn = try CSVField.date(field(.completedOn), ResultColumn.completedOn.rawValue, line)
        result.passed = try CSVField.flag(field(.passed), ResultColumn.passed.rawValue, line)
        result.employerCreditCode = field(.employerCreditCode).uppercased()
        result.selfEmployed = try CSVField.flag(field(.selfEmployed), ResultColumn.selfEmployed.rawValue, line)
        if !field(.employedOn).isEmpty {
            result.employedOn = try CSVField.date(field(.employedOn), ResultColumn.employedOn.rawValue, line)
        }
        result.employmentVerified = try CSVField.flag(field(.employmentVerified), ResultColumn.employmentVerified.rawValue, line)
        return TrainingResultRow(line: line, result: result)
    }

    // MARK: Fields

    private static func checkCount(_ fields: [String], _ expected: Int, line: UInt32) throws(RowFailure) {
        guard fields.count == expected else {
            throw RowFailure(line: line, column: "", reason: Messages.Import.fieldCount(fields.count, expected: expected).text())
        }
    }




}
