import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// The training office's file commands. Results and class lists go through client streams
/// (`ImportResults`, `ImportEnrolments`), like the registry's and evaluation's imports; brands
/// and courses — tens to thousands of rows — are one call a row, and so are enrolments when
/// their numbers are wanted, a refused row reported by line and the rest carried on
/// (``eachRow(file:header:encoding:label:_:)``).
enum TrainingImports {
    /// A provider's results.csv. The service records each result once: a row it already has
    /// unchanged counts as already registered, so uploading the same file again changes
    /// nothing. `renumbering`, when given, maps every enrolment number of the file to the one
    /// a service gave (`local up --demo`: the file numbers enrolments as a service that
    /// started empty would); a number it lacks is that row's error — its enrolment was never
    /// made, and the number may be someone else's.
    static func results(renumbering: [String: String]? = nil) -> CSVImport<TrainingResultRow, TrainingResultBatch> {
        typealias Column = TrainingCSVFormat.ResultColumn
        return CSVImport(
            label: Messages.Import.Label.results.text(), header: TrainingCSVFormat.resultHeader, method: TrainingService.importResults,
            duplicates: DuplicateRule(column: Column.enrolmentNumber.rawValue, what: Messages.Import.Key.enrolmentNumber) { fields in
                DuplicateFinder.key(fields[Column.enrolmentNumber.index], uppercased: true)
            },
            parse: { (fields: [String], line: UInt32) throws(RowFailure) -> TrainingResultRow in
                var row = try TrainingCSVMapping.result(fields, line: line)
                guard let renumbering else { return row }
                guard let number = renumbering[row.result.enrolmentNumber] else {
                    throw RowFailure(line: line, column: Column.enrolmentNumber.rawValue,
                                     reason: Messages.Training.enrolmentNotMade(row.result.enrolmentNumber).text())
                }
                row.result.enrolmentNumber = number
                return row
            },
            batch: TrainingResultBatch.init(rows:), rowsPerMessage: rowsPerMessage)
    }

    /// Rows per message of a class list or a result file. The training service's transaction
    /// has a cost per message beside its cost per row (the courses and figures a message
    /// touches, the statements' hand-offs to the writer's thread): with 2,000 rows the plan
    /// demo's class list of 566,484 rows went in twice as fast as with 500 (docs/NUMBERS.md,
    /// "The demo data").
    static let rowsPerMessage = 2_000

    /// A provider's certificates_after.csv through the `ImportCertificatesAfter` stream: the
    /// service asks the evaluation service once a message; the same certificate again counts as
    /// already registered. `renumbering` as for ``results(renumbering:)``.
    static func certificatesAfter(renumbering: [String: String]? = nil) -> CSVImport<CertificateAfterTrainingRow, CertificateAfterTrainingBatch> {
        let enrolmentColumn = TrainingCSVFormat.certificateAfterHeader[0]
        return CSVImport(
            label: Messages.Import.Label.certificatesAfter.text(), header: TrainingCSVFormat.certificateAfterHeader,
            method: TrainingService.importCertificatesAfter,
            duplicates: DuplicateRule(column: enrolmentColumn, what: Messages.Import.Key.enrolmentNumber) { fields in
                DuplicateFinder.key(fields[0], uppercased: true)
            },
            parse: { (fields: [String], line: UInt32) throws(RowFailure) -> CertificateAfterTrainingRow in
                var row = try TrainingCSVMapping.certificateAfter(fields, line: line)
                guard let renumbering else { return row }
                guard let given = renumbering[row.certificate.enrolmentNumber] else {
                    throw RowFailure(line: line, column: enrolmentColumn, reason: Messages.Training.enrolmentNotMade(row.certificate.enrolmentNumber).text())
                }
                row.certificate.enrolmentNumber = given
                return row
            },
            batch: CertificateAfterTrainingBatch.init(rows:))
    }

    /// A class list through the `ImportEnrolments` stream: the service asks the registry once
    /// per message and enrols each row by the rules of `Enrol`; a person already in the course
    /// counts as already registered, so uploading a list again enrols nobody twice. The
    /// summary carries no enrolment numbers: ``enrolments(file:encoding:client:)`` does.
    static let classList = CSVImport(
        label: Messages.Import.Label.enrolments.text(), header: TrainingCSVFormat.enrolmentHeader,
        optionalTrailing: TrainingCSVFormat.enrolmentOptionalColumns, method: TrainingService.importEnrolments,
        duplicates: DuplicateRule(column: "", what: Messages.Import.Key.courseAndIDNumber) { fields in
            typealias Column = TrainingCSVFormat.EnrolmentColumn
            return DuplicateFinder.key(fields[Column.courseCode.index].trimmingWhitespace + "," + fields[Column.idNumber.index].trimmingWhitespace.uppercased())
        },
        parse: { (fields: [String], line: UInt32) throws(RowFailure) -> EnrolmentRow in
            let request = try TrainingCSVMapping.enrolment(fields, line: line)
            return EnrolmentRow(line: line, courseCode: request.courseCode, idNumber: request.idNumber, enrolledOn: request.enrolledOn)
        },
        batch: EnrolmentBatch.init(rows:), rowsPerMessage: rowsPerMessage)

