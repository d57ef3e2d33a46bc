import Foundation
import JCSkillsProtocol
import Testing
@testable import GatewayService

@Suite("Gateway: the dashboard's history")
struct IndicatorHistoryTests {
    @Test
    func aLongHistoryIsDrawnFromAveragedBuckets() async throws {
        let opened = try await DashboardTestStore.history()
        for minute in 0..<1_000 {
            var totals = Totals()
            totals.generatedMs = Int64(minute) * 60_000
            var skilled = IndicatorValue()
            skilled.key = "skilled_workers"
            skilled.value = Double(minute)
            skilled.status = .behind
            var down = IndicatorValue()
            down.key = "high_skill_talent"
            down.status = .unavailable
            totals.scope.indicators = [skilled, down]
            await opened.history.record(totals)
        }
        let series = try await opened.history.series("skilled_workers", points: 100)
        #expect((90...101).contains(series.count), "\(series.count) points")
        #expect(series.first?.atMs == 0)
        #expect(series.map(\.atMs) == series.map(\.atMs).sorted())
        // Each bucket holds consecutive minutes, so its average is its middle.
        let first = try #require(series.first)
        let bucketMinutes = Double(series[1].atMs - series[0].atMs) / 60_000
        #expect(abs(first.value - (bucketMinutes - 1) / 2) < 1e-9)
        // Unavailable values are not history.
        #expect(try await opened.history.series("high_skill_talent").isEmpty)
        await opened.close()
    }
}
