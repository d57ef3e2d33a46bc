import Crypto
import Foundation
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
    let views: PersonViews
    let rules: PersonRules
    let store: Store
    /// Reads that show personal data are audited before they are answered, many per commit.
    let readAudit: AuditGroupCommit

    /// Import summaries list at most this many row errors; the count covers all.
    static let reportedErrorLimit = 1_000

    func register(in router: inout RPCRouter) {
        router.unary(RegistryService.registerPerson, policy: RegistryAccess.write) { request, context in
            try await registerPerson(request, context)
        }
        router.unary(RegistryService.getPerson, policy: RegistryAccess.readPersons) { lookup, context in
            let row = try await store.query { db in try await persons.require(lookup, in: db) }
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
            guard let row = try await store.query({ db in try await persons.find(lookup, in: db) }) else {
                return PersonVerification()
            }
            return try views.verification(row)
        }
        router.clientStreaming(RegistryService.importPersons, policy: RegistryAccess.write) { batches, context in
            try await importPersons(batches, context)
        }
        router.serverStreaming(RegistryService.exportPersons, policy: RegistryAccess.readPersons) { request, writer, context in
            try await exportPersons(request, writer, context)
        }
        router.unary(RegistryService.registerEnterprise, policy: RegistryAccess.write) { enterprise, context in
            try await registerEnterprise(enterprise, context)
        }
        router.unary(RegistryService.getEnterprise, policy: RegistryAccess.readEnterprises) { lookup, _ in
            guard let view = try await enterprises.find(lookup.creditCode) else {
                throw RPCError(.notFound, "no enterprise with credit code \(lookup.creditCode)")
            }
            return view
        }
        router.unary(RegistryService.listEnterprises, policy: RegistryAccess.listEnterprises) { request, _ in
            try await enterprises.list(minimumStaff: request.minimumStaff, county: request.county, asOf: request.asOf)
        }
        router.clientStreaming(RegistryService.importEnterprises, policy: RegistryAccess.write) { batches, context in
            // Cleared when the import ends, whatever figures were read while it ran.
            defer { statistics.enterpriseMemo.invalidate() }
            return try await importEnterprises(batches, context)
        }
        router.clientStreaming(RegistryService.importDemand, policy: RegistryAccess.write) { batches, context in
            defer { statistics.enterpriseMemo.invalidate() }
            return try await importDemand(batches, context)
        }
        router.unary(RegistryService.statistics, policy: RegistryAccess.aggregates) { request, _ in
            request.summaryOnly
                ? try await statistics.summary(county: request.county, registrationsUpTo: request.registrationsUpTo)
                : try await statistics.statistics(county: request.county)
        }
        router.unary(RegistryService.demandGap, policy: RegistryAccess.aggregates) { request, _ in
            try await statistics.demandGap(year: request.year)
        }
    }

    // MARK: Persons

    private func registerPerson(_ request: PersonRegistration, _ context: ServerContext) async throws -> RegisterPersonResponse {
        let person = try rules.validate(request)
        try RegistryAccess.requireWrite(context.principal, county: person.residenceCounty)
        guard let key = context.idempotencyKey else {
            return try response(for: try await persons.register(person, context: context.audit))
        }
        // A retried registration returns the first answer and never registers twice.
        let digest = Data(SHA256.hash(data: request.wireBytes()))
        let result = try await store.idempotent(key: key, context: context.audit, requestDigest: digest) { tx in
            Data(try response(for: try await persons.registerInTransaction(person, tx: tx)).wireBytes())
        }
        return try RegisterPersonResponse(wireBytes: Array(result.response))
    }

    private func response(for row: PersonRow) throws -> RegisterPersonResponse {
        var response = RegisterPersonResponse()
        response.cardNumber = row.cardNumber
        response.person = try views.view(row, full: true)
        return response
    }

    private func updatePerson(_ update: PersonUpdate, _ context: ServerContext) async throws -> PersonView {
        let row = try await store.transaction(context.audit) { tx in
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
            track("training_mode", update.trainingMode.map { String($0.rawValue) }, \.trainingModeText)
            track("stage", update.stage, \.stage)
            if update.replaceKeyGroups {
                let groups = try rules.checkKeyGroups(update.keyGroups)
                track("key_groups", KeyGroupList.encode(groups), \.keyGroupsText)
            }
            guard !changes.isEmpty else { return old }
            try await persons.save(new, replacing: old, changes: changes, reason: update.reason, in: tx)
            return try await persons.require(PersonLookup(cardNumber: old.cardNumber), in: tx)
        }
        return try views.view(row, full: true)
    }

    private func changeStatus(_ change: StatusChange, _ context: ServerContext) async throws -> PersonView {
        let row = try await store.transaction(context.audit) { tx in
            let old = try await persons.require(change.person, in: tx)
            try RegistryAccess.requireWrite(context.principal, county: old.residenceCounty)
            var new = old
            var changes: [HistoryChange] = []
            switch change.status {
            case .active:
                guard change.newCounty != 0 else {
                    throw RuleViolation(field: "new_county", reason: "a move within Jincheng needs the new county")
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
                    throw RuleViolation(field: "leaving_reason", reason: "say why: age, death or emigration")
                }
                changes.append(HistoryChange(field: "status", old: "\(old.status.rawValue)", new: "\(RegistrationStatus.leftLabourForce.rawValue)"))
                new.status = .leftLabourForce
                new.leavingReason = change.leavingReason
            default:
                throw RuleViolation(field: "status", reason: "must be active (a move), moved away, or left the labour force")
            }
            guard !changes.isEmpty else { return old }
            try await persons.save(new, replacing: old, changes: changes, reason: change.reason, in: tx)
            return try await persons.require(PersonLookup(cardNumber: old.cardNumber), in: tx)
        }
        return try views.view(row, full: true)
    }

    private func importPersons(_ batches: MessageStream<PersonImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let persons = persons
        let audit = context.audit
        var pipeline = ImportPipeline(rowsPerWrite: PersonRepository.importRowsPerTransaction) {
            (rows: [(line: UInt32, person: PersonRepository.SealedPerson)]) in try await persons.registerBatch(rows, context: audit)
        }
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var valid: [(line: UInt32, person: PersonRepository.SealedPerson)] = []
                for row in batch.rows {
                    do {
                        let person = try rules.validate(row.person, allowLegacy: true)
                        guard RegistryAccess.mayWrite(context.principal, county: person.residenceCounty) else {
                            throw RuleViolation(field: "residence_county", reason: "\(context.principal.identity) may not register persons of county \(person.residenceCounty)")
                        }
                        valid.append((row.line, persons.sealed(person)))
                    } catch let violation as RuleViolation {
                        summary.reject(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    }
                }
                if let outcome = try await pipeline.add(valid) { summary.add(outcome) }
            }
            for outcome in try await pipeline.finish() { summary.add(outcome) }
        } catch {
            await pipeline.stop(after: error)
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    private func exportPersons(_ request: ExportRequest, _ writer: ResponseWriter<PersonBatch>, _ context: ServerContext) async throws {
        if request.county == 0 {
            guard RegistryAccess.mayExportCity(context.principal) else {
                throw RPCError(.permissionDenied, "a county office exports its own county: give --county \(context.principal.county ?? "")")
            }
        } else if let own = context.principal.county, own != String(request.county) {
            throw RPCError(.permissionDenied, "\(context.principal.identity) may export only county \(own)")
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
        let valid = try EnterpriseRepository.validate(enterprise)
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
                throw RPCError(.permissionDenied, "\(principal.identity) may write only enterprises of county \(principal.county ?? "-"); \(code) is registered in another county")
            }
            try await tx.audit(entity: "enterprise", id: code)
        }
        statistics.enterpriseMemo.invalidate()
        return try await enterprises.find(enterprise.creditCode) ?? EnterpriseView()
    }

    private func importEnterprises(_ batches: MessageStream<EnterpriseImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var refusals = OutOfScopeRows()
                var candidates: [(line: UInt32, enterprise: Enterprise, checkValid: Bool)] = []
                for row in batch.rows {
                    do {
                        let check = try EnterpriseRepository.validate(row.enterprise)
                        guard RegistryAccess.mayWrite(principal, county: row.enterprise.county) else {
                            refusals.add(row.enterprise.creditCode)
                            throw RuleViolation(field: "county", reason: RegistryAccess.enterpriseRefusal(
                                principal, creditCode: row.enterprise.creditCode.uppercased(), storedCounty: nil, newCounty: row.enterprise.county))
                        }
                        candidates.append((row.line, row.enterprise, check))
                    } catch let violation as RuleViolation {
                        summary.reject(RowError(line: row.line, column: violation.field, reason: violation.reason))
                    }
                }
                if !candidates.isEmpty {
                    // Which were registered before, and where, read in the same transaction as the upsert.
                    let (accepted, updated, rejected) = try await store.transaction(context.audit) { tx in
                        let stored = try await enterprises.counties(candidates.map(\.enterprise.creditCode), in: tx)
                        var rejected: [(error: RowError, code: String)] = []
                        var valid: [(Enterprise, checkValid: Bool)] = []
                        var lines: [(line: UInt32, code: String)] = []
                        for candidate in candidates {
                            let code = candidate.enterprise.creditCode.uppercased()
                            let county = stored[code]
                            if RegistryAccess.mayWriteEnterprise(principal, storedCounty: county, newCounty: candidate.enterprise.county) {
                                valid.append((candidate.enterprise, candidate.checkValid))
                                lines.append((candidate.line, code))
                            } else {
                                rejected.append((RowError(line: candidate.line, column: "credit_code", reason: RegistryAccess.enterpriseRefusal(
                                    principal, creditCode: code, storedCounty: county, newCounty: candidate.enterprise.county)), code))
                            }
                        }
                        let written = try await enterprises.upsert(valid, confinedTo: RegistryAccess.confinedCounty(principal), in: tx)
                        // Skipped by the write itself: moved to another county since it was read.
                        for (line, code) in lines where !written.contains(code) {
                            rejected.append((RowError(line: line, column: "credit_code",
                                                      reason: "\(principal.identity) may write only enterprises of county \(principal.county ?? "-"); \(code) is registered in another county"), code))
                        }
                        let writtenLines = lines.filter { written.contains($0.code) }
                        try await tx.audit(entity: "enterprise", id: nil, detail: "imported \(writtenLines.count) enterprises")
                        let updated = writtenLines.filter { stored[$0.code] != nil }.count
                        return (writtenLines.count - updated, updated, rejected)
                    }
                    summary.accepted += UInt64(accepted)
                    summary.alreadyRegistered += UInt64(updated)
                    for (error, code) in rejected {
                        refusals.add(code)
                        summary.reject(error)
                    }
                }
                try await refusals.audit(in: store, context.audit, entity: "enterprise")
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }

    private func importDemand(_ batches: MessageStream<DemandImportBatch>, _ context: ServerContext) async throws -> ImportSummary {
        var summary = ImportSummary()
        let principal = context.principal
        do {
            for try await batch in batches {
                summary.received += UInt64(batch.rows.count)
                var candidates: [DemandImportRow] = []
                for row in batch.rows {
                    do {
                        try EnterpriseRepository.validate(row.demand)
                        candidates.append(row)
                    } catch {
                        summary.reject(RowError(line: row.line, column: error.field, reason: error.reason))
                    }
                }
                guard !candidates.isEmpty else { continue }
                // Demand belongs to its enterprise: a county office writes it only for enterprises
                // registered in its own county.
                let (accepted, rejected, outOfScope) = try await store.transaction(context.audit) { tx in
                    let stored = try await enterprises.counties(candidates.map(\.demand.creditCode), in: tx)
                    var valid: [Demand] = []
                    var rejected: [RowError] = []
                    var outOfScope: [String] = []
                    for row in candidates {
                        let code = row.demand.creditCode.uppercased()
                        guard let county = stored[code] else {
                            rejected.append(RowError(line: row.line, column: "credit_code", reason: "no enterprise \(row.demand.creditCode) is registered; import enterprises first"))
                            continue
                        }
                        guard RegistryAccess.mayWriteEnterprise(principal, storedCounty: county, newCounty: nil) else {
                            outOfScope.append(code)
                            rejected.append(RowError(line: row.line, column: "credit_code", reason: "\(principal.identity) may write demand only of enterprises of county \(principal.county ?? "-"); \(code) is registered in county \(county)"))
                            continue
                        }
                        valid.append(row.demand)
                    }
                    try await enterprises.upsert(valid, in: tx)
                    try await tx.audit(entity: "demand", id: nil, detail: "imported \(valid.count) demand lines")
                    return (valid.count, rejected, outOfScope)
                }
                summary.accepted += UInt64(accepted)
                for error in rejected { summary.reject(error) }
                var refusals = OutOfScopeRows()
                for code in outOfScope { refusals.add(code) }
                try await refusals.audit(in: store, context.audit, entity: "demand")
            }
        } catch {
            await ImportEnd.record(error, rowsReceived: summary.received, store: store, context: context)
            throw error
        }
        return summary
    }
}

