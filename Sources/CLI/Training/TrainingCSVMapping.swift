import JCSkillsDemoData
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
        brand.county = try number(field(.county), BrandColumn.county.rawValue, line)
        brand.occupation = field(.occupation)
        guard let recognitions = TrainingCSVFormat.parseRecognitions(field(.recognitions)) else {
            throw RowFailure(line: line, column: BrandColumn.recognitions.rawValue,
                             reason: "expected level:year entries separated by ';' (levels city, provincial, national), e.g. city:2020;provincial:2021")
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
        course.certificateKind = try term(EvaluationCSVFormat.certificateKind, field(.certificateKind), CourseColumn.certificateKind.rawValue, line)
        if !field(.level).isEmpty {
            course.level = SkillLevel(rawValue: try number(field(.level), CourseColumn.level.rawValue, line))
        }
        course.mode = try term(RegistryCSVFormat.trainingMode, field(.mode), CourseColumn.mode.rawValue, line)
        course.programme = try term(TrainingCSVFormat.programme, field(.programme), CourseColumn.programme.rawValue, line)
        course.providerKind = try term(TrainingCSVFormat.providerKind, field(.providerKind), CourseColumn.providerKind.rawValue, line)
        course.providerCreditCode = field(.providerCreditCode).uppercased()
        course.county = try number(field(.county), CourseColumn.county.rawValue, line)
        course.startsOn = try date(field(.startsOn), CourseColumn.startsOn.rawValue, line)
        course.endsOn = try date(field(.endsOn), CourseColumn.endsOn.rawValue, line)
        course.capacity = UInt32(try number(field(.capacity), CourseColumn.capacity.rawValue, line) as Int32)
        course.subsidyPerTrainee = UInt32(try number(field(.subsidyPerTrainee), CourseColumn.subsidyPerTrainee.rawValue, line) as Int32)
        // An older file without the tier's value: no higher tier.
        if !field(.subsidyWithCertificate).isEmpty {
            course.subsidyWithCertificate = UInt32(try number(field(.subsidyWithCertificate), CourseColumn.subsidyWithCertificate.rawValue, line) as Int32)
        }
        course.labourBrand = field(.labourBrand)
        return course
    }

    static func enrolment(_ fields: [String], line: UInt32) throws(RowFailure) -> EnrolmentRequest {
        try checkCount(fields, TrainingCSVFormat.enrolmentHeader.count, line: line)
        func field(_ column: EnrolmentColumn) -> String { fields[column.index].trimmingWhitespace }
        return EnrolmentRequest(courseCode: field(.courseCode), idNumber: field(.idNumber))
    }

    static func result(_ fields: [String], line: UInt32) throws(RowFailure) -> TrainingResultRow {
        try checkCount(fields, TrainingCSVFormat.resultHeader.count, line: line)
        func field(_ column: ResultColumn) -> String { fields[column.index].trimmingWhitespace }
        var result = TrainingResult()
        result.enrolmentNumber = field(.enrolmentNumber)
        result.completedOn = try date(field(.completedOn), ResultColumn.completedOn.rawValue, line)
        result.passed = try flag(field(.passed), ResultColumn.passed.rawValue, line)
        result.employerCreditCode = field(.employerCreditCode).uppercased()
        result.selfEmployed = try flag(field(.selfEmployed), ResultColumn.selfEmployed.rawValue, line)
        if !field(.employedOn).isEmpty {
            result.employedOn = try date(field(.employedOn), ResultColumn.employedOn.rawValue, line)
        }
        result.employmentVerified = try flag(field(.employmentVerified), ResultColumn.employmentVerified.rawValue, line)
        return TrainingResultRow(line: line, result: result)
    }

    // MARK: Fields

    private static func checkCount(_ fields: [String], _ expected: Int, line: UInt32) throws(RowFailure) {
        guard fields.count == expected else {
            throw RowFailure(line: line, column: "", reason: "\(fields.count) fields, expected \(expected)")
        }
    }

    private static func term<T>(_ vocabulary: CSVVocabulary<T>, _ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> T {
        guard let value = vocabulary.value(for: text), value.rawValue != 0 else {
            throw RowFailure(line: line, column: column, reason: "'\(text)' is not one of \(vocabulary.terms.map(\.slug).joined(separator: ", "))")
        }
        return value
    }

    private static func number(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> Int32 {
        guard let value = Int32(text), value >= 0 else {
            throw RowFailure(line: line, column: column, reason: "'\(text)' is not a number")
        }
        return value
    }

    private static func date(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> Int32 {
        guard let date = CalendarDate.parse(text) else {
            throw RowFailure(line: line, column: column, reason: "'\(text)' is not a date (yyyy-mm-dd)")
        }
        return date.yyyymmdd
    }

    private static func flag(_ text: String, _ column: String, _ line: UInt32) throws(RowFailure) -> Bool {
        guard let value = RegistryCSVFormat.parseBool(text) else {
            throw RowFailure(line: line, column: column, reason: "expected true or false")
        }
        return value
    }
}
