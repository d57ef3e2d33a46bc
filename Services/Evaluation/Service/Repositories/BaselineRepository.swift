import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// The declared stock of holders certified before the system, and the de-duplication that
/// keeps a person from being counted twice (README, "Baseline stock").
///
/// The baseline is numbers, not persons: the centre declares "so many persons in county C
/// whose highest certificate is at level L, as of date B". A person becomes identifiable only
/// when one of their pre-system certificates is imported with the pre-system mark. From then on
/// they count through that certificate, and they *claim* one place of the baseline at
/// (their county, their highest pre-system level): the baseline counts max(0, declared −
/// claimed). One claim per person, however many certificates they bring; a later pre-system
/// certificate at a higher level moves their claim up. Imports move the claimed counters
/// (``CertificateBatchWriter``); this type declares and reads.
struct BaselineRepository: Sendable {
    let clock: @Sendable () -> Date

    static func validate(_ declaration: BaselineDeclaration) throws(RuleViolation) -> CalendarDate {
        try CountyScope.requireCounty(declaration.county)
        guard declaration.level == .unspecified || declaration.level.isKnown else {
            throw RuleViolation(field: "level", reason: Messages.EvaluationRefusals.unknownLevel(declaration.level.rawValue))
        }
        guard let date = CalendarDate(yyyymmdd: declaration.asOf) else {
            throw RuleViolation(field: "as_of", reason: Messages.Refusals.notADate(declaration.asOf))
        }
        return date
    }

    /// Sets the declared number (declaring the same again changes nothing); claims stay.
    func declare(_ declaration: BaselineDeclaration, in tx: StoreTransaction) async throws -> BaselineEntry {
        try await tx.raw("""
            INSERT INTO baseline_stock (county, level, declared, claimed, as_of, updated_ms)
            VALUES (\(bind: declaration.county), \(bind: declaration.level.rawValue), \(bind: Int64(clamping: declaration.persons)),
                    0, \(bind: declaration.asOf), \(bind: now))
            ON CONFLICT (county, level) DO UPDATE SET declared = excluded.declared, as_of = excluded.as_of,
                updated_ms = excluded.updated_ms
            """).run()
        try await tx.audit(entity: "baseline", id: "\(declaration.county)/\(declaration.level.rawValue)",
                           detail: "declared \(declaration.persons) persons as of \(declaration.asOf)")
        return try await entries(county: declaration.county, in: tx).first { $0.level == declaration.level } ?? BaselineEntry()
    }

    func entries(county: Int32, in db: any SQLDatabase) async throws -> [BaselineEntry] {
        var query = db.select().columns("county", "level", "declared", "claimed", "as_of").from("baseline_stock")
        if county != 0 { query = query.where("county", .equal, SQLBind(county)) }
        return try await query.orderBy("county").all().map { row in
            var entry = BaselineEntry()
            entry.county = try row.decode(column: "county", as: Int32.self)
            entry.level = SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self))
            entry.asOf = try row.decode(column: "as_of", as: Int32.self)
            let declared = try row.decode(column: "declared", as: Int64.self)
            let claimed = try row.decode(column: "claimed", as: Int64.self)
            entry.declared = UInt64(max(0, declared))
            entry.claimed = UInt64(max(0, claimed))
            entry.counted = UInt64(max(0, declared - claimed))
            return entry
        }.sorted { ($0.county, $0.level.rank) < ($1.county, $1.level.rank) }
    }

    private var now: Int64 { Int64(clock().timeIntervalSince1970 * 1000) }
}
