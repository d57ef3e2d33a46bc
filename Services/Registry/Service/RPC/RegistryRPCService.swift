import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// The registry's methods: each checks the caller's county scope, then reads or writes through
/// the repositories. Every write is audited by the store; reads that reveal personal data are
/// audited too (PIPL).
struct RegistryRPCService: RPCService {
    let persons: PersonRepository
    let enterprises: EnterpriseRepository
    let statistics: StatisticsQueries
    let quality: QualityQueries
    let importRecords: ImportRecords
    let views: PersonViews
    let rules: PersonRules
    let store: Store
    /// Reads that show personal data are audited before they are answered, many per commit.
    let readAudit: AuditGroupCommit
    var importSettings = PersonImportSettings()

    func register(in router: inout RPCRouter) {
        router.unary(RegistryService.registerPerson, policy: RegistryAccess.write) { request, context in
            try await registerPerson(request, context)
        }
        router.unary(RegistryService.getPerson, policy: RegistryAccess.readPersons) { lookup, context in
            let row = try await persons.require(lookup)
            let full = RegistryAccess.seesPersonalData(context.principal, county: row.residenceCounty)
            if full {
                try await readAudit.record(context.audit, outcome: .ok, entity: "person", id: row.cardNumber, detail: "personal data shown")
            }
            return try views.view(row, full: full)
        }
        router.unary(RegistryService.updatePerson, policy: RegistryAccess.write) { update, context in
            try await updatePerson(update, context)
        }
        router.unary(RegistryService.changeStatus, policy: RegistryAccess.write) { change, context in
            try await changeStatus(change, context)
        }
        router.unary(RegistryService.personHistory, policy: RegistryAccess.readPersons) { lookup, context in
            try await store.read { db in
                let row = try await persons.require(lookup, in: db)
                var history = PersonHistory()
                history.cardNumber = row.cardNumber
                history.entries = try await persons.history(of: row, in: db)
                return history
            }
        }
        router.unary(RegistryService.verifyPerson, policy: RegistryAccess.verify) { lookup, _ in
            guard let row = try await persons.find(lookup) else {
                return PersonVerification()
            }
            return try views.verification(row)
        }
        router.unary(RegistryService.verifyPersons, policy: RegistryAccess.verify) { batch, _ in
            guard batch.lookups.count <= PersonLookupBatch.limit else {
                throw RuleViolation(field: "lookups", reason: Messages.RegistryRefusals.tooManyLookups(batch.lookups.count, limit: PersonLookupBatch.limit))
            }
            var answer = PersonVerificationBatch()
            answer.verifications = try await store.query { db in
                try await persons.find(batch.lookups, in: db).map { try $0.map(views.verification) ?? PersonVerification() }
            }
            return answer
        }
        router.clientStreaming(RegistryService.importPersons, policy: RegistryAccess.write) { batches, context in
            try await PersonImport(store: store, persons: persons, rules: rules, records: importRecords, settings: importSettings)
                .run(batches, context)
        }
        router.serverStreaming(RegistryService.exportPersons, policy: RegistryAccess.readPersons) { request, writer, context in
            try await exportPersons(request, writer, context)
        }
        router.unary(RegistryService.registerEnterprise, policy: RegistryAccess.write) { enterprise, context in
            try await registerEnterprise(enterprise, context)
        }
        router.unary(RegistryService.getEnterprise, policy: RegistryAccess.readEnterprises) { lookup, _ in
            guard let view = try await enterprises.find(lookup.creditCode) else {
                throw RPCError(.notFound, Messages.RegistryRefusals.noEnterprise(lookup.creditCode))
            }
            return view
        }
        router.unary(RegistryService.listEnterprises, policy: RegistryAccess.listEnterprises) { request, _ in
            try await enterprises.list(minimumStaff: request.minimumStaff, county: request.county, asOf: request.asOf)
        }
        router.clientStreaming(RegistryService.importEnterprises, policy: RegistryAccess.write) { batches, context in
            // Cleared when the import ends, whatever figures were read while it ran.
            defer { statistics.enterpriseMemo.invalidate() }
            return try await EnterpriseImport(store: store, enterprises: enterprises, records: importRecords).run(batches, context)
        }
        router.clientStreaming(RegistryService.importDemand, policy: RegistryAccess.write) { batches, context in
            defer { statistics.enterpriseMemo.invalidate() }
            return try await DemandImport(store: store, enterprises: enterprises).run(batches, context)
        }
        router.unary(RegistryService.statistics, policy: RegistryAccess.aggregates) { request, _ in
            try await statistics.answer(request, reading: store)
        }
        router.unary(RegistryService.batchStatistics, policy: RegistryAccess.aggregates) { questions, _ in
            let grouped = try await statistics.groupedSummaries(questions.requests)
            return StatisticsAnswers(answers: try await BatchQuestions.answer(
                questions.requests, limit: StatisticsQuestions.limit, on: store, known: { grouped[$0] }
            ) {
                try await statistics.answer($0, reading: $1)
            })
        }
        router.unary(RegistryService.demandGap, policy: RegistryAccess.aggregates) { request, _ in
            try await statistics.demandGap(year: request.year)
        }
        router.unary(RegistryService.quality, policy: RegistryAccess.quality) { request, context in
            try CountyScope.requireCountyOrCity(request.county)
            try RegistryAccess.requireQualityScope(context.principal, county: request.county)
            return try await quality.report(county: request.county)
        }
    }

