import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// The training office's file commands. Results go through the `ImportResults` client stream,
/// like the registry's and evaluation's imports; brands, courses and enrolments are one call a
/// row (tens to thousands of rows, and each enrolment is checked with the registry by the
/// service), a refused row reported by line and the rest carried on.
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
            label: "results", header: TrainingCSVFormat.resultHeader, method: TrainingService.importResults,
            duplicates: DuplicateRule(column: Column.enrolmentNumber.rawValue, what: "enrolment number") { fields in
                DuplicateFinder.key(fields[Column.enrolmentNumber.index], uppercased: true)
            },
            parse: { (fields: [String], line: UInt32) throws(RowFailure) -> TrainingResultRow in
                var row = try TrainingCSVMapping.result(fields, line: line)
                guard let renumbering else { return row }
                guard let number = renumbering[row.result.enrolmentNumber] else {
                    throw RowFailure(line: line, column: Column.enrolmentNumber.rawValue,
                                     reason: "enrolment \(row.result.enrolmentNumber) of the file was not made (its enrolment row was refused)")
                }
                row.result.enrolmentNumber = number
                return row
            },
            batch: TrainingResultBatch.init(rows:))
    }

    /// A class list through the `ImportEnrolments` stream: the service asks the registry once
    /// per message and enrols each row by the rules of `Enrol`; a person already in the course
    /// counts as already registered, so uploading a list again enrols nobody twice. The
    /// summary carries no enrolment numbers: ``enrolments(file:encoding:client:)`` does.
    static let classList = CSVImport(
        label: "enrolments", header: TrainingCSVFormat.enrolmentHeader, method: TrainingService.importEnrolments,
        duplicates: DuplicateRule(column: "", what: "course and ID number") { fields in
            typealias Column = TrainingCSVFormat.EnrolmentColumn
            return DuplicateFinder.key(fields[Column.courseCode.index].trimmingWhitespace + "," + fields[Column.idNumber.index].trimmingWhitespace.uppercased())
        },
        parse: { (fields: [String], line: UInt32) throws(RowFailure) -> EnrolmentRow in
            let request = try TrainingCSVMapping.enrolment(fields, line: line)
            return EnrolmentRow(line: line, courseCode: request.courseCode, idNumber: request.idNumber)
        },
        batch: EnrolmentBatch.init(rows:))

    /// Registers the brands of a brands.csv; a brand registered already with the same levels is
    /// not sent again.
    static func brands(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        let known = try await client.unary(TrainingService.labourBrands, LabourBrandsRequest()).brands
        var registered = Dictionary(known.map { ($0.brand.code, $0.brand) }, uniquingKeysWith: { first, _ in first })
        var finder = DuplicateFinder()
        let code = TrainingCSVFormat.BrandColumn.code
        return try await eachRow(file: file, header: TrainingCSVFormat.brandHeader, encoding: encoding, label: "brands") { line, fields, report in
            var brand = try TrainingCSVMapping.brand(fields, line: line)
            brand.recognitions.sort { $0.level.rawValue < $1.level.rawValue }
            guard try check(&finder, fields, key: brand.code, line: line, column: code.rawValue, what: "brand code", into: &report) else { return }
            if registered[brand.code] == brand {
                report.summary.alreadyRegistered += 1
                return
            }
            _ = try await client.unary(TrainingService.registerBrand, brand)
            registered[brand.code] = brand
            report.summary.accepted += 1
        }
    }

    /// Registers the courses of a courses.csv, one `RegisterCourse` each; a course registered
    /// already exactly so is not sent again, one that differs is updated (and noted).
    static func courses(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        var finder = DuplicateFinder()
        let code = TrainingCSVFormat.CourseColumn.code
        return try await eachRow(file: file, header: TrainingCSVFormat.courseHeader, encoding: encoding, label: "courses") { line, fields, report in
            let course = try TrainingCSVMapping.course(fields, line: line)
            guard try check(&finder, fields, key: course.code, line: line, column: code.rawValue, what: "course code", into: &report) else { return }
            let existing: Course?
            do {
                existing = try await client.unary(TrainingService.getCourse, CourseLookup(code: course.code)).course
            } catch let error as RPCError where error.code == .notFound {
                existing = nil
            }
            if existing == course {
                report.summary.alreadyRegistered += 1
                return
            }
            _ = try await client.unary(TrainingService.registerCourse, course)
            report.summary.accepted += 1
            if existing != nil, report.notes.count < 1_000 {
                report.notes.append(RowError(line: line, column: code.rawValue, reason: "course \(course.code) was registered with other values: updated"))
            }
        }
    }

    /// One enrolment of a file, as the service numbered it (new, or found already enrolled).
    struct Enrolled: Sendable {
        let line: UInt32
        let courseCode: String
        let idNumber: String
        let number: String
    }

    /// Enrols the rows of an enrolments.csv in file order, one `Enrol` call each with its own
    /// idempotency key (a retry after a lost answer takes one place, not two); a person already
    /// in the course counts as already registered. Slower than ``classList``, but every answer
    /// carries its enrolment number, which a provider's results name.
    static func enrolments(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> (report: ImportReport, enrolled: [Enrolled]) {
        var enrolled: [Enrolled] = []
        let report = try await eachRow(file: file, header: TrainingCSVFormat.enrolmentHeader, encoding: encoding, label: "enrolments") { line, fields, report in
            let request = try TrainingCSVMapping.enrolment(fields, line: line)
            do {
                let view = try await client.unary(TrainingService.enrol, request, options: CallOptions(idempotencyKey: UUID().uuidString))
                report.summary.accepted += 1
                enrolled.append(Enrolled(line: line, courseCode: request.courseCode, idNumber: request.idNumber, number: view.number))
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

    /// Reads `file` record by record with a progress bar and runs `body` on each. A row the
    /// client cannot read (`RowFailure`) or the service refuses (invalid, a rule, not allowed,
    /// not found) is that row's error; anything else — the service or a peer unreachable, a
    /// deadline — ends the run, naming the line: the rows before it went in, and running the
    /// file again counts them as already registered.
    static func eachRow(file: String, header: [String], encoding: CSVTextEncoding, label: String,
                        _ body: (UInt32, [String], inout ImportReport) async throws -> Void) async throws -> ImportReport {
        let records = try CSVRecords(path: file, header: header, encoding: encoding)
        var report = ImportReport()
        var progress = ProgressBar(label: label, total: records.size)
        var rows = 0
        defer { progress.finish() }
        while let (line, record) = try records.next() {
            report.summary.received += 1
            rows += 1
            do {
                try await body(line, try record.get(), &report)
            } catch let failure as RowFailure {
                reject(failure.rowError, into: &report)
            } catch let error as RPCError {
                guard let rowError = rowError(error, line: line) else {
                    throw CLIError("\(file) line \(line): \(error) — stopped here; the rows before it were sent (run the file again: they count as already registered)")
                }
                reject(rowError, into: &report)
            }
            progress.update(done: records.bytesRead, items: rows)
        }
        return report
    }

    /// The row error for a refusal of a row's call; nil when the failure is not the row's.
    static func rowError(_ error: RPCError, line: UInt32) -> RowError? {
        switch error.code {
        case .invalidArgument:
            // RuleViolation: "<field>: <reason>", the field being the CSV column.
            guard let colon = error.message.firstIndex(of: ":") else { return RowError(line: line, column: "", reason: error.message) }
            let reason = error.message[error.message.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return RowError(line: line, column: String(error.message[..<colon]), reason: reason)
        case .failedPrecondition, .permissionDenied, .notFound, .alreadyExists:
            // RuleRefusal: "<rule>: <reason>" — the message names the rule.
            return RowError(line: line, column: "", reason: "\(error)")
        default:
            return nil
        }
    }

    private static func reject(_ error: RowError, into report: inout ImportReport) {
        report.summary.rejected += 1
        if report.summary.errors.count < 1_000 { report.summary.errors.append(error) }
    }

    /// Whether a record goes on: false for a copy of an earlier line with the same `key`
    /// (counted and noted); a record with the same key but other values is that row's error.
    private static func check(_ finder: inout DuplicateFinder, _ fields: [String], key: String, line: UInt32, column: String, what: String,
                              into report: inout ImportReport) throws(RowFailure) -> Bool {
        guard let key = DuplicateFinder.key(key) else { return true }
        switch finder.check(key: key, fields: fields, line: line) {
        case .first:
            return true
        case .identical(let first):
            report.duplicates += 1
            report.notes.append(RowError(line: line, column: column, reason: "the same \(what) as line \(first), an identical row: sent once"))
            return false
        case .different(let first):
            throw RowFailure(line: line, column: column,
                             reason: "the same \(what) as line \(first), with other values: not sent (line \(first) was; correct the file and run it again)")
        }
    }
}
