import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import SQLKit

/// Courses, stored as their message with the columns the queries need beside it.
struct CourseRepository: Sendable {
    let clock: @Sendable () -> Date

    /// Registers `course`, or updates it; a course's capacity may not fall below its
    /// enrolments (FAILED_PRECONDITION naming the rule).
    func upsert(_ course: Course, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        if let enrolled = try await find(course.code, in: tx)?.enrolled, enrolled > course.capacity {
            throw RPCError(.failedPrecondition, "capacity: course \(course.code) has \(enrolled) enrolled, more than \(course.capacity)")
        }
        try await tx.raw("""
            INSERT INTO courses (code, details, county, programme, mode, provider, starts_on, ends_on, capacity, enrolled, subsidised, brand, updated_ms)
            VALUES (\(bind: course.code), \(bind: Data(course.wireBytes())), \(bind: course.county), \(bind: course.programme.rawValue),
                    \(bind: course.mode.rawValue), \(bind: course.providerCreditCode), \(bind: course.startsOn), \(bind: course.endsOn),
                    \(bind: Int64(course.capacity)), 0, \(bind: course.subsidyPerTrainee > 0 ? 1 : 0), \(bind: course.labourBrand), \(bind: now))
            ON CONFLICT (code) DO UPDATE SET details = excluded.details, county = excluded.county, programme = excluded.programme,
                mode = excluded.mode, provider = excluded.provider, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                capacity = excluded.capacity, subsidised = excluded.subsidised, brand = excluded.brand, updated_ms = excluded.updated_ms
            """).run()
    }

    func find(_ code: String, in db: any SQLDatabase) async throws -> CourseView? {
        try await db.raw("SELECT details, enrolled FROM courses WHERE code = \(bind: code)").first().map(Self.view)
    }

    func require(_ code: String, in db: any SQLDatabase) async throws -> CourseView {
        guard let view = try await find(code, in: db) else { throw RPCError(.notFound, "no course with code \(code)") }
        return view
    }

    /// Courses of `county` (0: all) running in `year` (0: any), by start date.
    func list(county: Int32, year: Int32, in db: any SQLDatabase) async throws -> [CourseView] {
        var query: SQLQueryString = "SELECT details, enrolled FROM courses WHERE 1 = 1"
        if county != 0 { query = query + " AND county = \(bind: county)" }
        if year != 0 { query = query + " AND starts_on <= \(bind: year * 10_000 + 1231) AND ends_on >= \(bind: year * 10_000 + 101)" }
        query = query + " ORDER BY starts_on, code"
        return try await db.raw(query).all().map(Self.view)
    }

    /// Takes one place of `code` if one is left; false when the course is full. One statement,
    /// so two enrolments never take the last place twice.
    func takePlace(_ code: String, in tx: StoreTransaction) async throws -> Bool {
        let rows = try await tx.raw("""
            UPDATE courses SET enrolled = enrolled + 1 WHERE code = \(bind: code) AND enrolled < capacity RETURNING enrolled
            """).all()
        return !rows.isEmpty
    }

    private static func view(_ row: any SQLRow) throws -> CourseView {
        var view = CourseView()
        view.course = try Course(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
        view.enrolled = UInt32(clamping: try row.decode(column: "enrolled", as: Int64.self))
        return view
    }
}