    // MARK: Persons

    private func registerPerson(_ request: PersonRegistration, _ context: ServerContext) async throws -> RegisterPersonResponse {
        let person = try rules.validate(request)
        try RegistryAccess.requireWrite(context.principal, county: person.residenceCounty)
        do {
            // A retried registration returns the first answer and never registers twice.
            return try await store.write(request, idempotencyKey: context.idempotencyKey, context: context.audit) { tx in
                try response(for: try await persons.registerInTransaction(person, tx: tx))
            }
        } catch let error as RPCError where error.code == .alreadyExists {
            // The refusal stands even if counting it fails: the count is a figure, not the answer.
            try? await DuplicateRegistrations(store: store).count(county: person.residenceCounty, context: context.audit)
            throw error
        }
    }

    private func response(for row: PersonRow) throws -> RegisterPersonResponse {
        var response = RegisterPersonResponse()
        response.cardNumber = row.cardNumber
        response.person = try views.view(row, full: true)
        return response
    }

    private func updatePerson(_ update: PersonUpdate, _ context: ServerContext) async throws -> PersonView {
        // A retried update returns the first answer and never adds to the history twice.
        try await store.write(update, idempotencyKey: context.idempotencyKey, context: context.audit) { tx in
            let old = try await persons.require(update.person, in: tx)
            try RegistryAccess.requireWrite(context.principal, county: old.residenceCounty)
            var new = old
            var changes: [HistoryChange] = []
            if let given = update.phone {
                let phone = try rules.checkPhone(given)
                let oldPhone = try views.personal.open(old.phoneSealed, as: .phone)
                if phone != oldPhone {
                    new.phoneSealed = views.personal.seal(phone, as: .phone)
                    changes.append(HistoryChange(field: "phone", old: Masking.phone(oldPhone), new: Masking.phone(phone)))
                }
            }
            func track<T: Equatable & CustomStringConvertible>(_ field: String, _ value: T?, _ path: WritableKeyPath<PersonRow, T>) {
                guard let value, new[keyPath: path] != value else { return }
                changes.append(HistoryChange(field: field, old: old[keyPath: path].description, new: value.description))
                new[keyPath: path] = value
            }
            if let category = update.category { try rules.checkCategory(category) }
            track("category", update.category, \.category)
            track("education", update.education.map { String($0.rawValue) }, \.educationText)
            track("occupation", update.occupation, \.occupation)
            track("employment", update.employment, \.employment)
            track("training_wish", update.trainingWish, \.trainingWish)
            if let mode = update.trainingMode { try rules.checkTrainingMode(mode) }
            track("training_mode", update.trainingMode.map { String($0.rawValue) }, \.trainingModeText)
            track("stage", update.stage, \.stage)
            if update.replaceKeyGroups {
                let groups = try rules.checkKeyGroups(update.keyGroups)
                track("key_groups", KeyGroupList.encode(groups), \.keyGroupsText)
            }
            guard !changes.isEmpty else { return try views.view(old, full: true) }
            try await persons.save(new, replacing: old, changes: changes, reason: update.reason, in: tx)
            return try views.view(try await persons.require(PersonLookup(cardNumber: old.cardNumber), in: tx), full: true)
        }
    }

