import JCSkillsProtocol
import JCSkillsStore

/// A service's `Counts` figures for the city or a county on a date, in a year — what its
/// `Counts` and `BatchCounts` calls answer, each question checked the same way. The figures'
/// statement is read through `reading`: the store itself, or a batch's ``StatementRound``.
public protocol FiguresCounting: Sendable {
    associatedtype Counts: Sendable
    func counts(county: Int32, asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> Counts
    /// Several counties' counts on one date in one statement grouped by county, each the same as
    /// ``counts(county:asOf:year:reading:)`` gives it (``GroupedCounts``); nil where the service
    /// has no such statement.
    func counts(counties: [Int32], asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> [Int32: Counts]?
}

extension FiguresCounting {
    public func counts(counties: [Int32], asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> [Int32: Counts]? {
        nil
    }

    /// The answer to one `Counts` question, checked by ``CountsRequest/figuresQuestion(today:)``.
    /// Inlinable, as ``answers(_:today:on:)``: BatchQuestions.swift says why.
    @inlinable
    public func counts(answering request: CountsRequest, today: CalendarDate, reading: any RowReading) async throws -> Counts {
        let question = try request.figuresQuestion(today: today)
        return try await counts(county: question.county, asOf: question.asOf, year: question.year, reading: reading)
    }

    /// The answers to a `BatchCounts`: the county questions that share a date read together
    /// (``GroupedCounts``), the rest as ``BatchQuestions`` answers them.
    @inlinable
    public func answers(_ requests: [CountsRequest], today: CalendarDate, on store: Store) async throws -> [Counts] {
        let grouped = try await GroupedCounts(requests, today: today, on: store) { group in
            try await counts(counties: group.counties, asOf: group.asOf, year: group.year, reading: store)
        }
        return try await BatchQuestions.answer(requests, limit: CountsQuestions.limit, on: store, known: { grouped.answer(to: $0, today: today) }) {
            try await counts(answering: $0, today: today, reading: $1)
        }
    }
}
