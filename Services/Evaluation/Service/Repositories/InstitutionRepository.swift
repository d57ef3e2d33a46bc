import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Institutions and their filed scope, written once for SQLite and PostgreSQL. Registering an
/// institution again updates its details and replaces its scope; its status changes only
/// through ``setStatus(_:_:in:)``.
struct InstitutionRepository: Sendable {
    let clock: @Sendable () -> Date

    /// Checks the fields that need no other service; returns the institution normalised.
    static func validate(_ institution: Institution) throws(RuleViolation) -> Institution {
        var result = institution
        result.code = institution.code.trimmingWhitespace
        guard !result.code.isEmpty else { throw RuleViolation(field: "code", reason: Messages.Refusals.isEmpty) }
        guard !institution.name.trimmingWhitespace.isEmpty else {
            throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty)
        }
        guard InstitutionType.known.contains(institution.type) else {
            throw RuleViolation(field: "type", reason: Messages.EvaluationRefusals.institutionTypes)
        }
        guard institution.county == JinchengDivisions.city.code || JinchengDivisions.isJinchengCounty(institution.county) else {
            throw RuleViolation(field: "county", reason: Messages.EvaluationRefusals.notACountyNorTheCity(institution.county))
        }
        if institution.type == .enterpriseBody {
            do throws(CreditCodeError) {
                result.enterpriseCreditCode = try UnifiedSocialCreditCode.parse(institution.enterpriseCreditCode).value
            } catch {
                throw RuleViolation(field: "enterprise_credit_code", reason: Messages.EvaluationRefusals.bodyNeedsCreditCode(error.message))
            }
        } else if !institution.enterpriseCreditCode.isEmpty {
            throw RuleViolation(field: "enterprise_credit_code", reason: Messages.EvaluationRefusals.onlyBodiesNameEnterprises)
        }
        if institution.approvedOn != 0 && CalendarDate(yyyymmdd: institution.approvedOn) == nil {
            throw RuleViolation(field: "approved_on", reason: Messages.Refusals.notAYyyymmddDate(institution.approvedOn))
        }
        for entry in institution.scope {
            guard !entry.occupation.isEmpty else { throw RuleViolation(field: "scope", reason: Messages.EvaluationRefusals.scopeWithoutOccupation) }
            if let level = entry.levels.first(where: { !$0.isKnown }) {
                throw RuleViolation(field: "scope", reason: Messages.EvaluationRefusals.scopeUnknownLevel(entry.occupation, level.rawValue))
            }
            for level in entry.levels {
                if let reason = RuleRefusal.lackedLevel(level, occupation: entry.occupation) {
                    throw RuleViolation(field: "scope", reason: reason)
                }
            }
        }
        return result
    }

    func upsert(_ institution: Institution, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        let today = CalendarDate(unixMilliseconds: now)?.yyyymmdd ?? 0
        guard institution.approvedOn <= today else {
            throw RuleViolation(field: "approved_on", reason: Messages.Refusals.inTheFuture(institution.approvedOn))
        }
        let isNew = try await tx.select().column("code").from("institutions")
            .where("code", .equal, SQLBind(institution.code)).first() == nil
        try await tx.raw("""
            INSERT INTO institutions (code, name, type, county, status, enterprise_code, updated_ms)
            VALUES (\(bind: institution.code), \(bind: institution.name), \(bind: institution.type.rawValue),
                    \(bind: institution.county), \(bind: InstitutionStatus.active.rawValue),
                    \(bind: institution.enterpriseCreditCode), \(bind: now))
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, county = excluded.county,
                enterprise_code = excluded.enterprise_code, updated_ms = excluded.updated_ms
            """).run()
        try await tx.delete(from: "institution_scope").where("code", .equal, SQLBind(institution.code)).run()
        for entry in institution.scope {
            for level in entry.levels.isEmpty ? [SkillLevel.unspecified] : entry.levels {
                try await tx.raw("""
                    INSERT INTO institution_scope (code, occupation, level)
                    VALUES (\(bind: institution.code), \(bind: entry.occupation), \(bind: level.rawValue))
                    ON CONFLICT (code, occupation, level) DO NOTHING
                    """).run()
            }
        }
        try await recordHistory(institution.code, from: isNew && institution.approvedOn != 0 ? institution.approvedOn : today, in: tx)
    }

    /// Appends the institution's state as it now stands, from `day` (``EvaluationSchema``,
    /// migration 9).
    private func recordHistory(_ code: String, from day: Int32, in tx: StoreTransaction) async throws {
        try await tx.raw("""
            INSERT INTO institution_history (code, day, type, county, status)
            SELECT code, \(bind: day), type, county, status FROM institutions WHERE code = \(bind: code)
            """).run()
    }

    func setStatus(_ code: String, _ status: InstitutionStatus, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        try await tx.update("institutions")
            .set("status", to: SQLBind(status.rawValue)).set("updated_ms", to: SQLBind(now))
            .where("code", .equal, SQLBind(code)).run()
        try await recordHistory(code, from: CalendarDate(unixMilliseconds: now)?.yyyymmdd ?? 0, in: tx)
    }

    func find(_ code: String, in db: any SQLDatabase) async throws -> InstitutionView? {
        guard let row = try await db.select()
            .columns("code", "name", "type", "county", "status", "enterprise_code")
            .from("institutions").where("code", .equal, SQLBind(code)).first()
        else { return nil }
        var view = InstitutionView()
        view.institution.code = try row.decode(column: "code", as: String.self)
        view.institution.name = try row.decode(column: "name", as: String.self)
        view.institution.type = InstitutionType(rawValue: try row.decode(column: "type", as: Int32.self))
        view.institution.county = try row.decode(column: "county", as: Int32.self)
        view.status = InstitutionStatus(rawValue: try row.decode(column: "status", as: Int32.self))
        view.institution.enterpriseCreditCode = try row.decode(column: "enterprise_code", as: String.self)
        view.institution.approvedOn = try await db.raw("SELECT MIN(day) AS day FROM institution_history WHERE code = \(bind: code)")
            .first(decodingColumn: "day", as: Int32?.self).flatMap { $0 } ?? 0
        var levels: [String: [SkillLevel]] = [:]
        var order: [String] = []
        for row in try await db.select().columns("occupation", "level").from("institution_scope")
            .where("code", .equal, SQLBind(code)).orderBy("occupation").orderBy("level").all() {
            let occupation = try row.decode(column: "occupation", as: String.self)
            let level = SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self))
            if levels[occupation] == nil { order.append(occupation) }
            levels[occupation, default: []] += level == .unspecified ? [] : [level]
        }
        // Levels lowest first, as the ladder reads (raw values run the other way).
        view.institution.scope = order.map { ScopeEntry(occupation: $0, levels: (levels[$0] ?? []).sorted()) }
        return view
    }

    /// Institutions of a county and type (zero for any), by code: tens of rows, each with its scope.
    func list(county: Int32, type: InstitutionType, in db: any SQLDatabase) async throws -> [InstitutionView] {
        var query = db.select().column("code").from("institutions")
        if county != 0 { query = query.where("county", .equal, SQLBind(county)) }
        if type != .unspecified { query = query.where("type", .equal, SQLBind(type.rawValue)) }
        var views: [InstitutionView] = []
        for code in try await query.orderBy("code").all(decodingColumn: "code", as: String.self) {
            if let view = try await find(code, in: db) { views.append(view) }
        }
        return views
    }

    func require(_ code: String, in db: any SQLDatabase) async throws -> InstitutionView {
        guard let view = try await find(code, in: db) else {
            throw RPCError(.notFound, Messages.EvaluationRefusals.noInstitution(code))
        }
        return view
    }

    /// Whether the institution filed `occupation` (at `level`, for the levelled kinds).
    func scopeAllows(_ code: String, occupation: String, level: SkillLevel, in db: any SQLDatabase) async throws -> Bool {
        var query = db.select().column("level").from("institution_scope")
            .where("code", .equal, SQLBind(code)).where("occupation", .equal, SQLBind(occupation))
        if level != .unspecified { query = query.where("level", .equal, SQLBind(level.rawValue)) }
        return try await query.limit(1).first() != nil
    }
}
