import JCSkillsProtocol
import ServiceLifecycle

/// Asks for the city's totals every `spacing`, so the dashboard's charts gain a point even
/// when nobody is asking; the engine records each fresh answer.
struct HistorySampler: Service {
    let engine: TotalsEngine
    let spacing: Duration

    /// The first sample waits a little: at start-up the sources may still be starting too.
    static let firstDelay: Duration = .seconds(5)
    /// A spacing of 0 records every fresh answer; the sampler itself still paces itself.
    static let shortestSpacing: Duration = .seconds(10)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: Self.firstDelay)
            while !Task.isCancelled {
                _ = try? await engine.totals(TotalsRequest(fresh: true))
                try await Task.sleep(for: max(spacing, Self.shortestSpacing))
            }
        }
    }
}
