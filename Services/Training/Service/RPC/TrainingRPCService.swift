import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// The training office's methods: each checks the caller's county scope, then reads or writes
/// through the repositories; enrolment asks the registry first (``RegistryPeer``).
struct TrainingRPCService: RPCService {
    let store: Store
    let courses: CourseRepository
    let enrolments: EnrolmentRepository
    let results: ResultRepository
    let indicators: TrainingIndicatorQueries
    let counts: TrainingCountsQueries
    let brands: BrandRepository
    let registry: RegistryPeer
    let evaluation: EvaluationPeer
    let today: @Sendable () -> CalendarDate

    func register(in router: inout RPCRouter) {
        router.unary(TrainingService.registerCourse, policy: TrainingAccess.manage) { request, context in
            try await registerCourse(request, context)
        }
        router.unary(TrainingService.getCourse, policy: TrainingAccess.readCourses) { lookup, _ in
            try await store.query { db in try await courses.require(lookup.code, in: db) }
        }
        router.unary(TrainingService.listCourses, policy: TrainingAccess.readCourses) { request, _ in
            if request.county != 0 { try CountyScope.requireRecordCounty(request.county) }
            var list = CourseList()
            list.courses = try await store.query { db in try await courses.list(county: request.county, year: request.year, in: db) }
            return list
        }
        router.unary(TrainingService.enrol, policy: TrainingAccess.manage) { request, context in
            try await enrol(request, context)
        }
        router.clientStreaming(TrainingService.importEnrolments, policy: TrainingAccess.manage) { batches, context in
            try await EnrolmentImport(store: store, courses: courses, enrolments: enrolments, registry: registry, today: today).run(batches, context)
        }
        router.unary(TrainingService.recordResult, policy: TrainingAccess.manage) { request, context in
            try await recordResult(request, context)
        }
        router.clientStreaming(TrainingService.importResults, policy: TrainingAccess.manage) { batches, context in
            try await ResultImport(store: store, results: results).run(batches, context)
        }
        router.unary(TrainingService.recordCertificate, policy: TrainingAccess.manage) { request, context in
            try await recordCertificate(request, context)
        }
        router.clientStreaming(TrainingService.importCertificatesAfter, policy: TrainingAccess.manage) { batches, context in
            try await CertificateAfterImport(store: store, courses: courses, enrolments: enrolments, results: results, evaluation: evaluation)
                .run(batches, context)
        }
        router.unary(TrainingService.registerBrand, policy: TrainingAccess.manage) { request, context in
            let brand = try BrandRules.validate(request)
            // Whether or not the write went through, the counts read the brands afresh.
            defer { counts.brandsChanged() }
            return try await store.transaction(context.audit) { tx in
                try TrainingAccess.requireCounty(context.principal, county: brand.county)
                try await brands.upsert(brand, in: tx)
                try await tx.audit(entity: "labour_brand", id: brand.code)
                return try await brands.view(brand.code, in: tx) ?? LabourBrandView()
            }
        }
        router.unary(TrainingService.labourBrands, policy: TrainingAccess.readCourses) { _, _ in
            try await store.query { db in try await brands.report(in: db) }
        }
        router.unary(TrainingService.personRecord, policy: TrainingAccess.readRecords) { request, context in
            try await personRecord(request, context)
        }
        router.unary(TrainingService.indicators, policy: TrainingAccess.readFigures) { request, _ in
            try CountyScope.requireCountyOrCity(request.county)
            guard (2000...2100).contains(request.year) else {
                throw RuleViolation(field: "year", reason: Messages.Refusals.notAPlausibleYear(request.year))
            }
            return try await indicators.indicators(year: request.year, county: request.county)
        }
        router.unary(TrainingService.counts, policy: TrainingAccess.readFigures) { request, _ in
            try await counts.counts(answering: request, today: today(), reading: store)
        }
        router.unary(TrainingService.batchCounts, policy: TrainingAccess.readFigures) { questions, _ in
            TrainingCountsAnswers(answers: try await counts.answers(questions.requests, today: today(), on: store))
        }
    }

    /// The training part read here, the certificates asked of the evaluation service with what
    /// is left of the caller's deadline; the disclosure is audited before the answer goes out.
    private func personRecord(_ request: PersonRecordRequest, _ context: ServerContext) async throws -> PersonTrainingRecord {
        let idNumber: String
        do throws(IDNumberError) {
            idNumber = try ResidentIDNumber.parse(request.idNumber).value
        } catch {
            throw RuleViolation(field: "id_number", reason: error.message)
        }
        var record = PersonTrainingRecord()
        record.courses = try await store.query { db in
            var entries: [TrainingRecordEntry] = []
            for enrolment in try await enrolments.enrolments(of: idNumber, in: db) {
                var entry = TrainingRecordEntry()
                entry.course = try await courses.require(enrolment.course, in: db).course
                entry.enrolmentNumber = enrolment.number
                entry.enrolledOn = enrolment.enrolledOn
                entry.result = try await results.view(of: enrolment.number, course: enrolment.course, in: db)
                entries.append(entry)
                record.cardNumber = enrolment.card
            }
            return entries
        }
        let timeout = context.timeRemaining.map { $0 / 2 } ?? .seconds(2)
        if let certificates = await evaluation.recognitionsIfAvailable(of: idNumber, timeout: timeout) {
            record.certificates = certificates
            record.certificatesKnown = true
        }
        try await store.recordAudit(context.audit, outcome: .ok, entity: "person_record", id: record.cardNumber.isEmpty ? nil : record.cardNumber,
                                    detail: "lifelong record shown: \(record.courses.count) courses")
        return record
    }

