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
    /// Writes `deltas`: one upsert adding to `course_figures`, one to `programme_figures` (a
    /// key appears once in each, as PostgreSQL's ON CONFLICT requires). Rows in key order, so
    /// concurrent writers lock them in one order.
    func write(_ deltas: FigureDeltas, in tx: StoreTransaction) async throws {
        guard !deltas.isEmpty else { return }
        var courseValues: [StoreValue] = []
        for (key, c) in deltas.courses.sorted(by: { ($0.key.course, $0.key.day) < ($1.key.course, $1.key.day) }) where c != .zero {
            courseValues += [.text(key.course), .init(key.day)] + Self.values(c)
        }
        var scopeValues: [StoreValue] = []
        for (key, c) in deltas.scopes.sorted(by: { Self.order($0.key).lexicographicallyPrecedes(Self.order($1.key)) }) where c != .zero {
            scopeValues += key.scope.values + [.init(key.day)] + Self.values(c)
        }
        if !courseValues.isEmpty {
            try await tx.nativeInsert(into: "course_figures", columns: ["course_code", "day"] + Self.countColumns, values: courseValues,
                                      suffix: Self.addingOnConflict(table: "course_figures", keys: ["course_code"]))
        }
        if !scopeValues.isEmpty {
            try await tx.nativeInsert(into: "programme_figures", columns: ProgrammeScope.columns + ["day"] + Self.countColumns, values: scopeValues,
                                      suffix: Self.addingOnConflict(table: "programme_figures", keys: ProgrammeScope.columns))
        }
    }

    private static func values(_ c: Counts) -> [StoreValue] {
        [.integer(c.enrolled), .integer(c.completed), .integer(c.passed), .integer(c.employed), .integer(c.certified), .integer(c.passedCertified)]
    }

    private static func order(_ key: FigureDeltas.ScopeDay) -> [Int32] {
        [key.scope.programme, key.scope.county, key.scope.year, key.day]
    }
}
