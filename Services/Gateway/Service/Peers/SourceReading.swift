import JCSkillsMessages
import JCSkillsProtocol

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
    /// Reads the measures for every scope; `timeout` bounds each call it makes.
    func read(_ question: SourceQuestion, timeout: Duration) async throws -> SourceReading
}

/// What the gateway asks every source: these scopes, as of this date, for this year.
struct SourceQuestion: Sendable, Hashable {
    var scopes: [Int32]
    var asOf: CalendarDate
    var year: Int32
    var today: CalendarDate
    /// The language the reasons for a missing value are written in: the one the totals are asked in.
    var language: Language = .en
}

extension IndicatorSource {
    /// Makes `call` for every scope of `question` at once; the answers by scope, or the first
    /// failure.
    func eachScope<Answer: Sendable>(
        _ question: SourceQuestion, _ call: @escaping @Sendable (Int32) async throws -> Answer
    ) async throws -> [Int32: Answer] {
        try await withThrowingTaskGroup(of: (Int32, Answer).self) { group in
            for scope in question.scopes {
                group.addTask { (scope, try await call(scope)) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }
}
