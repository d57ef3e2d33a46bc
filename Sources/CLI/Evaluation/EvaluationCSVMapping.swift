import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// Turns evaluation CSV records into messages. What the client can see (a level that is not a
/// number, an unknown kind, a malformed scope) becomes a row error here, with its column; the
/// service checks everything else.
enum EvaluationCSVMapping {
    typealias Column = EvaluationCSVFormat.CertificateColumn
    typealias InstitutionColumn = EvaluationCSVFormat.InstitutionColumn

    static func certificate(_ fields: [String], line: UInt32) throws(RowFailure) -> CertificateImportRow {
        guard fields.count == EvaluationCSVFormat.certificateHeader.count else {
            throw RowFailure(line: line, column: "", reason: Messages.Import.fieldCount(fields.count, expected: EvaluationCSVFormat.certificateHeader.count).text())
        }
        func field(_ column: Column) -> String { fields[column.index].trimmingWhitespace }
        var issue = CertificateIssue()
        issue.institutionCode = field(.institution)
        guard let kind = EvaluationCSVFormat.certificateKind.value(for: field(.kind)), CertificateKind.known.contains(kind) else {
            throw RowFailure(line: line, column: Column.kind.rawValue,
                             reason: Messages.Import.notOneOf(field(.kind), EvaluationCSVFormat.certificateKind.terms.map(\.slug).joined(separator: ", ")).text())
        }
        issue.kind = kind
        issue.occupation = field(.occupation)
        if !field(.level).isEmpty {
            guard let level = Int32(field(.level)) else {
                throw RowFailure(line: line, column: Column.level.rawValue, reason: Messages.Import.notALevel(field(.level)).text())
            }
            issue.level = SkillLevel(rawValue: level)
        }
        issue.operationCode = field(.operation)
        issue.holderIDNumber = field(.holderIDNumber)
        issue.holderName = field(.holderName)
        issue.employerCreditCode = field(.employer)
        if !field(.county).isEmpty {
            guard let county = Int32(field(.county)) else {
                throw RowFailure(line: line, column: Column.county.rawValue, reason: Messages.Import.notACounty(field(.county)).text())
            }
            issue.county = county
        }
        guard let issued = CalendarDate.parse(field(.issuedOn)) else {
            throw RowFailure(line: line, column: Column.issuedOn.rawValue, reason: Messages.Import.notADate(field(.issuedOn)).text())
        }
        issue.issuedOn = issued.yyyymmdd
        guard let preSystem = RegistryCSVFormat.parseBool(field(.preSystem)) else {
            throw RowFailure(line: line, column: Column.preSystem.rawValue, reason: Messages.Import.expectedTrueOrFalse.text())
        }
        return CertificateImportRow(line: line, number: field(.number), certificate: issue, preSystem: preSystem)
    }

    static func institution(_ fields: [String], line: UInt32) throws(RowFailure) -> Institution {
        guard fields.count == EvaluationCSVFormat.institutionHeader.count else {
            throw RowFailure(line: line, column: "", reason: Messages.Import.fieldCount(fields.count, expected: EvaluationCSVFormat.institutionHeader.count).text())
        }
        func field(_ column: InstitutionColumn) -> String { fields[column.index].trimmingWhitespace }
        var institution = Institution()
        institution.code = field(.code)
        institution.name = field(.name)
        guard let type = EvaluationCSVFormat.institutionType.value(for: field(.type)) else {
            throw RowFailure(line: line, column: InstitutionColumn.type.rawValue,
                             reason: Messages.Import.notOneOf(field(.type), EvaluationCSVFormat.institutionType.terms.map(\.slug).joined(separator: ", ")).text())
        }
        institution.type = type
        guard let county = Int32(field(.county)) else {
            throw RowFailure(line: line, column: InstitutionColumn.county.rawValue, reason: Messages.Import.notACounty(field(.county)).text())
        }
        institution.county = county
        institution.enterpriseCreditCode = field(.enterpriseCreditCode)
        guard let scope = EvaluationCSVFormat.parseScope(field(.scope)) else {
            throw RowFailure(line: line, column: InstitutionColumn.scope.rawValue,
                             reason: Messages.Evaluation.scopeFormat.text())
        }
        institution.scope = scope
        return institution
    }
}
