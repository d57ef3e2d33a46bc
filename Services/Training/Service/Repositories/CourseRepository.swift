import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
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
            throw RuleRefusal(rule: RuleRefusal.capacity, reason: Messages.TrainingRefusals.capacityBelowEnrolled(course.code, enrolled: enrolled, capacity: course.capacity))
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

    /// The courses of `codes` that exist, read together (an import's message names many).
    func find(_ codes: Set<String>, in db: any SQLDatabase) async throws -> [String: Course] {
        var found: [String: Course] = [:]
        for row in try await db.nativeRows(in: codes.sorted().map(StoreValue.text), { "SELECT details FROM courses WHERE code IN \($0)" }) {
            let course = try Course(wireBytes: Array(try row.data("details")))
            found[course.code] = course
        }
        return found
    }

    func require(_ code: String, in db: any SQLDatabase) async throws -> CourseView {
        guard let view = try await find(code, in: db) else { throw RPCError(.notFound, Messages.TrainingRefusals.noCourse(code)) }
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

    /// What an enrolment needs of a course as it is under lock: the places left and the scope
    /// its figures count in.
    struct Locked {
        var placesLeft: Int64
        var scope: ProgrammeScope
    }

    /// Each of `codes` with its places left, the courses' rows locked until the transaction
    /// ends (on PostgreSQL an UPDATE that changes nothing, its row lock; SQLite's one writer
    /// needs none, and rewriting the rows cost a class list a sixth of its write), so that two
    /// enrolments never take the last place twice, and their scope read under the same lock.
    func lock(_ codes: [String], in tx: StoreTransaction) async throws -> [String: Locked] {
        guard !codes.isEmpty else { return [:] }
        var locked: [String: Locked] = [:]
        let columns = "code, capacity, enrolled, programme, county, starts_on"
        let sql = tx.storeDialect == .postgres
            ? "UPDATE courses SET enrolled = enrolled WHERE code IN \(placeholderList(codes.count)) RETURNING \(columns)"
            : "SELECT \(columns) FROM courses WHERE code IN \(placeholderList(codes.count))"
        for row in try await tx.nativeRows(sql, codes.map(StoreValue.text)) {
            locked[try row.string("code")] = Locked(
                placesLeft: try row.int64("capacity") - row.int64("enrolled"),
                scope: ProgrammeScope(programme: try row.int32("programme"), county: try row.int32("county"), year: try row.int32("starts_on") / 10_000))
        }
        return locked
    }

    /// Counts more enrolled in each course (within the places ``lock(_:in:)`` found), in code
    /// order: on PostgreSQL one statement joining the list's counts (a statement a course is a
    /// round trip each); on SQLite one prepared statement a course, cheaper there than any
    /// statement for all (a CASE of a list's 500 courses took twice as long).
    func addEnrolled(_ counts: [String: Int64], in tx: StoreTransaction) async throws {
        let sorted = counts.sorted { $0.key < $1.key }
        guard tx.storeDialect == .postgres else {
            for (code, count) in sorted {
                try await tx.nativeExecute("UPDATE courses SET enrolled = enrolled + ? WHERE code = ?", [.integer(count), .text(code)])
            }
            return
        }
        var start = 0
        while start < sorted.count {
            let chunk = sorted[start..<min(start + 1_000, sorted.count)]
            try await tx.nativeExecute("""
                UPDATE courses SET enrolled = courses.enrolled + v.column2
                FROM (VALUES \(Array(repeating: "(?, CAST(? AS BIGINT))", count: chunk.count).joined(separator: ", "))) AS v
                WHERE courses.code = v.column1
                """, chunk.flatMap { [StoreValue.text($0.key), .integer($0.value)] })
            start += chunk.count
        }
    }

    private static func view(_ row: any SQLRow) throws -> CourseView {
        var view = CourseView()
        view.course = try Course(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
        view.enrolled = UInt32(clamping: try row.decode(column: "enrolled", as: Int64.self))
        return view
    }
}
