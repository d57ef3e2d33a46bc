import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Skill-master studios: the master by a blind index of the ID number, number and name sealed.
struct StudioRepository: Sendable {
    let personal: PersonalData
    let clock: @Sendable () -> Date

    func upsert(_ studio: Studio, masterLevel: SkillLevel, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("""
            INSERT INTO studios (code, name, master_index, master_id_sealed, master_name_sealed, master_level, host, county, industry, level,
                                 established_on, updated_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, master_index = excluded.master_index, master_id_sealed = excluded.master_id_sealed,
                master_name_sealed = excluded.master_name_sealed, master_level = excluded.master_level, host = excluded.host,
                county = excluded.county, industry = excluded.industry, level = excluded.level, established_on = excluded.established_on,
                updated_ms = excluded.updated_ms
            """, [.text(studio.code), .text(studio.name), .bytes(personal.blindIndex(studio.masterIDNumber, for: .idNumber)),
                  .bytes(personal.seal(studio.masterIDNumber, as: .idNumber)), .bytes(personal.seal(studio.masterName, as: .name)),
                  StoreValue(masterLevel.rawValue), .text(studio.hostCreditCode), StoreValue(studio.county), .text(studio.industry),
                  StoreValue(studio.level.rawValue), StoreValue(studio.establishedOn), .integer(Int64(clock().timeIntervalSince1970 * 1000))])
    }

    func recordYear(_ year: StudioYear, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("""
            INSERT INTO studio_years (studio, year, apprentices, problems) VALUES (?, ?, ?, ?)
            ON CONFLICT (studio, year) DO UPDATE SET apprentices = excluded.apprentices, problems = excluded.problems
            """, [.text(year.studioCode), StoreValue(year.year), .integer(Int64(year.apprenticesMentored)), .integer(Int64(year.problemsSolved))])
    }

    func exists(_ code: String, in db: any SQLDatabase) async throws -> Bool {
        try await !db.nativeRows("SELECT code FROM studios WHERE code = ?", [.text(code)]).isEmpty
    }

    func require(_ code: String, in db: any SQLDatabase) async throws -> StudioView {
        guard let view = try await list(code: code, asOf: 0, in: db).first else { throw RPCError(.notFound, Messages.CompetitionRefusals.noStudio(code)) }
        return view
    }

    /// Studios established on or before `asOf` (0: any day), by code, with their years.
    func list(code: String? = nil, asOf: Int32, in db: any SQLDatabase) async throws -> [StudioView] {
        var sql = "SELECT * FROM studios WHERE 1 = 1"
        var values: [StoreValue] = []
        if let code {
            sql += " AND code = ?"
            values.append(.text(code))
        }
        if asOf != 0 {
            sql += " AND established_on <= ?"
            values.append(StoreValue(asOf))
        }
        var views: [StudioView] = []
        for row in try await db.nativeRows(sql + " ORDER BY code", values) {
            var view = StudioView()
            view.code = try row.string("code")
            view.name = try row.string("name")
            view.masterIDMasked = Masking.idNumber(try personal.open(try row.data("master_id_sealed"), as: .idNumber))
            view.masterNameMasked = Masking.name(try personal.open(try row.data("master_name_sealed"), as: .name))
            view.masterLevel = SkillLevel(rawValue: try row.int32("master_level"))
            view.hostCreditCode = try row.string("host")
            view.county = try row.int32("county")
            view.industry = try row.string("industry")
            view.level = StudioLevel(rawValue: try row.int32("level"))
            view.establishedOn = try row.int32("established_on")
            views.append(view)
        }
        guard !views.isEmpty else { return [] }
        var years: [String: [StudioYear]] = [:]
        let codes = views.map(\.code)
        for row in try await db.nativeRows("SELECT * FROM studio_years WHERE studio IN \(placeholderList(codes.count)) ORDER BY studio, year",
                                           codes.map(StoreValue.text)) {
            var year = StudioYear()
            year.studioCode = try row.string("studio")
            year.year = try row.int32("year")
            year.apprenticesMentored = UInt32(clamping: try row.int64("apprentices"))
            year.problemsSolved = UInt32(clamping: try row.int64("problems"))
            years[year.studioCode, default: []].append(year)
        }
        return views.map { view in
            var view = view
            view.years = years[view.code] ?? []
            return view
        }
    }
}
