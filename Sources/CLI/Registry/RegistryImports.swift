import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC

/// One kind of CSV import: its file layout, how a record becomes a row, and the streaming call
/// that takes the rows.
struct CSVImport<Row: WireMessage, Batch: WireMessage>: Sendable {
    let label: String
    let header: [String]
    let method: Method<Batch, ImportSummary>
    let parse: @Sendable ([String], UInt32) throws(RowFailure) -> Row
    let batch: @Sendable ([Row]) -> Batch

    func run(file: String, client: RPCClient, batchSize: Int = 500) async throws -> ImportSummary {
        try await CSVImporter.run(
            path: file, header: header, label: label, client: client, method: method, batchSize: batchSize,
            parse: parse, batch: batch)
    }
}

/// The registry's three imports.
enum RegistryImports {
    static let persons = CSVImport(
        label: "persons", header: RegistryCSVFormat.personHeader, method: RegistryService.importPersons,
        parse: RegistryCSVMapping.person, batch: PersonImportBatch.init(rows:))
    static let enterprises = CSVImport(
        label: "enterprises", header: RegistryCSVFormat.enterpriseHeader, method: RegistryService.importEnterprises,
        parse: RegistryCSVMapping.enterprise, batch: EnterpriseImportBatch.init(rows:))
    static let demand = CSVImport(
        label: "demand", header: RegistryCSVFormat.demandHeader, method: RegistryService.importDemand,
        parse: RegistryCSVMapping.demand, batch: DemandImportBatch.init(rows:))
}

extension RegistryCommand.Target {
    /// Runs an import against this registry, prints its summary, and exits 3 if rows were rejected.
    func runImport<Row, Batch>(_ kind: CSVImport<Row, Batch>, file: String, batchSize: Int = 500, errors: String? = nil) async throws {
        let client = try makeClient()
        let started = Date()
        let summary: ImportSummary
        do {
            summary = try await kind.run(file: file, client: client, batchSize: batchSize)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
        if let errors { try CSVImporter.writeErrors(summary, to: errors) }
        try CSVImporter.report(summary, file: file, seconds: Date().timeIntervalSince(started))
    }
}
