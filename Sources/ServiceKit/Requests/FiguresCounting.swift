import JCSkillsProtocol
import JCSkillsStore

/// A service's `Counts` figures for the city or a county on a date, in a year — what its
/// `Counts` and `BatchCounts` calls answer, each question checked the same way. The figures'
/// statement is read through `reading`: the store itself, or a batch's ``StatementRound``.
public protocol FiguresCounting: Sendable {
    associatedtype Counts: Sendable
    func counts(county: Int32, asOf: CalendarDate, year: Int32, reading: any RowReading) async throws -> Counts
}

extension FiguresCounting {
    /// The answer to one `Counts` question, checked by ``CountsRequest/figuresQuestion(today:)``.
    public func counts(answering request: CountsRequest, today: CalendarDate, reading: any RowReading) async throws -> Counts {
        let question = try request.figuresQuestion(today: today)
        return try await counts(county: question.county, asOf: question.asOf, year: question.year, reading: reading)
    }
}
