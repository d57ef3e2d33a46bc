import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Enterprises as they stood on any day (docs/NUMBERS.md, "Registry"): how many there were,
/// how many had answered the demand survey, which had at least so many staff. Every write of an
/// enterprise adds a row of its county and staff on the day (`enterprise_history`); its first
/// demand line records the day it was surveyed (`enterprise_surveyed`). An enterprise counts on
/// a day in the county of its last row up to that day. Thousands of enterprises, not millions:
/// the figures are read with one query each.
enum EnterpriseHistory {
    static func record(_ enterprise: Enterprise, on day: Int32, in db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO enterprise_history (credit_code, day, county, staff_count)
            VALUES (\(bind: enterprise.creditCode.uppercased()), \(bind: day), \(bind: enterprise.county), \(bind: Int64(enterprise.staffCount)))
            """).run()
    }

    /// `codes` answered the survey on `day`, unless they had before.
    static func surveyed(_ codes: Set<String>, on day: Int32, in db: any SQLDatabase) async throws {
        for code in codes.sorted() {
            try await db.raw("""
                INSERT INTO enterprise_surveyed (credit_code, day) VALUES (\(bind: code), \(bind: day))
                ON CONFLICT (credit_code) DO NOTHING
                """).run()
        }
    }

    /// Each enterprise's last row up to `day`, in `county` (0: all; a county includes the
    /// development zone it hosts), as a subquery's text and binds.
    private static func standing(on day: Int32, county: Int32) -> (sql: String, values: [StoreValue]) {
        var sql = """
            SELECT h.credit_code, h.county, h.staff_count FROM enterprise_history h
            WHERE h.day <= ? AND h.id = (SELECT MAX(l.id) FROM enterprise_history l WHERE l.credit_code = h.credit_code AND l.day <= ?)
            """
        var values: [StoreValue] = [.init(day), .init(day)]
        if county != 0 {
            let codes = JinchengDivisions.standard.recordCodes(countingIn: county)
            sql += " AND h.county IN " + placeholderList(codes.count)
            values += codes.map(StoreValue.init)
        }
        return (sql, values)
    }

    /// Enterprises, and those surveyed, on `day`.
    static func counts(on day: Int32, county: Int32, in db: any SQLDatabase) async throws -> (enterprises: UInt64, surveyed: UInt64) {
        let (standing, values) = standing(on: day, county: county)
        let rows = try await db.nativeRows("""
            SELECT (SELECT COUNT(*) FROM (\(standing)) e) AS enterprises,
                   (SELECT COUNT(*) FROM (\(standing)) e JOIN enterprise_surveyed s ON s.credit_code = e.credit_code WHERE s.day <= ?) AS surveyed
            """, values + values + [.init(day)])
        guard let row = rows.first else { return (0, 0) }
        return (UInt64(max(0, try row.int64("enterprises"))), UInt64(max(0, try row.int64("surveyed"))))
    }

    /// Enterprises with at least `minimumStaff` staff on `day`.
    static func large(minimumStaff: UInt32, county: Int32, on day: Int32, in db: any SQLDatabase) async throws -> [EnterpriseSummary] {
        let (standing, values) = standing(on: day, county: county)
        return try await db.nativeRows("""
            SELECT e.credit_code, e.county, e.staff_count, n.name FROM (\(standing)) e JOIN enterprises n ON n.credit_code = e.credit_code
            WHERE e.staff_count >= ? ORDER BY e.credit_code
            """, values + [.init(Int64(minimumStaff))]).map { row in
            var summary = EnterpriseSummary()
            summary.creditCode = try row.string("credit_code")
            summary.name = try row.string("name")
            summary.county = try row.int32("county")
            summary.staffCount = UInt32(clamping: try row.int64("staff_count"))
            return summary
        }
    }

    /// The history's tables, with every enterprise and survey answer already stored counted
    /// from the start (day 0): when they came is not known.
    static let migration = Migration(4, "enterprises and survey answers by day") { d in [
        """
        CREATE TABLE enterprise_history (
            id \(d.autoIncrementPrimaryKey), credit_code TEXT NOT NULL, day INTEGER NOT NULL,
            county INTEGER NOT NULL, staff_count BIGINT NOT NULL)
        """,
        "CREATE INDEX enterprise_history_code ON enterprise_history (credit_code, day, id)",
        "CREATE TABLE enterprise_surveyed (credit_code TEXT NOT NULL PRIMARY KEY, day INTEGER NOT NULL)",
        "INSERT INTO enterprise_history (credit_code, day, county, staff_count) SELECT credit_code, 0, county, staff_count FROM enterprises",
        "INSERT INTO enterprise_surveyed (credit_code, day) SELECT DISTINCT credit_code, 0 FROM demand",
    ] }
}
