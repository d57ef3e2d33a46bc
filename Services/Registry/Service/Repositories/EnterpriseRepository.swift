import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import SQLKit

/// Enterprises and their demand survey. An enterprise is keyed by its credit code; importing
/// or registering it again updates it (latest survey wins), which keeps imports repeatable.
struct EnterpriseRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date

    /// Registers or updates `enterprises`; returns the credit codes (upper case) written.
    ///
    /// With `confinedTo` (a county office's writes) an enterprise already stored in another
    /// county is left as it is and its code is not returned — decided by the database on the
    /// row itself (`ON CONFLICT … DO UPDATE … WHERE`), so a move by the registry office between
    /// the caller's check and this write cannot be overwritten either.
    func upsert(_ enterprises: [(Enterprise, checkValid: Bool)], confinedTo county: Int32?, in tx: StoreTransaction) async throws -> Set<String> {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        var written: Set<String> = []
        for (enterprise, valid) in enterprises {
            var statement: SQLQueryString = """
                INSERT INTO enterprises (credit_code, name, county, industry, staff_count, above_size, check_valid, updated_ms)
                VALUES (\(bind: enterprise.creditCode.uppercased()), \(bind: enterprise.name), \(bind: enterprise.county),
                        \(bind: enterprise.industry), \(bind: Int64(enterprise.staffCount)),
                        \(bind: enterprise.aboveDesignatedSize ? 1 : 0), \(bind: valid ? 1 : 0), \(bind: now))
                ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, county = excluded.county,
                    industry = excluded.industry, staff_count = excluded.staff_count, above_size = excluded.above_size,
                    check_valid = excluded.check_valid, updated_ms = excluded.updated_ms
                """
            if let county { statement += " WHERE enterprises.county = \(bind: county)" }
            statement += " RETURNING credit_code"
            let rows = try await tx.raw(statement).all(decodingColumn: "credit_code", as: String.self)
            written.formUnion(rows)
            if !rows.isEmpty {
                try await EnterpriseHistory.record(enterprise, on: today, in: tx)
            }
        }
        return written
    }

    /// Today in Beijing time: the day a write is recorded on.
    private var today: Int32 { CalendarDate.today(by: clock).yyyymmdd }

    func upsert(_ demand: [Demand], in tx: StoreTransaction) async throws {
        for line in demand {
            try await tx.raw("""
                INSERT INTO demand (credit_code, occupation, level, year, headcount)
                VALUES (\(bind: line.creditCode.uppercased()), \(bind: line.occupation), \(bind: line.level.rawValue),
                        \(bind: line.year), \(bind: Int64(line.headcount)))
                ON CONFLICT (credit_code, occupation, level, year) DO UPDATE SET headcount = excluded.headcount
                """).run()
        }
        try await EnterpriseHistory.surveyed(Set(demand.map { $0.creditCode.uppercased() }), on: today, in: tx)
    }

    /// The stored county of each of `codes` (any case) that is registered, by upper-case code.
    ///
    /// No row lock needed for the checks made with it: an enterprise's own row is guarded by
    /// its upsert (``upsert(_:confinedTo:in:)``), and demand written while its enterprise was
    /// still in the caller's county is what a move committed just after would have found.
    func counties(_ codes: [String], in db: any SQLDatabase) async throws -> [String: Int32] {
        guard !codes.isEmpty else { return [:] }
        let rows = try await db.select().columns("credit_code", "county").from("enterprises")
            .where("credit_code", .in, SQLBind.group(Array(Set(codes.map { $0.uppercased() }))))
            .all()
        var counties: [String: Int32] = [:]
        for row in rows {
            counties[try row.decode(column: "credit_code", as: String.self)] = try row.decode(column: "county", as: Int32.self)
        }
        return counties
    }

    /// Enterprises with at least `minimumStaff` staff (in `county`, or all when 0), by credit
    /// code. A scan of the enterprise table: thousands of rows, asked for rarely.
    func list(minimumStaff: UInt32, county: Int32, asOf day: Int32 = 0) async throws -> EnterpriseList {
        if day != 0, day < today {
            return try await store.query { db in
                var list = EnterpriseList()
                list.enterprises = try await EnterpriseHistory.large(minimumStaff: minimumStaff, county: county, on: day, in: db)
                return list
            }
        }
        return try await store.query { db in
            var query = db.select().columns("credit_code", "name", "county", "staff_count").from("enterprises")
                .where("staff_count", .greaterThanOrEqual, SQLBind(Int64(minimumStaff)))
            if county != 0 { query = query.where("county", .in, SQLBind.group(JinchengDivisions.standard.recordCodes(countingIn: county))) }
            var list = EnterpriseList()
            list.enterprises = try await query.orderBy("credit_code").all().map { row in
                var summary = EnterpriseSummary()
                summary.creditCode = try row.decode(column: "credit_code", as: String.self)
                summary.name = try row.decode(column: "name", as: String.self)
                summary.county = try row.decode(column: "county", as: Int32.self)
                summary.staffCount = UInt32(clamping: try row.decode(column: "staff_count", as: Int64.self))
                return summary
            }
            return list
        }
    }

    func find(_ creditCode: String) async throws -> EnterpriseView? {
        try await store.read { db in
            guard let row = try await db.select()
                .columns("credit_code", "name", "county", "industry", "staff_count", "above_size", "check_valid")
                .from("enterprises").where("credit_code", .equal, SQLBind(creditCode.uppercased())).first()
            else { return nil }
            var view = EnterpriseView()
            view.enterprise.creditCode = try row.decode(column: "credit_code", as: String.self)
            view.enterprise.name = try row.decode(column: "name", as: String.self)
            view.enterprise.county = try row.decode(column: "county", as: Int32.self)
            view.enterprise.industry = try row.decode(column: "industry", as: String.self)
            view.enterprise.staffCount = UInt32(clamping: try row.decode(column: "staff_count", as: Int64.self))
            view.enterprise.aboveDesignatedSize = try row.decode(column: "above_size", as: Int64.self) != 0
            view.checkCharacterValid = try row.decode(column: "check_valid", as: Int64.self) != 0
            view.demand = try await db.select().columns("occupation", "level", "year", "headcount").from("demand")
                .where("credit_code", .equal, SQLBind(view.enterprise.creditCode)).orderBy("year").orderBy("occupation")
                .all().map { row in
                    var demand = Demand()
                    demand.creditCode = view.enterprise.creditCode
                    demand.occupation = try row.decode(column: "occupation", as: String.self)
                    demand.level = SkillLevel(rawValue: try row.decode(column: "level", as: Int32.self))
                    demand.year = try row.decode(column: "year", as: Int32.self)
                    demand.headcount = UInt32(clamping: try row.decode(column: "headcount", as: Int64.self))
                    return demand
                }
            return view
        }
    }
}
