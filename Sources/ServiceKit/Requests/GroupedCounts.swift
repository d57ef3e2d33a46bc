import JCSkillsProtocol
import JCSkillsStore

/// Several counties asked about on one date and in one year by a batch: what a service can read
/// in one statement grouped by county.
public struct CountyGroup: Hashable, Sendable {
    public var counties: [Int32]
    public var asOf: CalendarDate
    public var year: Int32

    @inlinable
    init(counties: [Int32], asOf: CalendarDate, year: Int32) {
        (self.counties, self.asOf, self.year) = (counties, asOf, year)
    }
}

/// The answers to a batch's county questions that were read together, a group of counties at a
/// time, looked up by question.
///
/// The gateway asks every county on every date in one answer in twenty of its `Totals`. Read
/// one county at a time — even gathered in one ``StatementRound`` — the statement held a
/// subquery set a county, and PostgreSQL's set-up of each (its executor start) cost more than
/// reading the few rows each sums: a statement grouped by county reads them all at the cost of
/// one (BENCHMARKS.md notes 26–27).
///
/// Only where reads overlap (PostgreSQL): on SQLite a county's statement is a call of
/// microseconds in the process, and the grouped statement cost the evaluation more CPU at
/// 20 M persons (note 26).
public struct GroupedCounts<Counts: Sendable>: Sendable {
    // Inlinable (BatchQuestions.swift says why).
    @usableFromInline
    struct Question: Hashable, Sendable {
        @usableFromInline var county: Int32
        @usableFromInline var day: Int32
        @usableFromInline var year: Int32

        @inlinable
        init(county: Int32, day: Int32, year: Int32) {
            (self.county, self.day, self.year) = (county, day, year)
        }
    }

    @usableFromInline
    struct Dated: Hashable, Sendable {
        @usableFromInline var asOf: CalendarDate
        @usableFromInline var year: Int32

        @inlinable
        init(asOf: CalendarDate, year: Int32) {
            (self.asOf, self.year) = (asOf, year)
        }
    }

    @usableFromInline var answers: [Question: Counts] = [:]

    /// None: every question is answered by itself.
    @inlinable
    public init() {}

    /// Reads each group of two or more valid county questions of `requests` (sharing a date and
    /// a year) with `read`, on `store` when its reads overlap. Questions that cannot be grouped,
    /// or that a single call would refuse, are left out: the single path answers or refuses them.
    @inlinable
    public init(
        _ requests: [CountsRequest], today: CalendarDate, on store: Store,
        read: (CountyGroup) async throws -> [Int32: Counts]?
    ) async throws {
        let groups = BatchQuestions.countyGroups(requests, limit: CountsQuestions.limit, on: store) { request -> (shared: Dated, county: Int32)? in
            guard request.county != 0, let question = try? request.figuresQuestion(today: today) else { return nil }
            return (Dated(asOf: question.asOf, year: question.year), question.county)
        }
        for (date, counties) in groups {
            guard let figures = try await read(CountyGroup(counties: counties, asOf: date.asOf, year: date.year)) else { continue }
            for (county, counts) in figures {
                answers[Question(county: county, day: date.asOf.yyyymmdd, year: date.year)] = counts
            }
        }
    }

    /// The counts read for `county` on `asOf` in `year`, if they were.
    @inlinable
    public subscript(county: Int32, asOf: CalendarDate, year: Int32) -> Counts? {
        answers[Question(county: county, day: asOf.yyyymmdd, year: year)]
    }

    /// The counts read for `request`, if they were (its date and year as ``CountsRequest/figuresQuestion(today:)`` takes them).
    @inlinable
    public func answer(to request: CountsRequest, today: CalendarDate) -> Counts? {
        guard !answers.isEmpty, let question = try? request.figuresQuestion(today: today) else { return nil }
        return self[question.county, question.asOf, question.year]
    }

}
