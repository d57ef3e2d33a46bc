import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// The evaluation service's imports: historical certificates through the client stream (like
/// the registry's imports), institutions one registration call each (tens of rows, and each
/// enterprise body is checked with the registry by the service).
enum EvaluationImports {
    static let certificates = CSVImport(
        label: "certificates", header: EvaluationCSVFormat.certificateHeader, method: EvaluationService.importCertificates,
        parse: EvaluationCSVMapping.certificate, batch: CertificateImportBatch.init(rows:))

    /// Registers every institution of an institutions.csv; a refused row is reported by line
    /// with the service's reason (its rule name first) and does not stop the others.
    static func institutions(file: String, client: RPCClient) async throws -> ImportSummary {
        let reader = try LineReader(path: file)
        guard let headerLine = try reader.next() else { throw CLIError("\(file) is empty") }
        let header = try CSVRow.parse(headerLine.hasPrefix("\u{FEFF}") ? String(headerLine.dropFirst()) : headerLine)
        guard header == EvaluationCSVFormat.institutionHeader else {
            throw CLIError("\(file): the header is\n  \(header.joined(separator: ","))\nexpected\n  \(EvaluationCSVFormat.institutionHeader.joined(separator: ","))")
        }
        var summary = ImportSummary()
        var line: UInt32 = 1
        while let text = try reader.next() {
            line += 1
            guard !text.isEmpty else { continue }
            summary.received += 1
            do {
                let fields: [String]
                do {
                    fields = try CSVRow.parse(text)
                } catch {
                    throw RowFailure(line: line, column: "", reason: "\(error)")
                }
                let institution = try EvaluationCSVMapping.institution(fields, line: line)
                let existed = (try? await client.unary(EvaluationService.getInstitution, InstitutionLookup(code: institution.code))) != nil
                _ = try await client.unary(EvaluationService.registerInstitution, institution)
                if existed { summary.alreadyRegistered += 1 } else { summary.accepted += 1 }
            } catch let failure as RowFailure {
                summary.rejected += 1
                summary.errors.append(failure.rowError)
            } catch let error as RPCError where error.code == .invalidArgument || error.code == .failedPrecondition || error.code == .permissionDenied {
                summary.rejected += 1
                let column = error.code == .invalidArgument ? String(error.message.prefix { $0 != ":" }) : ""
                summary.errors.append(RowError(line: line, column: column, reason: error.message))
            }
        }
        return summary
    }
}
