import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// How `ImportPersons` writes (the config file's `registry:` section).
struct PersonImportSettings: Sendable {
    var rowsPerTransaction = PersonRepository.importRowsPerTransaction
    /// A first import into an empty registry leaves the ID-number index out once it has put
    /// this many persons in (``FirstLoad``); 0: never.
    var firstLoadAfter = 1_000_000
}

/// `ImportPersons` (fed by `jcskills registry import`): rows checked and sealed as messages
/// arrive while the previous transaction runs (``ImportPipeline``); each row either registers
/// a person, is counted as already registered, or is rejected with its line and reason.
struct PersonImport: Sendable {
    let store: Store
    let persons: PersonRepository
    let rules: PersonRules
    let records: ImportRecords
    var settings = PersonImportSettings()

    func run(_ batches: MessageStream<PersonImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        var tally = ImportTally(kind: "persons", principal: context.principal)
        let persons = persons
        let audit = context.audit
        let firstLoad = FirstLoad(afterRows: settings.firstLoadAfter, logger: context.logger)
        var pipeline = ImportPipeline(rowsPerWrite: settings.rowsPerTransaction) {
            (rows: [(line: UInt32, person: PersonRepository.SealedPerson)]) in
            try await persons.registerBatch(rows, context: audit, firstLoad: firstLoad)
        }
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var valid: [(line: UInt32, person: PersonRepository.SealedPerson)] = []
                for row in batch.rows {
                    do {
                        let person = try rules.validate(row.person, allowLegacy: true)
                        guard RegistryAccess.mayWrite(context.principal, county: person.residenceCounty) else {
                            tally.rejected(rowCounty: person.residenceCounty, reason: RejectionReason.outOfScope)
                            summary.reject(RowError(line: row.line, column: "residence_county",
                                                    reason: Messages.RegistryRefusals.registerPersonsOfCounty(context.principal.identity, not: person.residenceCounty).forCaller))
                            continue
                        }
                        valid.append((row.line, persons.sealed(person)))
                    } catch let violation {
                        tally.rejected(rowCounty: row.person.residenceCounty, reason: RejectionReason.person(violation, idNumber: row.person.idNumber))
                        summary.reject(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    }
                }
                if let outcome = try await pipeline.add(valid) { summary.add(outcome, to: &tally) }
            }
            for outcome in try await pipeline.finish() { summary.add(outcome, to: &tally) }
            try await endFirstLoad(firstLoad, context)
            try await records.record(tally, context: context)
        } catch {
            await pipeline.stop(after: error)
            do {
                try await endFirstLoad(firstLoad, context)
            } catch let failure {
                context.logger.error("could not build the ID-number index after a first load; the next start builds it",
                                     metadata: ["error": "\(failure)"])
            }
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    /// However the import ends, an index it left out is built before it answers.
    private func endFirstLoad(_ firstLoad: FirstLoad, _ context: ServerContext) async throws {
        guard firstLoad.leftIndexOut, persons.idIndex.isLeftOut else { return }
        firstLoad.end()
        try await persons.idIndex.build(in: store, logger: context.logger)
    }
}

extension ImportSummary {
    mutating func add(_ outcome: PersonRepository.BatchOutcome, to tally: inout ImportTally) {
        accepted += UInt64(outcome.accepted)
        alreadyRegistered += UInt64(outcome.alreadyRegistered.count)
        for (county, rows) in outcome.acceptedByCounty {
            tally.accepted(rowCounty: county, rows: rows)
        }
        for (county, rows) in outcome.alreadyRegisteredByCounty {
            tally.alreadyRegistered(rowCounty: county, rows: rows)
        }
    }
}