    /// The evaluation service is asked before the transaction, by certificate number and the
    /// trainee's ID number (opened from the enrolment's seal, never sent anywhere else).
    private func recordCertificate(_ request: CertificateAfterTraining, _ context: ServerContext) async throws -> TrainingResultView {
        let enrolment = request.enrolmentNumber.trimmingWhitespace
        let number = request.certificateNumber.trimmingWhitespace
        guard !number.isEmpty else { throw RuleViolation(field: "certificate_number", reason: Messages.Refusals.isEmpty) }
        let (course, idNumber) = try await store.query { db in
            guard let trainee = try await enrolments.trainees(of: [enrolment], in: db)[enrolment] else {
                throw RPCError(.notFound, Messages.TrainingRefusals.noEnrolment(enrolment))
            }
            return (try await courses.require(trainee.courseCode, in: db).course, trainee.idNumber)
        }
        try TrainingAccess.requireCounty(context.principal, county: course.county)
        let answer = try await evaluation.verify(number: number, holderIDNumber: idNumber, timeout: context.timeRemaining)
        try CertificateAfterTrainingRules.check(answer, number: number, course: course)
        return try await store.transaction(context.audit) { tx in
            var targets = try await results.targets([enrolment], in: tx)
            _ = try await results.recordCertificates([.init(enrolment: enrolment, number: number, issuedOn: answer.issuedOn)], targets: &targets, in: tx)
            try await tx.audit(entity: "certificate_after_training", id: enrolment, detail: "certificate \(number)")
            return try await results.view(of: enrolment, course: course.code, in: tx)
        }
    }

    private func recordResult(_ request: TrainingResult, _ context: ServerContext) async throws -> TrainingResultView {
        var request = request
        request.enrolmentNumber = request.enrolmentNumber.trimmingWhitespace
        return try await store.transaction(context.audit) { tx in
            var targets = try await results.targets([request.enrolmentNumber], in: tx)
            guard let course = targets[request.enrolmentNumber]?.course else {
                throw RPCError(.notFound, Messages.TrainingRefusals.noEnrolment(request.enrolmentNumber))
            }
            try TrainingAccess.requireCounty(context.principal, county: course.county)
            let changed = try await results.record([try ResultRules.validate(request, course: course)], targets: &targets, in: tx)[0]
            try await tx.audit(entity: "result", id: request.enrolmentNumber, detail: changed ? nil : "unchanged")
            return try await results.view(of: request.enrolmentNumber, course: course.code, in: tx)
        }
    }

    private func registerCourse(_ request: Course, _ context: ServerContext) async throws -> CourseView {
        let course = try CourseRules.validate(request)
        return try await store.transaction(context.audit) { tx in
            try TrainingAccess.requireCounty(context.principal, county: course.county)
            // A county office may not take over (or move) another county's course.
            if let existing = try await courses.find(course.code, in: tx) {
                try TrainingAccess.requireCounty(context.principal, county: existing.course.county)
            }
            if !course.labourBrand.isEmpty, try await brands.view(course.labourBrand, in: tx) == nil {
                throw RuleViolation(field: "labour_brand", reason: Messages.TrainingRefusals.noLabourBrand(course.labourBrand))
            }
            try await courses.upsert(course, in: tx)
            try await tx.audit(entity: "course", id: course.code)
            return try await courses.require(course.code, in: tx)
        }
    }

    /// The registry is asked before the transaction (a network call must not hold the write
    /// lock), with what is left of the caller's deadline; the rules that need the stored
    /// enrolments run inside it.
    private func enrol(_ request: EnrolmentRequest, _ context: ServerContext) async throws -> EnrolmentView {
        let idNumber = try EnrolmentRules.idNumber(of: request)
        let code = request.courseCode.trimmingWhitespace
        let course = try await store.query { db in try await courses.require(code, in: db) }.course
        try TrainingAccess.requireCounty(context.principal, county: course.county)
        let day = try EnrolmentRules.day(request.enrolledOn, course: course, today: today())
        let person = try await registry.verify(idNumber: idNumber, timeout: context.timeRemaining)
        try EnrolmentRules.check(person, for: course)
        // A retried enrolment returns the first answer and never takes two places.
        return try await store.write(request, idempotencyKey: context.idempotencyKey, context: context.audit) { tx in
            try await enrolments.enrol(EnrolmentRepository.Candidate(idNumber: idNumber, person: person, course: course, day: day), in: tx)
        }
    }
}
