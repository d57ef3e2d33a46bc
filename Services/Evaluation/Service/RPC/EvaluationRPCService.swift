import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// The evaluation service's methods. Each write runs in one store transaction, audited; the
/// institution rules are checked inside it so a status change cannot slip between check and issue.
struct EvaluationRPCService: RPCService {
    let institutions: InstitutionRepository
    let certificates: CertificateRepository
    let counts: CountQueries
    let views: CertificateViews
    let rules: CertificateRules
    let enterprises: RegistryPeer
    let compliance: ComplianceQueries
    let baseline: BaselineRepository
    let signer: CertificateSigner
    /// Staff an enterprise needs for its own evaluation body (docs/DOMAIN.md §9: 300, local policy).
    let enterpriseBodyMinimumStaff: UInt32
    let store: Store

    func register(in router: inout RPCRouter) {
        router.unary(EvaluationService.registerInstitution, policy: EvaluationAccess.manageInstitutions) { request, context in
            defer { institutionsChanged() }
            return try await registerInstitution(request, context)
        }
        router.unary(EvaluationService.setInstitutionStatus, policy: EvaluationAccess.manageInstitutions) { change, context in
            defer { institutionsChanged() }
            guard InstitutionStatus.known.contains(change.status) else {
                throw RuleViolation(field: "status", reason: Messages.EvaluationRefusals.institutionStatuses)
            }
            return try await store.transaction(context.audit) { tx in
                let old = try await institutions.require(change.code, in: tx)
                try EvaluationAccess.requireCounty(context.principal, county: old.institution.county)
                try await institutions.setStatus(change.code, change.status, in: tx)
                try await tx.audit(entity: "institution", id: change.code,
                                   detail: "status \(old.status) -> \(change.status): \(change.reason)")
                return try await institutions.require(change.code, in: tx)
            }
        }
        router.unary(EvaluationService.getInstitution, policy: EvaluationAccess.readInstitutions) { lookup, _ in
            try await store.read { db in try await institutions.require(lookup.code, in: db) }
        }
        router.unary(EvaluationService.listInstitutions, policy: EvaluationAccess.readInstitutions) { request, _ in
            var list = InstitutionList()
            list.institutions = try await store.read { db in
                try await institutions.list(county: request.county, type: request.type, in: db)
            }
            return list
        }
        router.unary(EvaluationService.issueCertificate, policy: EvaluationAccess.issue) { request, context in
            try await issueCertificate(request, context)
        }
        router.unary(EvaluationService.revokeCertificate, policy: EvaluationAccess.revoke) { request, context in
            guard !request.reason.trimmingWhitespace.isEmpty else {
                throw RuleViolation(field: "reason", reason: Messages.EvaluationRefusals.sayWhyRevoked)
            }
            // A retried revocation returns the first answer and never writes twice.
            return try await store.write(request, idempotencyKey: context.idempotencyKey, context: context.audit) { tx in
                try views.view(try await certificates.revoke(request.number, on: rules.today(), reason: request.reason, in: tx))
            }
        }
        router.unary(EvaluationService.verifyCertificate, policy: EvaluationAccess.verify) { request, _ in
            let row = try await store.read { db in try await certificates.find(number: request.number, in: db) }
            return views.verification(row, holderName: request.holderName, holderIDNumber: request.holderIDNumber)
        }
        router.unary(EvaluationService.verifyCertificates, policy: EvaluationAccess.verify) { batch, _ in
            guard batch.requests.count <= CertificateVerificationBatch.limit else {
                throw RuleViolation(field: "requests", reason: Messages.EvaluationRefusals.tooManyVerifications(batch.requests.count, limit: CertificateVerificationBatch.limit))
            }
            let rows = try await store.read { db in try await certificates.find(numbers: Set(batch.requests.map(\.number)), in: db) }
            return CertificateVerifications(answers: batch.requests.map { request in
                views.verification(rows[request.number], holderName: request.holderName, holderIDNumber: request.holderIDNumber)
            })
        }
        router.unary(EvaluationService.getCertificate, policy: EvaluationAccess.readHolders) { lookup, _ in
            try views.view(try await store.read { db in try await certificates.require(number: lookup.number, in: db) })
        }
        router.unary(EvaluationService.exportCertificate, policy: EvaluationAccess.issue) { lookup, context in
            let row = try await store.read { db in try await certificates.require(number: lookup.number, in: db) }
            // The export shows the holder's name in full: recorded like any disclosure.
            try await store.transaction(context.audit) { tx in
                try await tx.audit(entity: "certificate", id: row.number, detail: "exported, signed")
            }
            return try signer.export(row)
        }
        router.unary(EvaluationService.recognitions, policy: EvaluationAccess.readHolders) { request, _ in
            let id: ResidentIDNumber
            do throws(IDNumberError) {
                id = try ResidentIDNumber.parse(request.holderIDNumber, notAfter: rules.today())
            } catch {
                throw RuleViolation(field: "holder_id_number", reason: error.message)
            }
            let index = views.personal.blindIndex(id.value, for: .idNumber)
            return try await store.read { db in try await Recognitions.person(holderIndex: index, views: views, in: db) }
        }
        router.clientStreaming(EvaluationService.importCertificates, policy: EvaluationAccess.issue) { batches, context in
            try await CertificateImport(
                store: store, rules: rules, institutions: institutions,
                writer: CertificateBatchWriter(personal: certificates.personal, clock: certificates.clock)
            ).run(batches, context)
        }
        router.unary(EvaluationService.declareBaseline, policy: EvaluationAccess.issue) { declaration, context in
            _ = try BaselineRepository.validate(declaration)
            return try await store.transaction(context.audit) { tx in try await baseline.declare(declaration, in: tx) }
        }
        router.unary(EvaluationService.baseline, policy: EvaluationAccess.counts) { request, _ in
            var report = BaselineReport()
            report.entries = try await store.read { db in try await baseline.entries(county: request.county, in: db) }
            return report
        }
        router.unary(EvaluationService.counts, policy: EvaluationAccess.counts) { request, context in
            try await answerCounts(request, context, reading: store)
        }
        router.unary(EvaluationService.batchCounts, policy: EvaluationAccess.counts) { questions, context in
            let today = rules.today()
            let grouped = try await GroupedCounts(questions.requests, today: today, on: store) { [counts] group in
                try await counts.counts(counties: group.counties, asOf: group.asOf, year: group.year, today: !(group.asOf < today), reading: store)
            }
            return EvaluationCountsAnswers(answers: try await BatchQuestions.answer(questions.requests, limit: CountsQuestions.limit, on: store) {
                try await answerCounts($0, context, reading: $1, grouped: grouped)
            })
        }
        router.unary(EvaluationService.compliance, policy: EvaluationAccess.counts) { request, _ in
            try CountyScope.requireCountyOrCity(request.county)
            return try await compliance.report(county: request.county)
        }
    }