    /// Registers the brands of a brands.csv; a brand registered already with the same levels is
    /// not sent again.
    static func brands(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        let known = try await client.unary(TrainingService.labourBrands, LabourBrandsRequest()).brands
        var registered = Dictionary(known.map { ($0.brand.code, $0.brand) }, uniquingKeysWith: { first, _ in first })
        var finder = DuplicateFinder()
        let code = TrainingCSVFormat.BrandColumn.code
        return try await eachRow(file: file, header: TrainingCSVFormat.brandHeader, encoding: encoding, label: Messages.Import.Label.brands.text()) { line, fields, report in
            var brand = try TrainingCSVMapping.brand(fields, line: line)
            brand.recognitions.sort { $0.level.rawValue < $1.level.rawValue }
            guard try check(&finder, fields, key: brand.code, line: line, column: code.rawValue, what: Messages.Import.Key.brandCode, into: &report) else { return }
            if registered[brand.code] == brand {
                report.summary.alreadyRegistered += 1
                return
            }
            _ = try await client.unary(TrainingService.registerBrand, brand)
            registered[brand.code] = brand
            report.summary.accepted += 1
        }
    }

    /// Registers the courses of a courses.csv, one `RegisterCourse` each, ``callsInFlight``
    /// at a time; a course registered already exactly so is not sent again, one that differs is
    /// updated (and noted). The file is read first (bad rows and duplicates reported by line),
    /// then the courses are sent.
    static func courses(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        var finder = DuplicateFinder()
        let code = TrainingCSVFormat.CourseColumn.code
        var courses: [(line: UInt32, row: Course)] = []
        var report = try await eachRow(file: file, header: TrainingCSVFormat.courseHeader, encoding: encoding, label: Messages.Import.Label.courses.text()) { line, fields, report in
            let course = try TrainingCSVMapping.course(fields, line: line)
            guard try check(&finder, fields, key: course.code, line: line, column: code.rawValue, what: Messages.Import.Key.courseCode, into: &report) else { return }
            courses.append((line, course))
        }
        /// Whether a course was sent, and whether it replaced one registered otherwise.
        enum Sent: Sendable {
            case unchanged
            case registered(updated: Bool)
        }
        let outcomes = try await concurrently(courses, file: file, label: Messages.Import.Label.courses.text()) { course -> Sent in
            let existing: Course?
            do {
                existing = try await client.unary(TrainingService.getCourse, CourseLookup(code: course.code)).course
            } catch let error as RPCError where error.code == .notFound {
                existing = nil
            }
            if existing == course { return .unchanged }
            _ = try await client.unary(TrainingService.registerCourse, course)
            return .registered(updated: existing != nil)
        }
        for (entry, outcome) in zip(courses, outcomes) {
            switch outcome {
            case .answered(.unchanged):
                report.summary.alreadyRegistered += 1
            case .answered(.registered(let updated)):
                report.summary.accepted += 1
                if updated, report.notes.count < 1_000 {
                    report.notes.append(RowError(line: entry.line, column: code.rawValue,
                                                 reason: Messages.Import.registeredWithOtherValues(Messages.Training.courseWord, code: entry.row.code).text()))
                }
            case .refused(let error):
                reject(error, into: &report)
            }
        }
        report.summary.errors.sort { $0.line < $1.line }
        return report
    }

    /// One enrolment of a file, as the service numbered it (new, or found already enrolled).
    struct Enrolled: Sendable {
        let line: UInt32
        let courseCode: String
        let idNumber: String
        /// yyyy-mm-dd as the service dated it; empty for a row enrolled before (its number
        /// comes with the refusal, its day does not).
        var enrolledOn = ""
        let number: String
    }

    /// Enrols the rows of an enrolments.csv in file order, one `Enrol` call each with its own
    /// idempotency key (a retry after a lost answer takes one place, not two); a person already
    /// in the course counts as already registered. Slower than ``classList``, but every answer
    /// carries its enrolment number, which a provider's results name.
    static func enrolments(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> (report: ImportReport, enrolled: [Enrolled]) {
        var enrolled: [Enrolled] = []
        let report = try await eachRow(file: file, header: TrainingCSVFormat.enrolmentHeader,
                                       optionalTrailing: TrainingCSVFormat.enrolmentOptionalColumns, encoding: encoding, label: Messages.Import.Label.enrolments.text()) { line, fields, report in
            let request = try TrainingCSVMapping.enrolment(fields, line: line)
            do {
                let view = try await client.unary(TrainingService.enrol, request, options: CallOptions(idempotencyKey: UUID().uuidString))
                report.summary.accepted += 1
                enrolled.append(Enrolled(line: line, courseCode: request.courseCode, idNumber: request.idNumber,
                                         enrolledOn: CalendarDate(yyyymmdd: view.enrolledOn)?.description ?? "", number: view.number))
            } catch let error as RPCError where error.code == .alreadyExists {
                report.summary.alreadyRegistered += 1
                if let number = error.metadata.first(where: { $0.key == "enrolment-number" })?.value {
                    enrolled.append(Enrolled(line: line, courseCode: request.courseCode, idNumber: request.idNumber, number: number))
                }
            } catch let error as RPCError where error.code == .notFound {
                throw RowFailure(line: line, column: TrainingCSVFormat.EnrolmentColumn.courseCode.rawValue, reason: error.message)
            }
        }
        return (report, enrolled)
    }
}
