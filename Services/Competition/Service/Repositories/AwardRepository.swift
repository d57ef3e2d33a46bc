import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Awards made when events close, and their promotions' progress.
struct AwardRepository: Sendable {
    /// A new award, as the close decides it.
    struct NewAward: Sendable {
        var entryID: Int64
        var number: String
        var county: Int32
        var rank: UInt32
    }

    func insert(_ awards: [NewAward], competition: Competition, event: Event, closedOn: Int32, in tx: StoreTransaction) async throws {
        guard !awards.isEmpty else { return }
        let rule = competition.awardRule
        let promotion: PromotionState = rule.promotesOneLevel ? .pending : .none
        try await tx.nativeInsert(
            into: "awards",
            columns: ["entry_id", "competition", "event", "number", "year", "county", "rank", "expert", "promotion", "occupation", "institution",
                      "from_level", "to_level", "certificate", "last_error", "attempts", "closed_on", "issued_on"],
            values: awards.flatMap { award -> [StoreValue] in
                [.integer(award.entryID), .text(competition.code), .text(event.code), .text(award.number), StoreValue(competition.year),
                 StoreValue(award.county), .integer(Int64(award.rank)), StoreValue(rule.namesTechnicalExperts), StoreValue(promotion.rawValue),
                 .text(event.occupation), .text(rule.institutionCode), .integer(0), .integer(0), .text(""), .text(""), .integer(0),
                 StoreValue(closedOn), .integer(0)]
            },
            suffix: "ON CONFLICT (entry_id) DO NOTHING")
        // Written once per event (the close runs once), so the figures add each award once.
        var byCounty: [Int32: Int64] = [:]
        for award in awards { byCounty[award.county, default: 0] += 1 }
        for (county, count) in byCounty {
            try await addFigures(year: competition.year, county: county, day: closedOn,
                                 experts: rule.namesTechnicalExperts ? count : 0, pending: promotion == .pending ? count : 0, in: tx)
        }
    }

    /// Adds to the awards' figures of one year, county and day.
    private func addFigures(year: Int32, county: Int32, day: Int32, experts: Int64 = 0, pending: Int64 = 0, promotions: Int64 = 0,
                            in tx: StoreTransaction) async throws {
        // Held until the commit and added in key order with the others (``addDeltas``).
        try await tx.addDeltas(into: "award_days", keys: ["year", "county", "day"], deltas: ["experts", "pending", "promotions"],
                               rows: [([StoreValue(year), StoreValue(county), StoreValue(day)], [experts, pending, promotions])])
    }

    /// A promotion waiting for the evaluation service, with what it needs to ask.
    struct Pending: Sendable {
        var entryID: Int64
        var competition: String
        var number: String
        var occupation: String
        var institution: String
        var county: Int32
        var toLevel: SkillLevel
        var closedOn: Int32
        var idSealed: Data
        var nameSealed: Data
    }

    func pending(limit: Int, in db: any SQLDatabase) async throws -> [Pending] {
        try await db.nativeRows("""
            SELECT a.entry_id, a.competition, a.number, a.occupation, a.institution, a.county, a.to_level, a.closed_on, e.id_sealed, e.name_sealed
            FROM awards a JOIN entries e ON e.id = a.entry_id WHERE a.promotion = ? ORDER BY a.entry_id LIMIT ?
            """, [StoreValue(PromotionState.pending.rawValue), .integer(Int64(limit))]).map { row in
            Pending(entryID: try row.int64("entry_id"), competition: try row.string("competition"), number: try row.string("number"),
                    occupation: try row.string("occupation"), institution: try row.string("institution"), county: try row.int32("county"),
                    toLevel: SkillLevel(rawValue: try row.int32("to_level")), closedOn: try row.int32("closed_on"),
                    idSealed: try row.data("id_sealed"), nameSealed: try row.data("name_sealed"))
        }
    }

    /// The level decided for a pending promotion, stored before anything is issued.
    func setTarget(_ entryID: Int64, from: SkillLevel, to: SkillLevel, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("UPDATE awards SET from_level = ?, to_level = ? WHERE entry_id = ? AND promotion = ?",
                                   [StoreValue(from.rawValue), StoreValue(to.rawValue), .integer(entryID), StoreValue(PromotionState.pending.rawValue)])
    }

    /// Settles a pending promotion; its figures move from the waiting to the issued (on `issuedOn`).
    func settle(_ entryID: Int64, state: PromotionState, certificate: String = "", issuedOn: Int32 = 0, error: String = "",
                in tx: StoreTransaction) async throws {
        let settled = try await tx.nativeRows("""
            UPDATE awards SET promotion = ?, certificate = ?, issued_on = ?, last_error = ?, attempts = attempts + 1
            WHERE entry_id = ? AND promotion = ? RETURNING year, county, closed_on
            """, [StoreValue(state.rawValue), .text(certificate), StoreValue(issuedOn), .text(error), .integer(entryID),
                  StoreValue(PromotionState.pending.rawValue)])
        guard let award = settled.first else { return }
        let (year, county) = (try award.int32("year"), try award.int32("county"))
        try await addFigures(year: year, county: county, day: try award.int32("closed_on"), pending: -1, in: tx)
        if state == .issued { try await addFigures(year: year, county: county, day: issuedOn, promotions: 1, in: tx) }
    }

    /// The competitor numbers awarded in one event.
    func awardedNumbers(competition: String, event: String, in db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.nativeRows("SELECT number FROM awards WHERE competition = ? AND event = ?", [.text(competition), .text(event)])
            .map { try $0.string("number") })
    }

    /// Which of `certificates` an award already records.
    func recordedCertificates(_ certificates: [String], in db: any SQLDatabase) async throws -> Set<String> {
        guard !certificates.isEmpty else { return [] }
        return Set(try await db.nativeRows("SELECT certificate FROM awards WHERE certificate IN \(placeholderList(certificates.count))",
                                           certificates.map(StoreValue.text)).map { try $0.string("certificate") })
    }

    func recordFailure(_ entryID: Int64, error: String, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("UPDATE awards SET last_error = ?, attempts = attempts + 1 WHERE entry_id = ?",
                                   [.text(String(error.prefix(500))), .integer(entryID)])
    }

    /// Awards of a competition, or of a year's competitions, by competition, event and rank.
    func list(competition: String, year: Int32, in db: any SQLDatabase) async throws -> [(award: Award, nameSealed: Data)] {
        var sql = """
            SELECT a.*, e.name_sealed FROM awards a JOIN entries e ON e.id = a.entry_id WHERE 1 = 1
            """
        var values: [StoreValue] = []
        if !competition.isEmpty {
            sql += " AND a.competition = ?"
            values.append(.text(competition))
        }
        if year != 0 {
            sql += " AND a.year = ?"
            values.append(StoreValue(year))
        }
        sql += " ORDER BY a.competition, a.event, a.rank, a.number"
        return try await db.nativeRows(sql, values).map { row in
            var award = Award()
            award.competitionCode = try row.string("competition")
            award.eventCode = try row.string("event")
            award.entryNumber = try row.string("number")
            award.county = try row.int32("county")
            award.rank = UInt32(clamping: try row.int64("rank"))
            award.year = try row.int32("year")
            award.technicalExpert = try row.int64("expert") != 0
            award.promotion = PromotionState(rawValue: try row.int32("promotion"))
            award.fromLevel = SkillLevel(rawValue: try row.int32("from_level"))
            award.toLevel = SkillLevel(rawValue: try row.int32("to_level"))
            award.certificateNumber = try row.string("certificate")
            award.lastError = try row.string("last_error")
            return (award, try row.data("name_sealed"))
        }
    }
}
