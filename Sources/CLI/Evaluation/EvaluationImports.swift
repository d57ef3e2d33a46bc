import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// The evaluation service's imports: historical certificates through the client stream (like
/// the registry's imports), institutions one registration call each (tens of rows, and each
/// enterprise body is checked with the registry by the service).
enum EvaluationImports {
    static let certificates = CSVImport(
        label: Messages.Import.Label.certificates.text(), header: EvaluationCSVFormat.certificateHeader, method: EvaluationService.importCertificates,
        duplicates: DuplicateRule(column: EvaluationCSVFormat.CertificateColumn.number.rawValue, what: Messages.Import.Key.certificateNumber) { fields in
            DuplicateFinder.key(fields[EvaluationCSVFormat.CertificateColumn.number.index])
        },
        parse: EvaluationCSVMapping.certificate, batch: CertificateImportBatch.init(rows:))

    /// Registers every institution of an institutions.csv; a refused row is reported by line
    /// with the service's reason (its rule name first) and does not stop the others.
    static func institutions(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient) async throws -> ImportReport {
        let records = try CSVRecords(path: file, header: EvaluationCSVFormat.institutionHeader, encoding: encoding)
        var report = ImportReport()
        var finder = DuplicateFinder()
        let code = EvaluationCSVFormat.InstitutionColumn.code
        while let (line, record) = try records.next() {
            report.summary.received += 1
            do {
                let fields = try record.get()
                let institution = try EvaluationCSVMapping.institution(fields, line: line)
                if let key = DuplicateFinder.key(fields[code.index]) {
                    switch finder.check(key: key, fields: fields, line: line) {
                    case .first: break
                    case .identical(let first):
                        report.duplicates += 1
                        report.notes.append(RowError(line: line, column: code.rawValue, reason: Messages.Import.identicalDuplicate(what: Messages.Import.Key.institutionCode, firstLine: first, outcome: Messages.Import.registeredOnce).text()))
                        continue
                    case .different(let first):
                        throw RowFailure(line: line, column: code.rawValue,
                                         reason: Messages.Import.differingDuplicate(what: Messages.Import.Key.institutionCode, firstLine: first, notDone: Messages.Import.notRegistered).text())
                    }
                }
                let existed = (try? await client.unary(EvaluationService.getInstitution, InstitutionLookup(code: institution.code))) != nil
                _ = try await client.unary(EvaluationService.registerInstitution, institution)
                if existed { report.summary.alreadyRegistered += 1 } else { report.summary.accepted += 1 }
            } catch let failure as RowFailure {
                report.summary.rejected += 1
                report.summary.errors.append(failure.rowError)
            } catch let error as RPCError where error.code == .invalidArgument || error.code == .failedPrecondition || error.code == .permissionDenied {
                report.summary.rejected += 1
                let column = error.code == .invalidArgument ? String(error.message.prefix { $0 != ":" }) : ""
                report.summary.errors.append(RowError(line: line, column: column, reason: error.message))
            }
        }
        return report
    }
}