/// Import rows refused because they lie outside the caller's county: one PERMISSION_DENIED
/// audit row per batch that had any, naming how many and the first few credit codes (an
/// enterprise's code is not personal data).
struct OutOfScopeRows {
    static let namedCodes = 10
    private(set) var count = 0
    private var codes: [String] = []

    mutating func add(_ creditCode: String) {
        count += 1
        if codes.count < Self.namedCodes { codes.append(creditCode.uppercased()) }
    }

    func audit(in store: Store, _ context: AuditContext, entity: String) async throws {
        guard count > 0 else { return }
        try await store.recordAudit(context, outcome: .permissionDenied, entity: entity, id: nil,
                                    detail: "\(count) rows of other counties refused: \(codes.joined(separator: ", "))\(count > codes.count ? ", …" : "")")
    }
}

extension ImportSummary {
    mutating func add(_ outcome: PersonRepository.BatchOutcome) {
        accepted += UInt64(outcome.accepted)
        alreadyRegistered += UInt64(outcome.alreadyRegistered.count)
    }

    mutating func reject(_ error: RowError) {
        rejected += 1
        if errors.count < RegistryRPCService.reportedErrorLimit { errors.append(error) }
    }
}

extension ServerContext {
    /// Who is writing, for the audit log.
    var audit: AuditContext { AuditContext(principal: principal.identity, method: method, requestID: requestID) }
}

extension PersonRow {
    // Text views of enum fields, so one `track` helper records every field's change.
    var educationText: String {
        get { String(details.education.rawValue) }
        set { details.education = EducationLevel(rawValue: Int32(newValue) ?? 0) }
    }
    var trainingModeText: String {
        get { String(details.trainingMode.rawValue) }
        set { details.trainingMode = TrainingMode(rawValue: Int32(newValue) ?? 0) }
    }
    var keyGroupsText: String {
        get { KeyGroupList.encode(keyGroups) }
        set { keyGroups = KeyGroupList.decode(newValue) }
    }
}