    private func changeStatus(_ change: StatusChange, _ context: ServerContext) async throws -> PersonView {
        // A retried change returns the first answer and never adds to the history twice.
        try await store.write(change, idempotencyKey: context.idempotencyKey, context: context.audit) { tx in
            let old = try await persons.require(change.person, in: tx)
            try RegistryAccess.requireWrite(context.principal, county: old.residenceCounty)
            var new = old
            var changes: [HistoryChange] = []
            switch change.status {
            case .active:
                guard change.newCounty != 0 else {
                    throw RuleViolation(field: "new_county", reason: Messages.RegistryRefusals.moveNeedsCounty)
                }
                try rules.checkCounty(change.newCounty, field: "new_county")
                if old.status != .active {
                    changes.append(HistoryChange(field: "status", old: "\(old.status.rawValue)", new: "\(RegistrationStatus.active.rawValue)"))
                }
                new.status = .active
                new.leavingReason = .unspecified
                if change.newCounty != old.residenceCounty {
                    changes.append(HistoryChange(field: "residence_county", old: "\(old.residenceCounty)", new: "\(change.newCounty)"))
                    new.residenceCounty = change.newCounty
                }
            case .movedAway:
                changes.append(HistoryChange(field: "status", old: "\(old.status.rawValue)", new: "\(RegistrationStatus.movedAway.rawValue)"))
                new.status = .movedAway
            case .leftLabourForce:
                guard change.leavingReason != .unspecified else {
                    throw RuleViolation(field: "leaving_reason", reason: Messages.RegistryRefusals.sayWhyLeaving)
                }
                changes.append(HistoryChange(field: "status", old: "\(old.status.rawValue)", new: "\(RegistrationStatus.leftLabourForce.rawValue)"))
                new.status = .leftLabourForce
                new.leavingReason = change.leavingReason
            default:
                throw RuleViolation(field: "status", reason: Messages.RegistryRefusals.statusChanges)
            }
            guard !changes.isEmpty else { return try views.view(old, full: true) }
            try await persons.save(new, replacing: old, changes: changes, reason: change.reason, in: tx)
            return try views.view(try await persons.require(PersonLookup(cardNumber: old.cardNumber), in: tx), full: true)
        }
    }

    private func exportPersons(_ request: ExportRequest, _ writer: ResponseWriter<PersonBatch>, _ context: ServerContext) async throws {
        if request.county == 0 {
            guard RegistryAccess.mayExportCity(context.principal) else {
                throw RPCError(.permissionDenied, Messages.RegistryRefusals.exportOwnCounty(context.principal.county ?? ""))
            }
        } else if let own = context.principal.county, own != String(request.county) {
            throw RPCError(.permissionDenied, Messages.RegistryRefusals.exportOnlyCounty(context.principal.identity, own: own))
        }
        let full = request.county == 0
            ? !context.principal.hasRole(RegistryAccess.auditor)
            : RegistryAccess.seesPersonalData(context.principal, county: request.county)
        if full {
            try await readAudit.record(context.audit, outcome: .ok, entity: "person", id: nil, detail: "personal data exported, county \(request.county)")
        }
        var after: Int64 = 0
        while true {
            let page = try await persons.page(county: request.county, includeInactive: request.includeInactive, after: after, limit: 500)
            guard !page.isEmpty else { return }
            var batch = PersonBatch()
            batch.persons = try page.map { try views.view($0, full: full) }
            try await writer.send(batch)
            after = page.last!.id
        }
    }

    // MARK: Enterprises

    /// A county office registers and updates only enterprises that are, and stay, in its own
    /// county; checked in the transaction, so a refusal is audited as PERMISSION_DENIED.
    private func registerEnterprise(_ enterprise: Enterprise, _ context: ServerContext) async throws -> EnterpriseView {
        let valid = try EnterpriseRules.validate(enterprise)
        let code = enterprise.creditCode.uppercased()
        let principal = context.principal
        try await store.transaction(context.audit) { tx in
            let stored = try await enterprises.counties([code], in: tx)[code]
            guard RegistryAccess.mayWriteEnterprise(principal, storedCounty: stored, newCounty: enterprise.county) else {
                throw RPCError(.permissionDenied, RegistryAccess.enterpriseRefusal(
                    principal, creditCode: code, storedCounty: stored, newCounty: enterprise.county))
            }
            let written = try await enterprises.upsert(
                [(enterprise, valid)], confinedTo: RegistryAccess.confinedCounty(principal), in: tx)
            guard written.contains(code) else {
                // Moved to another county since it was read (PostgreSQL, concurrent writers).
                throw RPCError(.permissionDenied, Messages.RegistryRefusals.enterpriseMovedAway(principal.identity, own: principal.county ?? "-", code: code))
            }
            try await tx.audit(entity: "enterprise", id: code)
        }
        statistics.enterpriseMemo.invalidate()
        return try await enterprises.find(enterprise.creditCode) ?? EnterpriseView()
    }

}