    /// After an institution is registered or its status set, whether or not the write went
    /// through: an enterprise body may have come or gone (the counts' compliance figure is
    /// recounted), and the institutions' own figures too.
    private func institutionsChanged() {
        compliance.recent.bodiesChanged()
        counts.institutionMemo.invalidate()
    }

    /// `Counts`, and each question of `BatchCounts` (`grouped`: its counts read already, with
    /// other counties'; the compliance figure is still added here).
    private func answerCounts(
        _ request: CountsRequest, _ context: ServerContext, reading: any RowReading, grouped: GroupedCounts<EvaluationCounts> = .init()
    ) async throws -> EvaluationCounts {
        try CountyScope.requireCountyOrCity(request.county)
        let asOf = try request.asOfDate(today: rules.today())
        // The registry is asked alongside the local counts, on a short deadline: when it
        // cannot answer, the counts still do, with the compliance figure marked unknown.
        let past = asOf < rules.today()
        let year = request.year == 0 ? Int32(asOf.year) : request.year
        let local = { [counts] () async throws -> EvaluationCounts in
            if let known = grouped[request.county, asOf, year] { return known }
            return try await counts.counts(county: request.county, asOf: asOf, year: year, today: !past, reading: reading)
        }
        // Counted a moment ago (nearly always under the gateway's load): no race against a timer.
        let maxAge = ComplianceQueries.countsMaxAge
        if let known = past ? compliance.recent.lacking(county: request.county, on: asOf.yyyymmdd, maxAge: maxAge)
            : compliance.recent.lacking(county: request.county, maxAge: maxAge) {
            var result = try await local()
            result.enterprisesLackingBody = known
            result.complianceKnown = true
            return result
        }
        let deadline = ComplianceQueries.countsDeadline(context)
        async let lacking = TimeLimit.run(deadline) { [compliance] in
            past ? try await compliance.lackingCount(county: request.county, on: asOf.yyyymmdd, timeout: deadline,
                                                     maxAge: ComplianceQueries.countsMaxAge)
                : try await compliance.lackingCount(county: request.county, timeout: deadline, maxAge: ComplianceQueries.countsMaxAge)
        }
        var result = try await local()
        if case .success(let known)? = await lacking {
            result.enterprisesLackingBody = known
            result.complianceKnown = true
        }
        return result
    }

    private func registerInstitution(_ request: Institution, _ context: ServerContext) async throws -> InstitutionView {
        let institution = try InstitutionRepository.validate(request)
        try EvaluationAccess.requireCounty(context.principal, county: institution.county)
        if institution.type == .enterpriseBody {
            // Asked before the transaction: a network call must not hold a write lock.
            guard let staff = try await enterprises.staffCount(of: institution.enterpriseCreditCode) else {
                throw RuleRefusal(rule: RuleRefusal.enterpriseBodyStaff,
                                  reason: Messages.EvaluationRefusals.enterpriseNotInRegistry(institution.enterpriseCreditCode))
            }
            guard staff >= enterpriseBodyMinimumStaff else {
                throw RuleRefusal(rule: RuleRefusal.enterpriseBodyStaff,
                                  reason: Messages.EvaluationRefusals.tooFewStaff(institution.enterpriseCreditCode, staff: staff, minimum: enterpriseBodyMinimumStaff))
            }
        }
        return try await store.transaction(context.audit) { tx in
            // A county office may not take over (or move) another county's institution.
            if let existing = try await institutions.find(institution.code, in: tx) {
                try EvaluationAccess.requireCounty(context.principal, county: existing.institution.county)
            }
            try await institutions.upsert(institution, in: tx)
            try await tx.audit(entity: "institution", id: institution.code)
            return try await institutions.require(institution.code, in: tx)
        }
    }

    private func issueCertificate(_ request: CertificateIssue, _ context: ServerContext) async throws -> IssueCertificateResponse {
        let validated = try rules.validate(request)
        // A retried issue returns the first certificate and never counts the holder twice.
        return try await store.write(request, idempotencyKey: context.idempotencyKey, context: context.audit) { tx in
            var issue = validated
            let institution = try await institutions.require(issue.institutionCode, in: tx)
            let allowed = try await institutions.scopeAllows(issue.institutionCode, occupation: issue.occupation, level: issue.level, in: tx)
            try rules.check(&issue, against: institution, scopeAllows: allowed)
            let (row, superseded) = try await certificates.issue(issue, in: tx)
            var response = IssueCertificateResponse()
            response.number = row.number
            response.certificate = try views.view(row)
            response.superseded = superseded
            return response
        }
    }
}

