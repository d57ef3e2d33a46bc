import JCSkillsStore

/// Changes to many courses' figures gathered over a whole class list or result file's message
/// and written in two statements (``CourseFigures/write(_:in:)``): a message of 500 rows
/// touches up to 500 courses, and a statement per course and table made the plan's imports
/// spend most of their time on small upserts (docs/NUMBERS.md, "The demo data").
struct FigureDeltas {
    struct CourseDay: Hashable {
        var course: String
        var day: Int32
    }

    struct ScopeDay: Hashable {
        var scope: ProgrammeScope
        var day: Int32
    }

    private(set) var courses: [CourseDay: CourseFigures.Counts] = [:]
    private(set) var scopes: [ScopeDay: CourseFigures.Counts] = [:]

    var isEmpty: Bool { courses.isEmpty }

    /// Adds `counts` on `day` to `course`, which counts in `scope` (as it is now).
    mutating func add(_ counts: CourseFigures.Counts, course: String, scope: ProgrammeScope, day: Int32) {
        guard counts != .zero else { return }
        let courseDay = CourseDay(course: course, day: day), scopeDay = ScopeDay(scope: scope, day: day)
        courses[courseDay] = (courses[courseDay] ?? .zero) + counts
        scopes[scopeDay] = (scopes[scopeDay] ?? .zero) + counts
    }

    /// Moves an enrolment's part of its course's figures from what it counted for (`old`) to
    /// what it counts for now (`new`).
    mutating func change(course: String, scope: ProgrammeScope, from old: EnrolmentFigures?, to new: EnrolmentFigures?) {
        for (day, counts) in old?.parts ?? [:] { add(-counts, course: course, scope: scope, day: day) }
        for (day, counts) in new?.parts ?? [:] { add(counts, course: course, scope: scope, day: day) }
    }
}

extension CourseFigures {
    /// Writes `deltas`: one upsert adding to `course_figures`, one to `programme_figures`. The
    /// store holds them until the commit and adds them in key order (``addDeltas``), so that
    /// concurrent writers lock the rows in one order.
    func write(_ deltas: FigureDeltas, in tx: StoreTransaction) async throws {
        guard !deltas.isEmpty else { return }
        try await tx.addDeltas(into: "course_figures", keys: ["course_code", "day"], deltas: Self.countColumns,
                               rows: deltas.courses.map { key, c in ([.text(key.course), .init(key.day)], Self.values(c)) })
        try await tx.addDeltas(into: "programme_figures", keys: ProgrammeScope.columns + ["day"], deltas: Self.countColumns,
                               rows: deltas.scopes.map { key, c in (key.scope.values + [.init(key.day)], Self.values(c)) })
    }

    private static func values(_ c: Counts) -> [Int64] {
        [c.enrolled, c.completed, c.passed, c.employed, c.certified, c.passedCertified]
    }
}
