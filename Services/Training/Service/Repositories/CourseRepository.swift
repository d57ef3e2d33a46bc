import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsStore
import SQLKit

/// Courses, stored as their message with the columns the queries need beside it.
struct CourseRepository: Sendable {
    let figures: CourseFigures
    let clock: @Sendable () -> Date

    /// Registers `course`, or updates it; a course's capacity may not fall below its
    /// enrolments (FAILED_PRECONDITION naming the rule). Its figures follow it to its programme,
    /// county and year as they are now.
    func upsert(_ course: Course, in tx: StoreTransaction) async throws {
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        let before = try await find(course.code, in: tx)
        if let enrolled = before?.enrolled, enrolled > course.capacity {
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
        if let before {
            try await figures.move(course: course.code, from: ProgrammeScope(before.course), to: ProgrammeScope(course), in: tx)
        }
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

    /// The places left in each of `codes`, the courses' rows locked until the transaction ends
    /// (an UPDATE that changes nothing: PostgreSQL's row lock, portably), so that two
    /// enrolments never take the last place twice.
    func lockPlaces(_ codes: [String], in tx: StoreTransaction) async throws -> [String: Int64] {
        guard !codes.isEmpty else { return [:] }
        var left: [String: Int64] = [:]
        for row in try await tx.nativeRows("""
            UPDATE courses SET enrolled = enrolled WHERE code IN \(placeholderList(codes.count)) RETURNING code, capacity, enrolled
            """, codes.map(StoreValue.text)) {
            left[try row.string("code")] = try row.int64("capacity") - row.int64("enrolled")
        }
        return left
    }

    /// Counts `count` more enrolled in `code` (within the places ``lockPlaces(_:in:)`` found).
    func addEnrolled(_ count: Int64, to code: String, in tx: StoreTransaction) async throws {
        try await tx.nativeExecute("UPDATE courses SET enrolled = enrolled + ? WHERE code = ?", [.integer(count), .text(code)])
    }

    private static func view(_ row: any SQLRow) throws -> CourseView {
        var view = CourseView()
        view.course = try Course(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
        view.enrolled = UInt32(clamping: try row.decode(column: "enrolled", as: Int64.self))
        return view
    }
}
