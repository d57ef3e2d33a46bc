import JCSkillsProtocol
import Logging
import ServiceLifecycle
import Synchronization

/// The latest ``PlanSeries``, shared by the refresher that writes it and the pages that read it.
final class LatestPlanSeries: Sendable {
    private let series = Mutex<PlanSeries?>(nil)

    var current: PlanSeries? { series.withLock { $0 } }

    func publish(_ new: PlanSeries) { series.withLock { $0 = new } }
}

/// Rebuilds the dashboard's dated series at start and every `interval`, off the request path:
/// a few dozen totals are too many to ask while a browser waits.
struct PlanSeriesRefresher: Service {
    let builder: PlanSeriesBuilder
    let latest: LatestPlanSeries
    let interval: Duration
    let logger: Logger

    /// At start-up the sources may still be starting too (HistorySampler.swift waits as long).
    static let firstDelay: Duration = .seconds(5)
    /// How often today's answer (one totals, usually cached) is compared with the series, so
    /// new data shows within this long rather than after a whole interval.
    static let checkEvery: Duration = .seconds(30)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: Self.firstDelay)
            await refresh()
            var last = ContinuousClock.now
            while !Task.isCancelled {
                try await Task.sleep(for: Self.checkEvery)
                var due = ContinuousClock.now - last >= interval
                if !due { due = await changed() }
                if due {
                    await refresh()
                    last = ContinuousClock.now
                }
            }
        }
    }

    /// An unavailable source leaves the series as it is: the gaps would only grow.
    private func changed() async -> Bool {
        guard let series = latest.current else { return true }
        guard let today = try? await builder.engine.totals(TotalsRequest()) else { return false }
        return series.isStale(against: today)
    }

    /// Logs what a refresh cost, so a plan that grows long enough to strain the sources shows.
    func refresh() async {
        guard let today = builder.today() else { return }
        let started = ContinuousClock.now
        let series = await builder.build(asOf: today)
        latest.publish(series)
        let elapsed = ContinuousClock.now - started
        let gaps = series.byIndicator.values.reduce(0) { $0 + $1.filter { $0.value == nil }.count }
        logger.info("dashboard series refreshed", metadata: [
            "as_of": "\(today)", "milliseconds": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
            "gaps": "\(gaps)",
        ])
    }
}
