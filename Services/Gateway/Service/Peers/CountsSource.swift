import Foundation
import JCSkillsProtocol
import JCSkillsRPC

extension IndicatorSource {
    /// How the sources answering `Counts` (evaluation, training, competition) are read: every
    /// scope and date of `question` in one `batch` call (``everyQuestion``), each answer turned
    /// into its measures by the source's own table. `missing` names the measures an answer could
    /// not give, with the reason.
    func readCounts<Counts: WireMessage, Answers: WireMessage>(
        _ question: SourceQuestion, timeout: Duration, from client: RPCClient,
        batch: Method<CountsQuestions, Answers>, answers: @escaping @Sendable (Answers) -> [Counts],
        single: Method<CountsRequest, Counts>,
        measures: (Counts) -> [String: Double],
        missing: (Counts) -> [String: String] = { _ in [:] }
    ) async throws -> [SourceReading] {
        let options = CallOptions(timeout: timeout)
        let byDate = try await everyQuestion(
            question, request: { CountsRequest(county: $0, asOf: $1.yyyymmdd, year: question.year) },
            batch: { answers(try await client.unary(batch, CountsQuestions(requests: $0), options: options)) },
            single: { try await client.unary(single, $0, options: options) })
        let readAt = Int64(Date().timeIntervalSince1970 * 1000)
        return byDate.map { answers in
            var reading = SourceReading(dataTimeMs: readAt)
            for (scope, counts) in answers {
                reading.measures[scope] = measures(counts)
                let unknown = missing(counts)
                if !unknown.isEmpty { reading.missing[scope] = unknown }
            }
            return reading
        }
    }
}
