import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The data-quality view of a county or the city (docs/QUALITY.md), read from maintained
/// aggregates only: the import records (``ImportRecords``), the analysis cells
/// (`registration_counts`) and ``PersonQualityCounts``. No row of the persons table is read.
struct QualityQueries: Sendable {
    let store: Store
    let labourForce: [Int32: UInt64]
    let shares: CoverageShares
    let clock: @Sendable () -> Date

    func report(county: Int32) async throws -> QualityReport {
        try await store.read { db in
            var report = QualityReport()
            report.county = county
            report.imports = try await imports(county: county, in: db)
            report.rejections = try await rejections(county: county, in: db)
            report.coverage = try await coverage(county: county, in: db)
            report.registered = report.coverage.reduce(0) { $0 + $1.registered }
            report.estimatedLabourForce = county == 0
                ? labourForce.filter { JinchengDivisions.isJinchengCounty($0.key) }.values.reduce(0, +)
                : labourForce[county] ?? 0
            report.expected = expected(report.coverage, labourForce: report.estimatedLabourForce)
            (report.pastAgeActive, report.missingPhone, report.duplicateRegistrations) =
                try await PersonQualityCounts.read(county: county, in: db)
            report.asOf = Int64(clock().timeIntervalSince1970 * 1000)
            return report
        }
    }

    private func imports(county: Int32, in db: any SQLDatabase) async throws -> [QualityImport] {
        var sql: SQLQueryString = """
            SELECT i.id, i.kind, i.principal, i.at_ms, CAST(SUM(c.received) AS BIGINT) AS received, CAST(SUM(c.accepted) AS BIGINT) AS accepted,
                CAST(SUM(c.already_registered) AS BIGINT) AS already_registered, CAST(SUM(c.rejected) AS BIGINT) AS rejected
            FROM quality_imports i JOIN quality_import_counties c ON c.import_id = i.id
            """
        if county != 0 { sql = sql + " WHERE c.county = \(bind: county)" }
        sql = sql + " GROUP BY i.id, i.kind, i.principal, i.at_ms ORDER BY i.id DESC LIMIT \(bind: QualityReport.importLimit)"
        var ids: [Int64] = []
        var entries = try await db.raw(sql).all().map { row in
            ids.append(try row.decode(column: "id", as: Int64.self))
            var entry = QualityImport()
            entry.kind = try row.decode(column: "kind", as: String.self)
            entry.principal = try row.decode(column: "principal", as: String.self)
            entry.atMs = try row.decode(column: "at_ms", as: Int64.self)
            entry.received = try Self.count(row, "received")
            entry.accepted = try Self.count(row, "accepted")
            entry.alreadyRegistered = try Self.count(row, "already_registered")
            entry.rejected = try Self.count(row, "rejected")
            return entry
        }
        guard let oldest = ids.last else { return entries }
        var reasons: SQLQueryString = """
            SELECT import_id, reason, CAST(SUM(row_count) AS BIGINT) AS n FROM quality_rejections WHERE import_id >= \(bind: oldest)
            """
        if county != 0 { reasons = reasons + " AND county = \(bind: county)" }
        reasons = reasons + " GROUP BY import_id, reason ORDER BY import_id, reason"
        let positions = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        for row in try await db.raw(reasons).all() {
            guard let position = positions[try row.decode(column: "import_id", as: Int64.self)] else { continue }
            entries[position].rejections.append(QualityRejection(
                kind: entries[position].kind, reason: try row.decode(column: "reason", as: String.self), rows: try Self.count(row, "n")))
        }
        return entries
    }

    private func rejections(county: Int32, in db: any SQLDatabase) async throws -> [QualityRejection] {
        var sql: SQLQueryString = """
            SELECT i.kind, r.reason, CAST(SUM(r.row_count) AS BIGINT) AS n
            FROM quality_rejections r JOIN quality_imports i ON i.id = r.import_id
            """
        if county != 0 { sql = sql + " WHERE r.county = \(bind: county)" }
        sql = sql + " GROUP BY i.kind, r.reason ORDER BY i.kind, r.reason"
        return try await db.raw(sql).all().map { row in
            QualityRejection(kind: try row.decode(column: "kind", as: String.self),
                             reason: try row.decode(column: "reason", as: String.self), rows: try Self.count(row, "n"))
        }
    }

    private func coverage(county: Int32, in db: any SQLDatabase) async throws -> [QualityCoverageCell] {
        var sql: SQLQueryString = "SELECT category, gender, age_band, CAST(SUM(count) AS BIGINT) AS n FROM registration_counts WHERE age_band >= 0"
        if county != 0 { sql = sql + " AND county = \(bind: county)" }
        sql = sql + " GROUP BY category, gender, age_band ORDER BY category, gender, age_band"
        return try await db.raw(sql).all().compactMap { row in
            var cell = QualityCoverageCell()
            cell.category = LabourCategory(rawValue: try row.decode(column: "category", as: Int32.self))
            cell.gender = Gender(rawValue: try row.decode(column: "gender", as: Int32.self))
            cell.ageBand = try row.decode(column: "age_band", as: Int32.self)
            cell.registered = try Self.count(row, "n")
            return cell.registered == 0 ? nil : cell
        }
    }

    /// Every gender × band cell of the split, with the registered persons of all categories in it.
    private func expected(_ cells: [QualityCoverageCell], labourForce: UInt64) -> [QualityExpectedCell] {
        var registered: [Int32: [Int32: UInt64]] = [:]
        for cell in cells { registered[cell.gender.rawValue, default: [:]][cell.ageBand, default: 0] += cell.registered }
        var result: [QualityExpectedCell] = []
        for gender in CoverageShares.genders {
            for band in AgeBand.lowerBounds.indices {
                var entry = QualityExpectedCell()
                entry.gender = gender
                entry.ageBand = Int32(band)
                entry.registered = registered[gender.rawValue]?[Int32(band)] ?? 0
                entry.expected = shares.expected(labourForce: labourForce, band: band)
                result.append(entry)
            }
        }
        return result
    }

    private static func count(_ row: any SQLRow, _ column: String) throws -> UInt64 {
        UInt64(max(0, try row.decode(column: column, as: Int64.self)))
    }
}
