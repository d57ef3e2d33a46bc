import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// What one source service reported for the scopes asked about (0 = the city, else a county).
struct SourceReading: Sendable, Equatable {
    /// Scope → measure name → value.
    var measures: [Int32: [String: Double]] = [:]
    /// Measures the source could not give for a scope, with the reason (the evaluation service
    /// without an answer from the registry cannot say which enterprises lack a body).
    var missing: [Int32: [String: String]] = [:]
    /// When the source read its data, ms since 1970.
    var dataTimeMs: Int64 = 0
}

/// A department's service the gateway reads aggregates from.
protocol IndicatorSource: Sendable {
    /// The service name formulas use (`registry` in `registry.registered`).
    var service: String { get }
    /// Reads the measures for every scope on each of `question.dates`: one reading a date, in
    /// their order. `timeout` bounds each call it makes.
    func read(_ question: SourceQuestion, timeout: Duration) async throws -> [SourceReading]
}

/// What the gateway asks every source: these scopes, as of this date (and the planning
/// window's first date), for this year.
struct SourceQuestion: Sendable, Hashable {
    var scopes: [Int32]
    var asOf: CalendarDate
    /// Also read, in the same calls: the planning window's first date (``PlanningAid``).
    var earlier: CalendarDate? = nil
    var year: Int32
    var today: CalendarDate
    /// The language the reasons for a missing value are written in: the one the totals are asked in.
    var language: Language = .en

    /// The dates read, the as-of date first.
    var dates: [CalendarDate] { [asOf] + (earlier.map { [$0] } ?? []) }
}

extension IndicatorSource {
    /// Asks every scope of `question` on every one of its dates in one `batch` call — the answers
    /// by date (in ``SourceQuestion/dates``' order), then by scope. A source older than the batch
    /// calls answers UNIMPLEMENTED: it is then asked one `single` call a scope and date, all at once.
    func everyQuestion<Request: Sendable, Answer: Sendable>(
        _ question: SourceQuestion,
        request: (_ scope: Int32, _ date: CalendarDate) -> Request,
        batch: @Sendable ([Request]) async throws -> [Answer],
        single: @escaping @Sendable (Request) async throws -> Answer
    ) async throws -> [[Int32: Answer]] {
        let scopes = question.scopes
        let requests = question.dates.flatMap { date in scopes.map { request($0, date) } }
        let answers: [Answer]
        do {
            answers = try await batch(requests)
        } catch let error as RPCError where error.code == .unimplemented {
            answers = try await BatchQuestions.concurrently(requests, single)
        }
        guard answers.count == requests.count else {
            throw SourceFailure(reason: Messages.Gateway.wrongNumberOfAnswers(asked: requests.count, answered: answers.count)
                .text(in: question.language))
        }
        return question.dates.indices.map { date in
            Dictionary(uniqueKeysWithValues: scopes.enumerated().map { ($1, answers[date * scopes.count + $0]) })
        }
    }
}
