import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// One kind of CSV import: its file layout, how a record becomes a row, what makes two records
/// the same, and the streaming call that takes the rows.
struct CSVImport<Row: WireMessage, Batch: WireMessage>: Sendable {
    let label: String
    let header: [String]
    /// How many of the header's last columns a file may leave out.
    var optionalTrailing = 0
    let method: Method<Batch, ImportSummary>
    var duplicates: DuplicateRule? = nil
    let parse: @Sendable ([String], UInt32) throws(RowFailure) -> Row
    let batch: @Sendable ([Row]) -> Batch
    /// Rows per message, and so per transaction of the service, unless the user says otherwise.
    var rowsPerMessage = 500

    func run(file: String, encoding: CSVTextEncoding = .auto, client: RPCClient, batchSize: Int? = nil) async throws -> ImportReport {
        try await CSVImporter.run(
            path: file, header: header, optionalTrailing: optionalTrailing, label: label, encoding: encoding, client: client, method: method,
            batchSize: batchSize ?? rowsPerMessage,
            duplicates: duplicates, parse: parse, batch: batch)
    }
}

/// The registry's three imports.
enum RegistryImports {
    static let persons = CSVImport(
        label: Messages.Import.Label.persons.text(), header: RegistryCSVFormat.personHeader, method: RegistryService.importPersons,
        duplicates: DuplicateRule(column: RegistryCSVFormat.PersonColumn.idNumber.rawValue, what: Messages.Import.Key.idNumber,
                                  key: RegistryCSVMapping.personKey),
        parse: RegistryCSVMapping.person, batch: PersonImportBatch.init(rows:))
    static let enterprises = CSVImport(
        label: Messages.Import.Label.enterprises.text(), header: RegistryCSVFormat.enterpriseHeader, method: RegistryService.importEnterprises,
        duplicates: DuplicateRule(column: RegistryCSVFormat.EnterpriseColumn.creditCode.rawValue, what: Messages.Import.Key.creditCode) { fields in
            DuplicateFinder.key(fields[RegistryCSVFormat.EnterpriseColumn.creditCode.index], uppercased: true)
        },
        parse: RegistryCSVMapping.enterprise, batch: EnterpriseImportBatch.init(rows:))
    static let demand = CSVImport(
        label: Messages.Import.Label.demand.text(), header: RegistryCSVFormat.demandHeader, method: RegistryService.importDemand,
        duplicates: DuplicateRule(column: "", what: Messages.Import.Key.demand) { fields in
            typealias Column = RegistryCSVFormat.DemandColumn
            return DuplicateFinder.key([Column.creditCode, .occupation, .skillLevel, .year]
                .map { fields[$0.index].trimmingWhitespace.uppercased() }.joined(separator: ","))
        },
        parse: RegistryCSVMapping.demand, batch: DemandImportBatch.init(rows:))
}

extension RegistryCommand.Target {
    /// Runs an import against this registry, prints its summary, and exits 3 if rows were rejected.
    func runImport<Row, Batch>(_ kind: CSVImport<Row, Batch>, file: String, encoding: CSVTextEncoding, batchSize: Int = 500,
                               errors: String? = nil) async throws {
        let client = try makeClient()
        let started = Date()
        let report: ImportReport
        do {
            report = try await kind.run(file: file, encoding: encoding, client: client, batchSize: batchSize)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
        try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
    }
}
